from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schools import clock


class User(AbstractUser):
    """Staff only: teachers, school admins, reviewers and coordinators. Pupils never
    have an account."""


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class SchoolKind(models.TextChoices):
    PRIMARY = "po", _("primary school")
    SECONDARY = "vo", _("secondary school")


class SchoolQuerySet(models.QuerySet):
    def for_user(self, user):
        """The schools a user manages: all for superusers, else their own as school admin."""
        if user.is_superuser:
            return self
        return self.filter(
            memberships__user=user, memberships__role=Role.SCHOOL_ADMIN
        ).distinct()


class School(models.Model):
    name = models.CharField(_("name"), max_length=120)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="schools",
    )
    board = models.CharField(_("school board"), max_length=120, blank=True)
    kind = models.CharField(
        _("kind"), max_length=2, choices=SchoolKind.choices, default=SchoolKind.PRIMARY
    )
    archived_on = models.DateField(
        _("archived on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("A school with results is archived instead of deleted."),
    )

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="school_name_unique_in_municipality",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def has_history(self):
        """A class with history: then it is archived, never deleted."""
        return self.classes.filter(
            Q(sessions__isnull=False) | Q(deliveries__isnull=False)
        ).exists()


class Role(models.TextChoices):
    TEACHER = "teacher", _("teacher")
    SCHOOL_ADMIN = "school_admin", _("school admin")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    school = models.ForeignKey(
        School,
        verbose_name=_("school"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=Role.choices, default=Role.TEACHER
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school", "role"], name="membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.school} · {self.get_role_display()}"


class CoordinatorScope(models.Model):
    """A pilot coordinator reads results for one municipality, or the whole region."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="coordinator_scope",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Empty: the whole region."),
    )

    class Meta:
        verbose_name = _("coordinator scope")
        verbose_name_plural = _("coordinator scopes")

    def __str__(self):
        return f"{self.user} · {self.municipality or _('whole region')}"


def current_school_year(today=None):
    today = today or clock.today()
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}-{start + 1}"


class SchoolClassQuerySet(models.QuerySet):
    def active(self):
        """Not archived: a class that can still run check-ins."""
        return self.filter(archived_on__isnull=True, school__archived_on__isnull=True)

    def for_user(self, user):
        """Classes a user may run check-ins for: their own as teacher, all of their school as school admin."""
        if user.is_superuser:
            return self
        return self.filter(
            Q(teachers=user)
            | Q(
                school__memberships__user=user,
                school__memberships__role=Role.SCHOOL_ADMIN,
            )
        ).distinct()


class SchoolClass(models.Model):
    school = models.ForeignKey(
        School,
        verbose_name=_("school"),
        on_delete=models.CASCADE,
        related_name="classes",
    )
    name = models.CharField(
        _("name"),
        max_length=60,
        help_text=_('As the school says it, for example "groep 6/7" or "1B".'),
    )
    groups = models.ManyToManyField(
        "lessons.GroupBand", verbose_name=_("groups"), related_name="classes"
    )
    school_year = models.CharField(
        _("school year"),
        max_length=9,
        default=current_school_year,
        validators=[RegexValidator(r"^\d{4}-\d{4}$")],
    )
    pupil_count = models.PositiveSmallIntegerField(_("number of pupils"))
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teachers"),
        related_name="classes",
        blank=True,
    )
    archived_on = models.DateField(
        _("archived on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("A class with results is archived instead of deleted."),
    )

    objects = SchoolClassQuerySet.as_manager()

    class Meta:
        ordering = ["school__name", "name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name", "school_year"],
                name="class_name_unique_per_year",
            ),
            models.CheckConstraint(
                condition=Q(pupil_count__gte=1, pupil_count__lte=40),
                name="class_size_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.name} · {self.school}"

    def youngest_group(self):
        """The group a class counts in. A combination class counts in its youngest
        group: one group per class keeps the groups' totals additive."""
        return (
            self.groups.order_by("order").values_list("code", flat=True).first() or ""
        )

    @property
    def has_history(self):
        """Check-ins or lessons given: then it is archived, never deleted."""
        return self.sessions.exists() or self.deliveries.exists()
