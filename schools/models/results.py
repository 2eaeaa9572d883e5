from django.db import models

from schools.models.checkins import AnswerCounts
from schools.models.organisation import Municipality, School


class ResultRollup(AnswerCounts):
    """The published figures of completed weeks, made ahead for coordinators: the atoms'
    published (perturbed) counts summed at one level. One row holds one question's counts.
    Kept by `refresh_result_rollups` (schools.results.rollups); which columns a level
    keeps is in schools.results.rollups.LEVELS, the others are empty."""

    level = models.CharField(max_length=16)
    question = models.CharField(max_length=12)
    school = models.ForeignKey(
        School, null=True, on_delete=models.CASCADE, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality, null=True, on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField()
    group = models.CharField(max_length=12, null=True)  # noqa: DJ001 (NULL: not kept at this level)
    lesson_key = models.PositiveIntegerField(null=True)
    moment = models.CharField(max_length=12, null=True)  # noqa: DJ001

    class Meta:
        indexes = [models.Index(fields=["level", "question", "week"])]

    def __str__(self):
        return f"{self.level} · {self.question} · {self.week}"


class ResultRollupState(models.Model):
    """How far the rollups reach: every week up to and including `through_week`, made with
    the coordinator rules `rules` (threshold, classes, perturbation table). One row, or
    none before the first refresh."""

    through_week = models.DateField()
    rules = models.CharField(max_length=64)
    refreshed_at = models.DateTimeField()

    def __str__(self):
        return f"t/m {self.through_week}"
