"""Registers the schools admin, the teachers' menu item, the dashboard's panels for
teachers and reviewers, and the results dashboard."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from schools.models import SchoolClass
from schools.viewsets import SchoolsGroup


@hooks.register("register_admin_viewset")
def register_schools():
    return SchoolsGroup()


class MyClassesMenuItem(MenuItem):
    def is_shown(self, request):
        return SchoolClass.objects.for_user(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_my_classes():
    return MyClassesMenuItem(
        _("My classes and check-ins"),
        reverse("teaching:home"),
        icon_name="group",
        order=250,
    )


@hooks.register("construct_homepage_panels")
def teacher_and_reviewer_panels(request, panels):
    """Reviewers approve in one visible step; teachers find the way to their home."""
    from schools.teaching.review import dashboard_panels

    dashboard_panels(request, panels)


@hooks.register("insert_global_admin_css")
def review_panel_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html(
        '<link rel="stylesheet" href="{}">', static("schools/review-panel.css")
    )


# --- The results dashboard (schools.admin_views).


@hooks.register("register_admin_urls")
def register_dashboard_urls():

    from schools.dashboard import views as admin_views

    return [
        path("resultaten/", admin_views.dashboard_view, name="results_dashboard"),
        path("resultaten/afdrukken/", admin_views.print_view, name="results_print"),
        path("resultaten/export.csv", admin_views.export_csv, name="results_csv"),
        path("resultaten/export.xlsx", admin_views.export_xlsx, name="results_xlsx"),
    ]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        from schools.results import viewer_for_request

        return viewer_for_request(request) is not None


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return ResultsMenuItem(
        _("Results"), reverse("results_dashboard"), icon_name="table", order=240
    )
