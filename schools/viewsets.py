"""The Wagtail admin for municipalities, schools, classes, memberships and coordinator
scopes. A school admin sees and manages the classes of her own school only; a teacher sees
her own classes; municipalities, memberships and coordinator scopes are for the platform's
administrators."""

from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError
from django.forms import modelform_factory
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from schools import services
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


class ScopedCopyView(ScopedQuerysetMixin, generic.CopyView):
    """A copy starts from one of her own rows; the form limits the rest."""

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_scoped_queryset(), pk=self.kwargs["pk"])


class ScopedHistoryView(ScopedQuerysetMixin, generic.HistoryView):
    def get_base_object_queryset(self):
        return self.get_scoped_queryset()


class ScopedUsageView(ScopedQuerysetMixin, generic.UsageView):
    def get_base_object_queryset(self):
        return self.get_scoped_queryset()


class RefuseProtectedDeleteView(generic.DeleteView):
    """A row others depend on (a municipality with schools) is not deleted: say so."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("%(object)s is still in use and cannot be deleted.")
                % {"object": self.object},
            )
            return redirect(self.get_success_url())


class ArchiveOrDeleteView(ScopedQuerysetMixin, generic.DeleteView):
    """Deleting a class or school with history (check-ins, lessons given) archives it
    instead: published figures never change. One made by mistake is deleted."""

    template_name = "schools/admin/confirm_remove.html"

    def get_queryset(self):
        return self.get_scoped_queryset()

    def remove(self):
        """The service that archives or deletes; returns which it did."""
        raise NotImplementedError

    @cached_property
    def has_history(self):
        return self.object.has_history

    @property
    def confirmation_message(self):
        if self.has_history:
            return _(
                "%(object)s has check-ins or lessons given. Those stay part of the "
                "pilot's figures, so it is archived, not deleted: it then starts no "
                "more check-ins."
            ) % {"object": self.object}
        return super().confirmation_message

    def delete_action(self):
        with transaction.atomic():
            if not self.has_history:
                log(instance=self.object, action="wagtail.delete")
            if self.remove() == "archived":
                log(instance=self.object, action="wagtail.edit")

    def get_success_message(self):
        if self.has_history:
            return _("%(object)s is archived.") % {"object": self.object}
        return super().get_success_message()


class ArchiveClassView(ArchiveOrDeleteView):
    def remove(self):
        return services.remove_class(school_class=self.object)


class ArchiveSchoolView(ArchiveOrDeleteView):
    def remove(self):
        return services.remove_school(school=self.object)


class ScopedInspectView(ScopedQuerysetMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_scoped_queryset(), pk=self.pk)


class ScopedForm(WagtailAdminModelForm):
    """Every form of the scoped admin (add, edit, copy): a school admin picks only her own
    schools, and teachers who work there; moving a school to another municipality is for
    the platform's administrators only (published figures stay where they were)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        if "municipality" in self.fields and not user.has_perm("schools.change_school"):
            self.fields["municipality"].disabled = True
        schools = School.objects.for_user(user)
        if "school" in self.fields:
            self.fields["school"].queryset = schools
        if "teachers" in self.fields:
            self.fields["teachers"].queryset = User.objects.filter(
                memberships__school__in=schools
            ).distinct()


class ScopedViewSet(ModelViewSet):
    """Every view of a school's or class's admin reads through the scoped queryset, and
    every form is a ScopedForm."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True

    @property
    def permission_policy(self):
        return SchoolScopePolicy(self.model)

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=ScopedForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.get_form_fields(),
        )


class MunicipalityViewSet(ModelViewSet):
    model = Municipality
    delete_view_class = RefuseProtectedDeleteView
    url_prefix = "gemeenten"
    icon = "site"
    menu_label = _("Municipalities")
    form_fields = ["name", "slug"]
    list_display = ["name"]


class SchoolViewSet(ScopedViewSet):
    model = School
    delete_view_class = ArchiveSchoolView
    copy_view_enabled = False  # a school is not made by copying another
    url_prefix = "scholen"
    icon = "home"
    menu_label = _("Schools")
    form_fields = ["name", "municipality", "board", "kind"]
    list_display = ["name", "municipality", "kind", "archived_on"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]


class SchoolClassViewSet(ScopedViewSet):
    model = SchoolClass
    delete_view_class = ArchiveClassView
    url_prefix = "klassen"
    icon = "group"
    menu_label = _("Classes")
    form_fields = ["school", "name", "groups", "school_year", "pupil_count", "teachers"]
    list_display = ["name", "school", "school_year", "pupil_count", "archived_on"]
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
