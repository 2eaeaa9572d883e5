"""A lesson run: one class doing one lesson together, the board leading and the pupils'
screens following. Its class activities keep counts only, and only until the run ends."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools.models.checkins import CheckInSession
from schools.models.organisation import Municipality, School, SchoolClass


def live_runs(now):
    """The rule for "a run is live": not ended and not past its end."""
    return Q(ended_at__isnull=True, ends_at__gt=now)


class LessonRunQuerySet(models.QuerySet):
    def live(self, now=None):
        return self.filter(live_runs(now or timezone.now()))

    def for_user(self, user):
        return self.filter(school_class__in=SchoolClass.objects.for_user(user))


class Showing(models.TextChoices):
    """What the pupils' screens show, following the board."""

    WAIT = "wait", _("look at the board")
    ACTIVITY = "activity", _("a class activity")
    CHECK_IN = "check-in", _("a check-in")
    ENDED = "ended", _("the lesson has ended")


class LessonRun(models.Model):
    """One class doing one lesson with the board: the join code the pupils use once, what
    their screens show now, and, once it has ended, only how many activities were held.
    Like a check-in it keeps where it counts, as it was on that day."""

    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("class"),
        on_delete=models.PROTECT,
        related_name="lesson_runs",
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.CharField(_("group"), max_length=12)
    week = models.DateField(_("week"), help_text=_("The Monday of its week."))
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    code = models.CharField(_("join code"), max_length=8)
    expected = models.PositiveSmallIntegerField(_("pupils in the class"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    showing = models.CharField(
        _("pupils see"), max_length=10, choices=Showing.choices, default=Showing.WAIT
    )
    activity = models.CharField(_("activity on the board"), max_length=64, blank=True)
    check_in = models.ForeignKey(
        CheckInSession,
        verbose_name=_("check-in on the board"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1)
    activities_held = models.PositiveSmallIntegerField(_("activities held"), default=0)

    objects = LessonRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("lesson run")
        verbose_name_plural = _("lesson runs")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(ended_at__isnull=True),
                name="run_code_unique_while_live",
            )
        ]
        indexes = [models.Index(fields=["municipality", "week"])]

    def __str__(self):
        return f"{self.code} · {self.school_class}"

    @property
    def is_live(self):
        return self.ended_at is None and self.ends_at > timezone.now()


class RunActivity(models.Model):
    """One activity of a run, from the moment the board first showed it: what pupils
    choose from (a copy of the lesson's block, so answers and results never depend on
    later edits), how many answered, and whether the teacher has revealed the result."""

    run = models.ForeignKey(
        LessonRun, on_delete=models.CASCADE, related_name="activities"
    )
    activity = models.CharField(max_length=64)
    definition = models.JSONField()
    n = models.PositiveIntegerField(default=0)
    revealed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["run", "activity"], name="run_activity_once"
            )
        ]

    def __str__(self):
        return f"{self.run_id} · {self.activity}"


class OptionCount(models.Model):
    """How many pupils chose one option of one activity, and the sum of their answers'
    random record keys (the cell key, schools.results.perturbation)."""

    activity = models.ForeignKey(
        RunActivity, on_delete=models.CASCADE, related_name="counts"
    )
    option = models.CharField(max_length=64)
    n = models.PositiveIntegerField(default=0)
    key = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "option"], name="option_counted_once"
            )
        ]

    def __str__(self):
        return f"{self.activity_id} · {self.option}"


class SpentActivityToken(models.Model):
    """A spent one-time token of an activity answer: random, the primary key (no column
    orders them), linked to the run only. Deleted when the run ends."""

    nonce = models.CharField(max_length=32, primary_key=True)
    run = models.ForeignKey(
        LessonRun, on_delete=models.CASCADE, related_name="spent_tokens"
    )

    def __str__(self):
        return self.nonce
