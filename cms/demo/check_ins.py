"""A school year of synthetic check-ins for the demo classes, as schools would hold
them: lessons in plans per group, series, check-ins on their own, parallel classes
following one plan, answers drawn per class and moment."""

import datetime
import math
import random
from collections import defaultdict

from django.db import transaction
from django.db.models import Sum

from cms.demo.answers import answer
from cms.demo.calendar import school_days
from cms.demo.schools import demo_classes
from lessons.models import LessonPage, LessonSeriesPage
from schools import clock
from schools.checkins.services import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    questions_for,
)
from schools.models import (
    CLASS_SIZE_MARGIN,
    CheckInSession,
    LessonDelivery,
    Moment,
    answer_columns,
    session_lifetime,
)
from schools.results import refresh_rollups
from schools.results.perturbation import KEY_RANGE

STANDALONE_SHARE = 0.15
SERIES_SHARE = 0.1  # of the answers at most, and at least one series when there is one
SERIES_CLASS_SHARE = 0.65
FOLLOW_SHARE = 0.8  # a parallel class follows its band's plan
OVERSHOOT = 0.05  # of the target at most: a unit that would pass it is left out
BATCH = 5_000


def generate_check_ins(*, library, seed=2026, target_answers=110_000, today=None):
    """A school year of closed check-in sessions with answers for the demo classes, over
    the twelve months before today, about `target_answers` answers. Does nothing when the
    demo classes already have synthetic sessions (those nobody started)."""
    classes = list(demo_classes().select_related("school").prefetch_related("groups"))
    existing = CheckInSession.objects.filter(
        school_class__in=classes, started_by__isnull=True
    )
    if existing.exists():
        return {
            "created": False,
            "sessions": existing.count(),
            "answers": existing.aggregate(answers=Sum("n"))["answers"],
            "deliveries": LessonDelivery.objects.filter(
                school_class__in=classes
            ).count(),
        }
    rng = random.Random(seed)  # noqa: S311  (synthetic data, the same every run)
    today = today or clock.today()
    days = school_days(
        today - datetime.timedelta(days=365), today - datetime.timedelta(days=1)
    )
    plan = _Plan(rng, library, days, classes, target_answers)
    sessions = plan.select(target_answers)
    with transaction.atomic():
        counts = _store(rng, sessions, plan.class_effect)
        # Past weeks were written in bulk: sum them into the rollups from scratch.
        refresh_rollups(full=True)
        return counts


class _Plan:
    """Candidate sessions per class, grouped in units that are kept or dropped whole: one
    lesson (its start and end check-ins), one standalone check-in, or one lesson series."""

    def __init__(self, rng, library, days, classes, target):
        self.rng, self.days = rng, days
        lessons = list(
            LessonPage.objects.child_of(library)
            .live()
            .prefetch_related("groups")
            .order_by("slug")
        )
        self.lessons = [
            (
                lesson,
                {band.code for band in lesson.groups.all()},
                {block.value["moment"] for block in lesson.check_in_points},
            )
            for lesson in lessons
        ]
        self.points = {lesson.pk: points for lesson, _codes, points in self.lessons}
        self.bands = {lesson.pk: codes for lesson, codes, _points in self.lessons}
        self.series = [
            (series.get_lessons(), set(series.groups.values_list("code", flat=True)))
            for series in LessonSeriesPage.objects.child_of(library)
            .live()
            .order_by("slug")
        ]
        # Candidate days per class: enough for the target with some to spare, assuming
        # 85% of a class answers and an event has 1.6 sessions on average.
        pupils = sum(c.pupil_count for c in classes) or 1
        self.events_per_class = math.ceil(1.15 * target / (0.85 * 1.6 * pupils))
        self.class_effect = {c.pk: rng.gauss(0, 0.25) for c in classes}
        self.question_sets = {}
        self.series_units, self.lesson_units = [], []
        # Parallel classes (one school, one band) mostly follow one plan, as schools do:
        # the same lesson in the same week. That is also what lets a coordinator see them
        # (an atom needs two classes).
        bands = defaultdict(list)
        for school_class in classes:
            youngest = min(school_class.groups.all(), key=lambda band: band.order)
            bands[school_class.school_id, youngest.code].append(school_class)
        for leader, *followers in bands.values():
            planned = len(self.series_units), len(self.lesson_units)
            self._plan_class(leader)
            for follower in followers:
                self._ask(follower)
            for units, start in zip(
                (self.series_units, self.lesson_units), planned, strict=True
            ):
                for index in range(start, len(units)):
                    own = units[index]
                    for follower in followers:
                        if rng.random() < FOLLOW_SHARE:
                            units[index] = units[index] + self._follow(own, follower)

    def select(self, target):
        """Whole units, series first (a small share), then lessons and standalone
        check-ins in random order, until the answers reach `target`. A unit that
        would pass the target by more than OVERSHOOT is left out (a lesson followed
        by its parallel classes holds hundreds of answers)."""
        self.rng.shuffle(self.series_units)
        self.rng.shuffle(self.lesson_units)
        chosen, total = [], 0
        for unit in self.series_units:
            answers = sum(session["count"] for session in unit)
            if chosen and total + answers > SERIES_SHARE * target:
                continue
            chosen.append(unit)
            total += answers
        for unit in self.lesson_units:
            if total >= target:
                break
            answers = sum(session["count"] for session in unit)
            if total + answers > target * (1 + OVERSHOOT):
                continue
            chosen.append(unit)
            total += answers
        return sorted(
            (session for unit in chosen for session in unit),
            key=lambda session: (session["opened_at"], session["school_class"].pk),
        )

    def _ask(self, school_class):
        for moment in Moment.values:
            self.question_sets[school_class.pk, moment] = questions_for(
                school_class=school_class, moment=moment
            )

    def _follow(self, unit, follower):
        """The leader's unit in a parallel class: the same lessons and moments, on the
        same school days, at another time of day. Lessons that do not fit its groups are
        left out."""
        codes = {band.code for band in follower.groups.all()}
        followed = []
        for session in unit:
            lesson = session["lesson"]
            if lesson is not None and not self.bands[lesson.pk] & codes:
                return []
            start = self._time(self.rng, session["day"])
            followed.append(
                self._session(
                    follower, session["day"], start, session["moment"], lesson
                )
            )
        return followed

    def _plan_class(self, school_class):
        rng = self.rng
        codes = {band.code for band in school_class.groups.all()}
        self._ask(school_class)
        fitting = [item for item in self.lessons if item[1] & codes]
        used = set()
        for series_lessons, series_codes in self.series:
            if (
                series_codes & codes
                and not codes & {"groep-1-2", "groep-3-4"}
                and series_lessons
                and rng.random() < SERIES_CLASS_SHARE
            ):
                unit = self._series_unit(school_class, series_lessons)
                used.update(session["day"] for session in unit)
                self.series_units.append(unit)
        free_days = [day for day in self.days if day not in used]
        count = min(len(free_days), self.events_per_class)
        lesson_order = []
        for day in sorted(rng.sample(free_days, count)):
            if not fitting or rng.random() < STANDALONE_SHARE:
                start = self._time(rng, day, standalone=True)
                self.lesson_units.append(
                    [self._session(school_class, day, start, Moment.STANDALONE)]
                )
                continue
            if not lesson_order:  # every fitting lesson once before any comes again
                lesson_order = rng.sample(fitting, len(fitting))
            lesson, _codes, points = lesson_order.pop()
            moments = sorted(points, reverse=True)  # "lesson_start" before "lesson_end"
            if len(moments) == 2 and rng.random() < 0.3:
                moments = [rng.choice(moments)]
            self.lesson_units.append(
                self._lesson_sessions(school_class, day, lesson, moments)
            )

    def _series_unit(self, school_class, series_lessons):
        rng, days = self.rng, self.days
        steps = [rng.randint(4, 7) for _lesson in series_lessons[1:]]
        last_start = len(days) - 1 - sum(steps)
        index = rng.randint(0, max(last_start, 0))
        unit = []
        for number, lesson in enumerate(series_lessons):
            if index >= len(days):
                break
            moments = sorted(self.points[lesson.pk], reverse=True)
            if number == 0:
                moments = [
                    Moment.SERIES_START,
                    *(m for m in moments if m == Moment.LESSON_END),
                ]
            elif number == len(series_lessons) - 1:
                moments = [
                    *(m for m in moments if m == Moment.LESSON_START),
                    Moment.SERIES_END,
                ]
            unit += self._lesson_sessions(school_class, days[index], lesson, moments)
            if number < len(steps):
                index += steps[number]
        return unit

    def _lesson_sessions(self, school_class, day, lesson, moments):
        start = self._time(self.rng, day)
        end = start + datetime.timedelta(minutes=max(lesson.duration - 7, 5))
        return [
            self._session(
                school_class,
                day,
                start if moment in (Moment.LESSON_START, Moment.SERIES_START) else end,
                Moment(moment),
                lesson,
            )
            for moment in moments
        ]

    def _session(self, school_class, day, opened_at, moment, lesson=None):
        size = school_class.pupil_count
        if self.rng.random() < 0.02:  # a visiting pupil, or a class that grew
            count = size + self.rng.randint(1, CLASS_SIZE_MARGIN)
        else:
            count = max(1, round(size * self.rng.uniform(0.7, 1.0)))
        return {
            "school_class": school_class,
            "day": day,
            "opened_at": opened_at,
            "moment": moment,
            "lesson": lesson,
            "question_set": self.question_sets[school_class.pk, moment],
            "count": count,
        }

    @staticmethod
    def _time(rng, day, standalone=False):
        if standalone:  # the morning circle
            minutes = 8 * 60 + 30 + rng.randrange(0, 30, 5)
        else:
            minutes = 8 * 60 + 30 + 15 * rng.randrange(0, 23)
        return datetime.datetime.combine(
            day,
            datetime.time(minutes // 60, minutes % 60),
            tzinfo=clock.platform_zone(),
        )


def _store(rng, planned, class_effect):
    """The planned sessions as the write path leaves them: closed, with their answers as
    counts (no row per answer), and the lessons given."""
    lifetime = session_lifetime()
    sessions, day_effect, bands = [], {}, {}
    for item in planned:
        school_class, opened_at = item["school_class"], item["opened_at"]
        key = school_class.pk, item["day"]  # how the class feels that day
        if key not in day_effect:
            day_effect[key] = class_effect[key[0]] + rng.gauss(0, 0.15)
        if school_class.pk not in bands:
            bands[school_class.pk] = school_class.youngest_group()
        where = {
            "school_class": school_class,
            "school_id": school_class.school_id,
            "municipality_id": school_class.school.municipality_id,
            "group": bands[school_class.pk],
        }
        session = CheckInSession(
            **where,
            week=clock.week_of(item["day"]),
            lesson=item["lesson"],
            moment=item["moment"],
            question_set=item["question_set"],
            code="".join(rng.choices(JOIN_CODE_ALPHABET, k=JOIN_CODE_LENGTH)),
            expected=school_class.pupil_count,
            opened_at=opened_at,
            expires_at=opened_at + lifetime,
            closed_at=opened_at + datetime.timedelta(minutes=rng.randint(4, 12)),
        )
        for _pupil in range(item["count"]):
            values = answer(rng, item["moment"], item["question_set"], day_effect[key])
            _count(session, values, key=rng.randrange(KEY_RANGE))
        item["where"] = where
        sessions.append(session)
    CheckInSession.objects.bulk_create(sessions, batch_size=BATCH)

    deliveries = {
        (s.school_class_id, s.lesson_id, item["day"]): item["where"]
        for s, item in zip(sessions, planned, strict=True)
        if s.lesson_id is not None
    }
    LessonDelivery.objects.bulk_create(
        [
            LessonDelivery(
                **where, lesson_id=lesson, delivered_on=day, week=clock.week_of(day)
            )
            for (_class, lesson, day), where in sorted(
                deliveries.items(), key=lambda item: item[0]
            )
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    return {
        "created": True,
        "sessions": len(sessions),
        "answers": sum(session.n for session in sessions),
        "deliveries": len(deliveries),
    }


def _count(session, values, *, key):
    """What the write path does to a session for one answer: one more answer, one more of
    each value given, and the answer's record key added to those values' key sums."""
    session.n += 1
    for question, value in values.items():
        column = answer_columns(question)[value]
        setattr(session, column, getattr(session, column) + 1)
        total = getattr(session, f"{column}_key") + key
        setattr(session, f"{column}_key", total % KEY_RANGE)
