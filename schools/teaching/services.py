"""Every write of a teacher's home: lessons she keeps and lessons she plans for a class.
The views check that the class is hers (a 404 otherwise); these check the rest."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from schools import clock
from schools.models import FavouriteLesson, PlannedLesson

# How far ahead a lesson can be planned: a school year and a bit.
WEEKS_AHEAD = 52


def save_favourite(*, user, lesson):
    favourite, _created = FavouriteLesson.objects.get_or_create(
        user=user, lesson=lesson
    )
    return favourite


def remove_favourite(*, user, lesson):
    FavouriteLesson.objects.filter(user=user, lesson=lesson).delete()


def check_week(week, today=None):
    """The Monday of a week she may plan in: this week or one of the next WEEKS_AHEAD."""
    this_week = clock.week_of(today or clock.today())
    if not isinstance(week, datetime.date):
        raise ValidationError({"week": _("Choose a week.")})
    monday = clock.week_of(week)
    if monday < this_week:
        raise ValidationError(
            {"week": _("That week is over. Choose this week or a later one.")}
        )
    if monday > this_week + datetime.timedelta(weeks=WEEKS_AHEAD):
        raise ValidationError(
            {"week": _("Choose a week within the coming year.")}, code="too_far"
        )
    return monday


def _next_position(school_class, week):
    last = PlannedLesson.objects.filter(school_class=school_class, week=week).aggregate(
        last=Max("position")
    )["last"]
    return 0 if last is None else last + 1


def plan_series(*, school_class, series, start_week, user, today=None):
    """Each lesson of a series in its own week, from the start week on. A series with a
    lesson still planned for this class (this week or later) is refused: she moves or
    removes those first, so clicking twice never plans it twice."""
    today = today or clock.today()
    start = check_week(start_week, today)
    if school_class.archived_on or school_class.school.archived_on:
        raise ValidationError(
            {"series": _("This class is archived: it cannot plan lessons.")}
        )
    lessons = series.get_lessons()
    if not lessons:
        raise ValidationError({"series": _("This series has no lessons yet.")})
    already = PlannedLesson.objects.filter(
        school_class=school_class,
        lesson__in=lessons,
        week__gte=clock.week_of(today),
    )
    if already.exists():
        raise ValidationError(
            {
                "series": _(
                    "Lessons of this series are already planned for this class. "
                    "Move or remove them first."
                )
            }
        )
    with transaction.atomic():
        planned = []
        for number, lesson in enumerate(lessons):
            week = start + datetime.timedelta(weeks=number)
            planned.append(
                PlannedLesson.objects.create(
                    school_class=school_class,
                    lesson=lesson,
                    series=series,
                    week=week,
                    position=_next_position(school_class, week),
                    planned_by=user,
                    planned_on=today,
                )
            )
    return planned


def move_planned(*, planned, week, today=None):
    """A planned lesson to another week (this week or later), last in that week."""
    monday = check_week(week, today)
    if monday == planned.week:
        return planned
    planned.week = monday
    planned.position = _next_position(planned.school_class, monday)
    try:
        with transaction.atomic():
            planned.save(update_fields=["week", "position"])
    except IntegrityError as error:
        raise ValidationError(
            {"week": _("This lesson is already planned in that week.")}
        ) from error
    return planned


def remove_planned(*, planned):
    planned.delete()
