"""A teacher's own things on her home: lessons she keeps (favourites) and the lessons she
plans for a class, week by week. Neither says anything about a pupil."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools.models.organisation import SchoolClass


class FavouriteLesson(models.Model):
    """A lesson a teacher keeps for later ("Bewaren"). Hers alone: nobody else reads it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="favourite_lessons",
    )
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        ordering = ["-saved_at"]
        verbose_name = _("saved lesson")
        verbose_name_plural = _("saved lessons")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="favourite_once_per_user"
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.lesson_id}"


class PlannedLessonQuerySet(models.QuerySet):
    def for_user(self, user):
        """The plans of the classes a user may run check-ins for, no others."""
        return self.filter(school_class__in=SchoolClass.objects.for_user(user))


class PlannedLesson(models.Model):
    """Lesson X is planned for class Y in the week of Monday W (a series planned week by
    week, or one lesson moved or added). Whether it was given comes from the lessons
    given (`LessonDelivery`), never from this row."""

    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("class"),
        on_delete=models.CASCADE,
        related_name="planned_lessons",
    )
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    series = models.ForeignKey(
        "lessons.LessonSeriesPage",
        verbose_name=_("lesson series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    week = models.DateField(_("week"), help_text=_("The Monday of its week."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    planned_on = models.DateField(_("planned on"))

    objects = PlannedLessonQuerySet.as_manager()

    class Meta:
        ordering = ["week", "position", "pk"]
        verbose_name = _("planned lesson")
        verbose_name_plural = _("planned lessons")
        constraints = [
            models.UniqueConstraint(
                fields=["school_class", "lesson", "week"],
                name="planned_once_a_week",
            )
        ]
        indexes = [models.Index(fields=["school_class", "week"])]

    def __str__(self):
        return f"{self.lesson_id} · {self.school_class_id} · {self.week}"
