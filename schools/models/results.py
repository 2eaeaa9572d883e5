from django.db import models

from schools.models.checkins import AnswerCounts, Moment
from schools.models.organisation import Municipality, School, SchoolClass


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
