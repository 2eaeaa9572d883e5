"""What a teacher's home reads. Every read is scoped to the classes she may run check-ins
for (`SchoolClass.objects.for_user`) or to her own rows; the number of queries does not
grow with the number of classes, lessons or plans."""

import datetime
from dataclasses import dataclass, field

from schools import clock
from schools.models import (
    CheckInSession,
    FavouriteLesson,
    LessonDelivery,
    PlannedLesson,
    SchoolClass,
)

HAD_SHOWN = 5  # lessons given shown per class; the class page lists them all
PAST_WEEKS = 8  # a planned lesson not given stays on the home this long
RECENT_CHECK_INS = 20


@dataclass
class Planned:
    planned: PlannedLesson
    given_on: datetime.date | None = None


@dataclass
class Week:
    monday: datetime.date
    items: list = field(default_factory=list)
    this_week: bool = False


@dataclass
class ClassHome:
    school_class: SchoolClass
    had: list = field(default_factory=list)
    had_count: int = 0
    weeks: list = field(default_factory=list)
    not_given: list = field(default_factory=list)
    next_in_series: object = None  # (series, lesson) after the last lesson given


def classes_for(user):
    """Her active classes, as "Mijn klassen" has always listed them."""
    return (
        SchoolClass.objects.for_user(user)
        .active()
        .select_related("school")
        .prefetch_related("groups")
    )


def recent_check_ins(user):
    """Her recent check-ins, as "Mijn klassen" has always listed them: counts of
    answers only, the same query as before."""
    return CheckInSession.objects.for_user(user).select_related(
        "school_class", "lesson"
    )[:RECENT_CHECK_INS]


def favourites_for(user):
    return (
        FavouriteLesson.objects.filter(user=user, lesson__live=True)
        .select_related("lesson")
        .order_by("-saved_at")
    )


def planned_for(user):
    return PlannedLesson.objects.for_user(user).select_related(
        "lesson", "series", "school_class"
    )


def given_on(planned, dates):
    """When a planned lesson was given: the first time the class had that lesson on or
    after the week it was planned for, or, given early, after the day it was planned
    (a lesson the class had before she planned it again does not count)."""
    since = min(planned.week, planned.planned_on)
    return next((day for day in sorted(dates) if day >= since), None)


def build(user, *, today=None):
    """The classes of her home, each with what it had and what is planned."""
    from lessons.models import LessonSeriesItem

    today = today or clock.today()
    this_week = clock.week_of(today)
    classes = list(classes_for(user))
    homes = {c.pk: ClassHome(school_class=c) for c in classes}
    if not homes:
        return []

    deliveries = (
        LessonDelivery.objects.filter(school_class__in=list(homes))
        .select_related("lesson")
        .order_by("-delivered_on", "-pk")
    )
    dates = {}
    for delivery in deliveries:
        home = homes[delivery.school_class_id]
        home.had_count += 1
        if len(home.had) < HAD_SHOWN:
            home.had.append(delivery)
        key = (delivery.school_class_id, delivery.lesson_id)
        dates.setdefault(key, []).append(delivery.delivered_on)

    for home in homes.values():
        home.weeks = [
            Week(monday=this_week, this_week=True),
            Week(monday=this_week + datetime.timedelta(weeks=1)),
        ]
    plans = planned_for(user).filter(
        school_class__in=list(homes),
        week__gte=this_week - datetime.timedelta(weeks=PAST_WEEKS),
    )
    for planned in plans:
        home = homes[planned.school_class_id]
        item = Planned(
            planned,
            given_on(
                planned, dates.get((planned.school_class_id, planned.lesson_id), ())
            ),
        )
        if planned.week < this_week:
            if item.given_on is None:
                home.not_given.append(item)
            continue
        week = next((w for w in home.weeks if w.monday == planned.week), None)
        if week is None:
            week = Week(monday=planned.week)
            home.weeks.append(week)
        week.items.append(item)

    _next_in_series(homes, dates, LessonSeriesItem)
    return list(homes.values())


def _next_in_series(homes, dates, item_model):
    """Per class, the next lesson of the series of the last lesson it had, when that
    lesson is not given or planned yet: "what is planned next", from lessons given."""
    last = {h.school_class.pk: h.had[0].lesson_id for h in homes.values() if h.had}
    if not last:
        return
    items = (
        item_model.objects.filter(page__live=True, lesson__live=True)
        .select_related("page", "lesson")
        .order_by("page_id", "sort_order")
    )
    series = {}
    for item in items:
        series.setdefault(item.page_id, []).append(item)
    for class_pk, lesson_id in last.items():
        home = homes[class_pk]
        planned = {i.planned.lesson_id for w in home.weeks for i in w.items} | {
            i.planned.lesson_id for i in home.not_given
        }
        for lessons in series.values():
            ids = [item.lesson_id for item in lessons]
            if lesson_id not in ids:
                continue
            after = lessons[ids.index(lesson_id) + 1 :]
            upcoming = next(
                (
                    item
                    for item in after
                    if (class_pk, item.lesson_id) not in dates
                    and item.lesson_id not in planned
                ),
                None,
            )
            if upcoming is not None:
                home.next_in_series = (upcoming.page, upcoming.lesson)
                break


def week_choices(today=None, weeks=26):
    """The weeks she can plan in, from this week on: (Monday, label)."""
    from schools.templatetags.teaching_tags import week_label

    this_week = clock.week_of(today or clock.today())
    mondays = [this_week + datetime.timedelta(weeks=n) for n in range(weeks)]
    return [(monday.isoformat(), week_label(monday)) for monday in mondays]
