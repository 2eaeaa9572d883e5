"""Schools in the Wagtail admin. A school admin sees and manages the classes of her own
school only; a teacher sees her own classes; municipalities, memberships and coordinator
scopes are for the platform's administrators."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from schools.models import (
    CoordinatorScope,
    Membership,
    Municipality,
    Role,
    School,
    SchoolClass,
    User,
)


class SchoolScopePolicy(ModelPermissionPolicy):
    """Django permissions for administrators; for school admins and teachers, what their
    memberships allow, limited to their own schools and classes by `for_user` querysets."""

    SCHOOL_ADMIN_ACTIONS = {
        School: {"change", "view"},
        SchoolClass: {"add", "change", "delete", "view"},
    }
    TEACHER_ACTIONS = {SchoolClass: {"view"}}

    @staticmethod
    def _roles(user):
        """Her roles, and whether she teaches a class: read once per request (the admin
        asks for every menu item)."""
        if not hasattr(user, "_school_roles"):
            user._school_roles = (
                set(
                    Membership.objects.filter(user=user).values_list("role", flat=True)
                ),
                user.classes.exists(),
            )
        return user._school_roles

    def _role_actions(self, user):
        if not user.is_active:
            return set()
        roles, teaches = self._roles(user)
        actions = set()
        if Role.SCHOOL_ADMIN in roles:
            actions |= self.SCHOOL_ADMIN_ACTIONS.get(self.model, set())
        if Role.TEACHER in roles or teaches:
            actions |= self.TEACHER_ACTIONS.get(self.model, set())
        return actions

    def user_has_permission(self, user, action):
        return super().user_has_permission(
            user, action
        ) or action in self._role_actions(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def _django_allows(self, user, actions):
        return any(
            super(SchoolScopePolicy, self).user_has_permission(user, action)
            for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if self._django_allows(user, actions):
            return self.model._default_manager.all()
        allowed = set(actions) & self._role_actions(user)
        if not allowed:
            return self.model._default_manager.none()
        admin_schools = School.objects.filter(
            memberships__user=user, memberships__role=Role.SCHOOL_ADMIN
        )
        if self.model is School:
            return School.objects.filter(pk__in=admin_schools)
        if allowed == {"view"}:
            return SchoolClass.objects.for_user(
                user
            )  # her own classes, and her school's as admin
        return SchoolClass.objects.filter(school__in=admin_schools)


class ScopedQuerysetMixin:
    def get_scoped_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )


class ScopedIndexView(ScopedQuerysetMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.get_scoped_queryset()


class ScopedEditView(ScopedQuerysetMixin, generic.EditView):
    def get_queryset(self):
        return self.get_scoped_queryset()

    def get_form(self, *args, **kwargs):
        return limit_choices(super().get_form(*args, **kwargs), self.request.user)


class ScopedCreateView(generic.CreateView):
    def get_form(self, *args, **kwargs):
        return limit_choices(super().get_form(*args, **kwargs), self.request.user)


class ScopedDeleteView(ScopedQuerysetMixin, generic.DeleteView):
    def get_queryset(self):
        return self.get_scoped_queryset()


class ScopedInspectView(ScopedQuerysetMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_scoped_queryset(), pk=self.pk)


def limit_choices(form, user):
    """A school admin picks only her own schools, and teachers who work there."""
    if user.is_superuser:
        return form
    schools = School.objects.for_user(user)
    if "school" in form.fields:
        form.fields["school"].queryset = schools
    if "teachers" in form.fields:
        form.fields["teachers"].queryset = User.objects.filter(
            memberships__school__in=schools
        ).distinct()
    return form


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True

    @property
    def permission_policy(self):
        return SchoolScopePolicy(self.model)


class MunicipalityViewSet(ModelViewSet):
    model = Municipality
    url_prefix = "gemeenten"
    icon = "site"
    menu_label = _("Municipalities")
    form_fields = ["name", "slug"]
    list_display = ["name"]


class SchoolViewSet(ScopedViewSet):
    model = School
    url_prefix = "scholen"
    icon = "home"
    menu_label = _("Schools")
    form_fields = ["name", "municipality", "board", "kind"]
    list_display = ["name", "municipality", "kind"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]


class SchoolClassViewSet(ScopedViewSet):
    model = SchoolClass
    url_prefix = "klassen"
    icon = "group"
    menu_label = _("Classes")
    form_fields = ["school", "name", "groups", "school_year", "pupil_count", "teachers"]
    list_display = ["name", "school", "school_year", "pupil_count"]
    list_filter = ["school_year"]
    search_fields = ["name"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    url_prefix = "lidmaatschappen"
    icon = "user"
    menu_label = _("Memberships")
    form_fields = ["user", "school", "role"]
    list_display = ["user", "school", "role"]
    list_filter = ["role"]


class CoordinatorScopeViewSet(ModelViewSet):
    model = CoordinatorScope
    url_prefix = "coordinatoren"
    icon = "view"
    menu_label = _("Coordinators")
    form_fields = ["user", "municipality"]
    list_display = ["user", "municipality"]


class SchoolsGroup(ViewSetGroup):
    menu_label = _("Schools")
    menu_icon = "home"
    menu_order = 300
    items = (
        SchoolViewSet,
        SchoolClassViewSet,
        MunicipalityViewSet,
        MembershipViewSet,
        CoordinatorScopeViewSet,
    )


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
        reverse("checkins:my_classes"),
        icon_name="group",
        order=250,
    )


# --- The results dashboard (schools.admin_views).


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    from django.urls import path

    from schools import admin_views

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
