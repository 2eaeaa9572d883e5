"""Demo schools and classes in the three pilot municipalities, a school year of synthetic
check-ins for them, and the school and coordinator logins. The municipalities are real;
every school and board name is invented."""

import datetime
import math
import random
import re
from collections import defaultdict
from itertools import accumulate

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Sum

from lessons.models import GroupBand, LessonPage, LessonSeriesPage
from schools import clock
from schools.checkins.services import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    questions_for,
)
from schools.models import (
    CLASS_SIZE_MARGIN,
    CheckInSession,
    CoordinatorScope,
    Energy,
    Feeling,
    LessonDelivery,
    Membership,
    Moment,
    Municipality,
    QuestionSet,
    Role,
    School,
    SchoolClass,
    SchoolKind,
    answer_columns,
    current_school_year,
    session_lifetime,
)
from schools.results import refresh_rollups
from schools.results.perturbation import KEY_RANGE

MUNICIPALITIES = {"den-helder": "Den Helder", "schagen": "Schagen", "texel": "Texel"}

# (municipality, place, school, board, kind, classes). Classes are "name:pupils": primary
# names are groep numbers ("6/7/8" is a combination group across two bands, a trailing
# letter a parallel class), secondary names are "1A". Town classes have 18-28 pupils,
# village classes 8-20 (the pilot region's sizes, with combination groups).
SCHOOLS = [
    # Den Helder: town schools and the secondary school
    ("den-helder", "Den Helder", "OBS De Kustlijn", "Stichting Kustwijzer", "po",
     "1/2a:24 1/2b:23 1/2c:22 3:26 4:25 5:27 6:24 6/7:21 7:26 8:25"),
    ("den-helder", "Den Helder", "CBS Het Zeekompas", "Stichting Duin en Dijk", "po",
     "1/2a:25 1/2b:24 3:27 4:26 4/5:19 5:24 6:28 7:25 7/8:20 8:23"),
    ("den-helder", "Julianadorp", "Basisschool De Duinpieper", "Stichting Kustwijzer", "po",
     "1/2a:22 1/2b:21 3:24 4:23 5:25 5/6:20 6:22 7:24 7/8:18 8:26"),
    ("den-helder", "Den Helder", "IKC De Strandjutter", "Stichting Duin en Dijk", "po",
     "1/2a:20 1/2b:19 3:22 3/4:18 4:21 5:23 5/6:18 6:20 7:19 8:22"),
    ("den-helder", "Den Helder", "Zeegat College", "Stichting Zeegat Onderwijsgroep", "vo",
     "1A:28 1B:27 1C:26 1D:28 1E:25 1F:24 1G:26 1H:25 "
     "2A:27 2B:28 2C:25 2D:26 2E:24 2F:27 2G:23 2H:26"),
    # Schagen: one town school, small village schools with combination groups
    ("schagen", "Schagen", "Basisschool De Korenschuur", "Stichting Kop en Polder", "po",
     "1/2a:23 1/2b:22 3:25 4:24 5:22 6:23 6/7:19 7:21 8:24"),
    ("schagen", "Tuitjenhorn", "OBS De Tuinwal", "Stichting Kop en Polder", "po",
     "1/2:16 3/4:18 5/6:17 7/8:19"),
    ("schagen", "Callantsoog", "CBS Het Dijkhuisje", "Stichting Helm en Horizon", "po",
     "1/2/3:12 4/5:14 6/7/8:9"),
    ("schagen", "Sint Maarten", "Basisschool De Graanhalm", "Stichting Helm en Horizon", "po",
     "1/2:11 3/4/5:13 6/7/8:15"),
    ("schagen", "Petten", "OBS De Duinrand", "Stichting Kop en Polder", "po",
     "1/2/3:8 4/5/6:9 7/8:11"),
    ("schagen", "Warmenhuizen", "Basisschool Het Koolveld", "Stichting Helm en Horizon", "po",
     "1/2:20 3/4:19 5/6:18 7/8:20"),
    ("schagen", "Schagen", "Polderlicht College", "Stichting Zeegat Onderwijsgroep", "vo",
     "1A:27 1B:26 1C:25 1D:28 2A:26 2B:27 2C:24 2D:25"),
    # Texel: three schools sharing a building in Den Burg, two village schools
    ("texel", "Den Burg", "OBS De Lammerenwei", "Stichting Wadwijs", "po",
     "1/2a:20 1/2b:19 3:22 4:21 5:20 6:23 7:21 8:20"),
    ("texel", "Den Burg", "CBS Het Schapenduin", "Stichting Wadwijs", "po",
     "1/2a:18 1/2b:17 3/4:20 5:19 6:18 7/8:22"),
    ("texel", "Den Burg", "Basisschool De Kompasroos", "Stichting Wadwijs", "po",
     "1/2:16 3/4:18 5/6:19 7/8:17"),
    ("texel", "Oosterend", "OBS De Zeekraal", "Stichting Wadwijs", "po",
     "1/2/3:12 4/5/6:13 7/8:10"),
    ("texel", "Den Hoorn", "Basisschool De Vuurboet", "Stichting Wadwijs", "po",
     "1/2/3:9 4/5/6:10 7/8:8"),
]  # fmt: skip

BANDS = {1: "groep-1-2", 2: "groep-1-2", 3: "groep-3-4", 4: "groep-3-4"}
BANDS |= {5: "groep-5-6", 6: "groep-5-6", 7: "groep-7-8", 8: "groep-7-8"}

TEACHER_SCHOOL = ("den-helder", "OBS De Kustlijn")
TEACHER_CLASSES = ["groep 6", "groep 8"]
SCHOOL_STAFF = "Scholen"  # school admins and coordinators: into the admin, nothing more


def load_schools():
    """The demo municipalities, schools and this school year's classes. Idempotent."""
    bands = GroupBand.objects.in_bulk()
    municipalities = {}
    for slug, name in MUNICIPALITIES.items():
        municipalities[slug], _created = Municipality.objects.update_or_create(
            slug=slug, defaults={"name": name}
        )
    year = current_school_year()
    classes = []
    for slug, _place, name, board, kind, spec in SCHOOLS:
        school, _created = School.objects.update_or_create(
            municipality=municipalities[slug],
            name=name,
            defaults={"board": board, "kind": kind},
        )
        for class_name, codes, pupils in _parse_classes(spec, kind):
            school_class, _created = SchoolClass.objects.update_or_create(
                school=school,
                name=class_name,
                school_year=year,
                defaults={"pupil_count": pupils},
            )
            school_class.groups.set([bands[code] for code in codes])
            classes.append(school_class)
    return classes


def _parse_classes(spec, kind):
    for item in spec.split():
        name, pupils = item.split(":")
        if kind == SchoolKind.SECONDARY:
            yield name, ["klas-1-2"], int(pupils)
        else:
            numbers = [int(n) for n in re.findall(r"\d", name)]
            codes = sorted({BANDS[n] for n in numbers})
            yield f"groep {name}", codes, int(pupils)


def demo_classes():
    names = [name for _slug, _place, name, *_rest in SCHOOLS]
    return SchoolClass.objects.filter(
        school__municipality__slug__in=MUNICIPALITIES,
        school__name__in=names,
        school_year=current_school_year(),
    ).order_by("school__name", "name")


# School holidays advised for region Noord (Den Helder, Schagen and Texel belong to it),
# Saturday to Sunday. The usual pattern, with the years it does not fit listed here.
NOORD_EXCEPTIONS = {
    (2024, "zomervakantie"): ("2025-07-12", "2025-08-24"),
    (2025, "voorjaarsvakantie"): ("2026-02-21", "2026-03-01"),
}


def school_holidays(year):
    """{name: (first, last)} for the school year that starts in August of `year`."""

    def week(iso_year, number):  # Saturday before ISO week `number` to its Sunday
        monday = datetime.date.fromisocalendar(iso_year, number, 1)
        return monday - datetime.timedelta(days=2), monday + datetime.timedelta(days=6)

    christmas = datetime.date(year, 12, 25)
    kerst_monday = christmas - datetime.timedelta(days=christmas.weekday())
    if christmas.weekday() >= 5:
        kerst_monday += datetime.timedelta(days=7)
    kings_day = datetime.date(year + 1, 4, 27)
    may_week = kings_day.isocalendar().week + (kings_day.weekday() == 6)
    holidays = {
        "herfstvakantie": week(year, 43),
        "kerstvakantie": (
            kerst_monday - datetime.timedelta(days=2),
            kerst_monday + datetime.timedelta(days=13),
        ),
        "voorjaarsvakantie": week(year + 1, 8),
        "meivakantie": week(year + 1, may_week),
        "zomervakantie": (week(year + 1, 28)[0], week(year + 1, 33)[1]),
    }
    for (exception_year, name), (first, last) in NOORD_EXCEPTIONS.items():
        if exception_year == year:
            holidays[name] = (
                datetime.date.fromisoformat(first),
                datetime.date.fromisoformat(last),
            )
    return holidays


def _easter(year):
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return datetime.date(year, month, day + 1)


def school_days(first, last):
    """Weekdays from `first` to `last` without school holidays, Easter and Whit Monday,
    and Ascension Day with the Friday after it."""
    free = set()
    for year in range(first.year - 1, last.year + 1):
        for start, end in school_holidays(year).values():
            free.update(
                start + datetime.timedelta(days=n)
                for n in range((end - start).days + 1)
            )
        easter = _easter(year)
        free.update(easter + datetime.timedelta(days=n) for n in (1, 39, 40, 50))
    days, day = [], first
    while day <= last:
        if day.weekday() < 5 and day not in free:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


# Synthetic answers. Most pupils feel good; a lesson lifts the mood a little; the ladder
# averages about 7.3, as research on the original series found on its 0-10 scale. Any
# question may be skipped.
MOOD_MEAN, MOOD_SPREAD, LESSON_LIFT = 3.95, 0.9, 0.15
LADDER_MEAN, LADDER_SPREAD, SERIES_LIFT = 7.3, 1.6, 0.1
SKIP = {"mood": 0.02, "energy": 0.07, "feeling": 0.1, "ladder": 0.03}
ENERGY = [Energy.LOW, Energy.MEDIUM, Energy.HIGH]
ENERGY_WEIGHTS = {  # by mood: 0 skipped, then the faces 1-5
    0: (25, 50, 25),
    1: (50, 35, 15),
    2: (50, 35, 15),
    3: (30, 50, 20),
    4: (12, 45, 43),
    5: (12, 45, 43),
}
FEELINGS = [
    Feeling.HAPPY,
    Feeling.CALM,
    Feeling.PROUD,
    Feeling.GRATEFUL,
    Feeling.EXCITED,
    Feeling.TIRED,
    Feeling.BORED,
    Feeling.NERVOUS,
    Feeling.SAD,
    Feeling.ANGRY,
]
FEELING_WEIGHTS = {  # in the order of FEELINGS
    "low": (3, 5, 1, 1, 1, 20, 12, 15, 25, 17),
    "middle": (12, 20, 4, 3, 8, 25, 15, 10, 2, 1),
    "high": (32, 16, 12, 12, 14, 8, 2, 3, 1, 0),
}
ENERGY_CUMULATIVE = {k: list(accumulate(w)) for k, w in ENERGY_WEIGHTS.items()}
FEELING_CUMULATIVE = {k: list(accumulate(w)) for k, w in FEELING_WEIGHTS.items()}
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
            moments = sorted(points, reverse=True)  # "start" before "end"
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
                moments = ["series_start", *[m for m in moments if m == "end"]]
            elif number == len(series_lessons) - 1:
                moments = [*[m for m in moments if m == "start"], "series_end"]
            unit += self._lesson_sessions(school_class, days[index], lesson, moments)
            if number < len(steps):
                index += steps[number]
        return unit

    def _lesson_sessions(self, school_class, day, lesson, moments):
        start = self._time(self.rng, day)
        end = start + datetime.timedelta(minutes=max(lesson.duration - 7, 5))
        names = {
            "start": Moment.LESSON_START,
            "end": Moment.LESSON_END,
            "series_start": Moment.SERIES_START,
            "series_end": Moment.SERIES_END,
        }
        return [
            self._session(
                school_class,
                day,
                start if moment in ("start", "series_start") else end,
                names[moment],
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
            bands[school_class.pk] = school_class.youngest_band()
        where = {
            "school_class": school_class,
            "school_id": school_class.school_id,
            "municipality_id": school_class.school.municipality_id,
            "band": bands[school_class.pk],
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
            values = _answer(rng, item["moment"], item["question_set"], day_effect[key])
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


def _answer(rng, moment, question_set, effect):
    """One synthetic pupil's values, {question: value} for the questions answered."""
    if question_set == QuestionSet.LADDER:
        if rng.random() < SKIP["ladder"]:
            return {}
        mean = LADDER_MEAN + 2 * effect
        if moment == Moment.SERIES_END:
            mean += SERIES_LIFT
        return {"ladder": min(10, max(0, round(rng.gauss(mean, LADDER_SPREAD))))}

    mood = None
    if rng.random() >= SKIP["mood"]:
        mean = MOOD_MEAN + effect
        if moment == Moment.LESSON_END:
            mean += LESSON_LIFT
        latent = rng.gauss(mean, MOOD_SPREAD)
        if question_set == QuestionSet.YOUNG:  # three faces: 1, 3 or 5
            mood = 5 if latent >= 4.0 else 3 if latent >= 2.3 else 1
        else:
            mood = min(5, max(1, round(latent)))
    values = {} if mood is None else {"mood": mood}
    if question_set == QuestionSet.YOUNG:
        return values
    if rng.random() >= SKIP["energy"]:
        energy = rng.choices(ENERGY, cum_weights=ENERGY_CUMULATIVE[mood or 0])[0]
        values["energy"] = energy.value
    if rng.random() >= SKIP["feeling"]:
        band = "low" if mood in (1, 2) else "middle" if mood in (None, 3) else "high"
        feeling = rng.choices(FEELINGS, cum_weights=FEELING_CUMULATIVE[band])[0]
        values["feeling"] = feeling.value
    return values


def create_school_users(*, password):
    """Logins for the school and coordinator views; the teacher `leerkracht` must exist.
    Only with DEBUG on. Returns (username, role) pairs to print."""
    User = get_user_model()
    staff, _created = Group.objects.get_or_create(name=SCHOOL_STAFF)
    staff.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    slug, school_name = TEACHER_SCHOOL
    school = School.objects.get(municipality__slug=slug, name=school_name)
    den_helder = school.municipality

    teacher = User.objects.get(username="leerkracht")
    Membership.objects.get_or_create(user=teacher, school=school, role=Role.TEACHER)
    classes = SchoolClass.objects.filter(
        school=school, school_year=current_school_year(), name__in=TEACHER_CLASSES
    )
    for school_class in classes:
        school_class.teachers.add(teacher)

    logins = [("leerkracht", f"teacher of {' and '.join(TEACHER_CLASSES)} at {school}")]
    for username, first_name, role in [
        ("schoolbeheer", "Marieke", f"school admin of {school}, {den_helder}"),
        ("coordinator", "Ahmed", f"pilot coordinator for {den_helder}"),
        ("regio", "Ingrid", "regional pilot coordinator (all three municipalities)"),
    ]:
        user, _created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name}
        )
        user.email = f"{username}@example.org"
        user.set_password(password)
        user.save()
        user.groups.add(staff)
        logins.append((username, role))

    schoolbeheer = User.objects.get(username="schoolbeheer")
    Membership.objects.get_or_create(
        user=schoolbeheer, school=school, role=Role.SCHOOL_ADMIN
    )
    for username, municipality in [("coordinator", den_helder), ("regio", None)]:
        CoordinatorScope.objects.update_or_create(
            user=User.objects.get(username=username),
            defaults={"municipality": municipality},
        )
    return logins
