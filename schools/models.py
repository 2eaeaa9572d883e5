import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    today = today or timezone.localdate()
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}-{start + 1}"


class SchoolClassQuerySet(models.QuerySet):
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


class ResultCell(AnswerCounts):
    """Answer counts per class, week, lesson and moment, kept in step with every answer.
    Results read these, never the raw answers, so a query costs what it returns and the raw
    answers can be deleted after the retention period without changing any figure."""

    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.CASCADE, related_name="result_cells"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+"
    )
    band = models.CharField(max_length=12)
    week = models.DateField()
    lesson_key = models.PositiveIntegerField(
        default=0, help_text="The lesson's page id, 0 for none."
    )
    moment = models.CharField(max_length=12, choices=Moment.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school_class", "week", "lesson_key", "moment"],
                name="result_cell_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "week"]),
            models.Index(fields=["school", "week"]),
            models.Index(fields=["week"]),  # the weeks after the rollups, region-wide
        ]

    def __str__(self):
        return f"{self.school_class_id} · {self.week} · {self.moment}"


class ResultRollup(AnswerCounts):
    """The published atoms of completed weeks, summed over the school (and more), for
    coordinators. One row holds one question's counts. Kept by `refresh_result_rollups`
    (schools.results.refresh_rollups); region-wide figures read these instead of every
    result cell. Which columns a level keeps is in schools.results.ROLLUP_LEVELS; the
    others are empty."""

    level = models.CharField(max_length=16)
    question = models.CharField(max_length=12)
    municipality = models.ForeignKey(
        Municipality, null=True, on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField()
    band = models.CharField(max_length=12, null=True)  # noqa: DJ001 (NULL: not kept at this level)
    lesson_key = models.PositiveIntegerField(null=True)
    moment = models.CharField(max_length=12, null=True)  # noqa: DJ001

    class Meta:
        indexes = [models.Index(fields=["level", "question", "week"])]

    def __str__(self):
        return f"{self.level} · {self.question} · {self.week}"


class ResultRollupState(models.Model):
    """How far the rollups reach: every week up to and including `through_week`, made with
    the coordinator threshold `threshold`. One row, or none before the first refresh."""

    through_week = models.DateField()
    threshold = models.PositiveIntegerField()
    refreshed_at = models.DateTimeField()

    def __str__(self):
        return f"t/m {self.through_week}"


SCALES = {
    "mood": [1, 2, 3, 4, 5],
    "energy": Energy.values,
    "feeling": Feeling.values,
    "ladder": list(range(11)),
}


def answer_columns(question):
    """The count columns of ResultCell for one question, value -> column name."""
    return {value: f"{question}_{value}" for value in SCALES[question]}
