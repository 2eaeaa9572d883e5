import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lessons.moments import Moment
from schools.models.organisation import Municipality, School, SchoolClass


class QuestionSet(models.TextChoices):
    YOUNG = "young", _("3 faces (groep 1-2)")
    STANDARD = "standard", _("5 faces, energy and a feeling word")
    LADDER = "ladder", _("life-satisfaction ladder 0-10 (groep 6 and up)")


class Energy(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")


class Feeling(models.TextChoices):
    HAPPY = "blij", _("happy")
    CALM = "rustig", _("calm")
    PROUD = "trots", _("proud")
    GRATEFUL = "dankbaar", _("grateful")
    EXCITED = "opgewonden", _("excited")
    TIRED = "moe", _("tired")
    BORED = "verveeld", _("bored")
    NERVOUS = "zenuwachtig", _("nervous")
    SAD = "verdrietig", _("sad")
    ANGRY = "boos", _("angry")


# Answers accepted beyond the class size, for a miscounted class or a pupil who visits.
CLASS_SIZE_MARGIN = 2


def session_lifetime():
    return datetime.timedelta(hours=settings.CHECKIN_SESSION_HOURS)


def open_sessions(now):
    """The rule for "a check-in is open", as a condition on sessions: not closed and not
    expired. `CheckInSession.is_open` says the same for one session in memory, and the
    write path puts the SQL this compiles to in its claim statement."""
    return Q(closed_at__isnull=True, expires_at__gt=now)


SCALES = {
    "mood": [1, 2, 3, 4, 5],
    "energy": Energy.values,
    "feeling": Feeling.values,
    "ladder": list(range(11)),
}


def answer_columns(question):
    """The count columns of one question, value -> column name."""
    return {value: f"{question}_{value}" for value in SCALES[question]}


class AnswerCounts(models.Model):
    """How many answers, and how many of them gave each value of each question."""

    n = models.PositiveIntegerField(default=0)
    mood_1 = models.PositiveIntegerField(default=0)
    mood_2 = models.PositiveIntegerField(default=0)
    mood_3 = models.PositiveIntegerField(default=0)
    mood_4 = models.PositiveIntegerField(default=0)
    mood_5 = models.PositiveIntegerField(default=0)
    energy_low = models.PositiveIntegerField(default=0)
    energy_medium = models.PositiveIntegerField(default=0)
    energy_high = models.PositiveIntegerField(default=0)
    feeling_blij = models.PositiveIntegerField(default=0)
    feeling_rustig = models.PositiveIntegerField(default=0)
    feeling_trots = models.PositiveIntegerField(default=0)
    feeling_dankbaar = models.PositiveIntegerField(default=0)
    feeling_opgewonden = models.PositiveIntegerField(default=0)
    feeling_moe = models.PositiveIntegerField(default=0)
    feeling_verveeld = models.PositiveIntegerField(default=0)
    feeling_zenuwachtig = models.PositiveIntegerField(default=0)
    feeling_verdrietig = models.PositiveIntegerField(default=0)
    feeling_boos = models.PositiveIntegerField(default=0)
    ladder_0 = models.PositiveIntegerField(default=0)
    ladder_1 = models.PositiveIntegerField(default=0)
    ladder_2 = models.PositiveIntegerField(default=0)
    ladder_3 = models.PositiveIntegerField(default=0)
    ladder_4 = models.PositiveIntegerField(default=0)
    ladder_5 = models.PositiveIntegerField(default=0)
    ladder_6 = models.PositiveIntegerField(default=0)
    ladder_7 = models.PositiveIntegerField(default=0)
    ladder_8 = models.PositiveIntegerField(default=0)
    ladder_9 = models.PositiveIntegerField(default=0)
    ladder_10 = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class KeySums(models.Model):
    """Next to each count, the sum of its answers' random record keys modulo KEY_RANGE:
    the cell key that decides how the count is perturbed (schools.results.perturbation).
    One column per count column, named `<count column>_key`; a key says nothing about a
    pupil, and a sum of keys says nothing about the order of the answers."""

    class Meta:
        abstract = True


for _column in (c for question in SCALES for c in answer_columns(question).values()):
    KeySums.add_to_class(f"{_column}_key", models.PositiveIntegerField(default=0))


class CheckInSessionQuerySet(models.QuerySet):
    def open(self, now=None):
        return self.filter(open_sessions(now or timezone.now()))

    def ended(self, now=None):
        """Closed or expired: their counts will not change any more."""
        return self.exclude(open_sessions(now or timezone.now()))

    def for_user(self, user):
        return self.filter(school_class__in=SchoolClass.objects.for_user(user))


class CheckInSession(AnswerCounts, KeySums):
    """One check-in of one class, and its answers as counts: how many answered (`n`) and
    how many gave each value. There is no row per answer, so nothing stored orders or links
    the answers of a session. The session also keeps where it counts (school, municipality,
    group and week, as they were when it was opened), so moving a class or a school later
    never moves published figures."""

    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("class"),
        on_delete=models.PROTECT,
        related_name="sessions",
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
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moment = models.CharField(_("moment"), max_length=12, choices=Moment.choices)
    question_set = models.CharField(
        _("questions"), max_length=8, choices=QuestionSet.choices
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
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = CheckInSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("check-in session")
        verbose_name_plural = _("check-in sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(closed_at__isnull=True),
                name="session_code_unique_while_open",
            ),
            models.CheckConstraint(
                condition=Q(n__lte=models.F("expected") + CLASS_SIZE_MARGIN),
                name="session_answers_capped",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "week"]),
            models.Index(fields=["school", "week"]),
            models.Index(fields=["week"]),
        ]

    def __str__(self):
        return f"{self.code} · {self.school_class}"

    @property
    def is_open(self):
        return self.closed_at is None and self.expires_at > timezone.now()

    @property
    def cap(self):
        return self.expected + CLASS_SIZE_MARGIN


class UsedToken(models.Model):
    """A spent one-time token, so a second answer with it is refused, and the idempotency
    key it was spent with, so a resent answer is counted once. Both are random; the nonce
    is the primary key, so no column numbers the tokens in the order they were spent, and
    nothing links a token to the values it counted. Deleted soon after the session ends
    (`purge_checkins`)."""

    nonce = models.CharField(max_length=32, primary_key=True)
    session = models.ForeignKey(
        CheckInSession, on_delete=models.CASCADE, related_name="used_tokens"
    )
    key = models.UUIDField()

    def __str__(self):
        return self.nonce


class LessonDelivery(models.Model):
    """Lesson X was given to class Y on date D: the pilot's coverage, with or without
    answers. Like a session, it keeps where it counts as it was on that day."""

    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("class"),
        on_delete=models.PROTECT,
        related_name="deliveries",
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
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    delivered_on = models.DateField(_("date"))
    week = models.DateField(_("week"), help_text=_("The Monday of its week."))

    class Meta:
        verbose_name = _("lesson given")
        verbose_name_plural = _("lessons given")
        constraints = [
            models.UniqueConstraint(
                fields=["school_class", "lesson", "delivered_on"],
                name="delivery_once_a_day",
            )
        ]

    def __str__(self):
        return f"{self.lesson_id} · {self.school_class_id} · {self.delivered_on}"
