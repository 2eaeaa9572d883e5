"""The Wagtail admin for municipalities, schools, classes, memberships and coordinator
scopes. A school admin sees and manages the classes of her own school only; a teacher sees
her own classes; municipalities, memberships and coordinator scopes are for the platform's
administrators."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from schools.models import (
    CoordinatorScope,
    Membership,
    Municipality,
    School,
    SchoolClass,
    User,
)
from schools.permissions import SchoolScopePolicy


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
