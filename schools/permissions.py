"""Who may do what with schools and classes in the Wagtail admin."""

from wagtail.permission_policies import ModelPermissionPolicy

from schools.models import Membership, Role, School, SchoolClass


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
