import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools.models.organisation import SchoolClass


class Moment(models.TextChoices):
    LESSON_START = "lesson_start", _("start of the lesson")
    LESSON_END = "lesson_end", _("end of the lesson")
    STANDALONE = "standalone", _("on its own")
    SERIES_START = "series_start", _("start of a lesson series")
    SERIES_END = "series_end", _("end of a lesson series")


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


class CheckInSessionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True, expires_at__gt=timezone.now())

    def for_user(self, user):
        return self.filter(school_class__in=SchoolClass.objects.for_user(user))


class CheckInSession(models.Model):
    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("class"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
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
    answer_count = models.PositiveSmallIntegerField(_("answers"), default=0)
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
    show_live_results = models.BooleanField(_("show results while open"), default=False)

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
                condition=Q(answer_count__lte=models.F("expected") + CLASS_SIZE_MARGIN),
                name="session_answers_capped",
            ),
        ]

    def __str__(self):
        return f"{self.code} · {self.school_class}"

    @property
    def is_open(self):
        return self.closed_at is None and self.expires_at > timezone.now()

    @property
    def cap(self):
        return self.expected + CLASS_SIZE_MARGIN


class CheckInAnswer(models.Model):
    """One pupil's answer. Anonymous by construction: the session, the date and the
    values, nothing else (no time, no address, no device, no free text)."""

    session = models.ForeignKey(
        CheckInSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    answered_on = models.DateField(_("date"))
    mood = models.PositiveSmallIntegerField(_("mood"), null=True, blank=True)
    energy = models.CharField(
        _("energy"), max_length=6, choices=Energy.choices, blank=True
    )
    feeling = models.CharField(
        _("feeling"), max_length=12, choices=Feeling.choices, blank=True
    )
    ladder = models.PositiveSmallIntegerField(
        _("life satisfaction (0-10)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("check-in answer")
        verbose_name_plural = _("check-in answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(mood__isnull=True) | Q(mood__gte=1, mood__lte=5),
                name="answer_mood_in_range",
            ),
            models.CheckConstraint(
                condition=Q(ladder__isnull=True) | Q(ladder__lte=10),
                name="answer_ladder_in_range",
            ),
            models.CheckConstraint(
                condition=Q(energy__in=["", *Energy.values]), name="answer_energy_known"
            ),
            models.CheckConstraint(
                condition=Q(feeling__in=["", *Feeling.values]),
                name="answer_feeling_known",
            ),
        ]

    def __str__(self):
        return f"{self.session_id} · {self.answered_on}"


class UsedToken(models.Model):
    """A spent one-time token, so a second answer with it is refused, and the idempotency
    key it was spent with, so a resent answer is stored once. Both are random: nothing here
    says who answered, and there is no link to the answer itself."""

    session = models.ForeignKey(
        CheckInSession, on_delete=models.CASCADE, related_name="used_tokens"
    )
    nonce = models.CharField(max_length=32)
    key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "nonce"], name="token_used_once")
        ]

    def __str__(self):
        return self.nonce


class LessonDelivery(models.Model):
    """Lesson X was given to class Y on date D: the pilot's coverage, with or without answers."""

    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("class"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    delivered_on = models.DateField(_("date"))

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


def session_lifetime():
    return datetime.timedelta(hours=settings.CHECKIN_SESSION_HOURS)


def week_of(day):
    return day - datetime.timedelta(days=day.weekday())


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


SCALES = {
    "mood": [1, 2, 3, 4, 5],
    "energy": Energy.values,
    "feeling": Feeling.values,
    "ladder": list(range(11)),
}


def answer_columns(question):
    """The count columns of ResultCell for one question, value -> column name."""
    return {value: f"{question}_{value}" for value in SCALES[question]}
