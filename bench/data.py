"""Synthetic check-ins at any size, as the write path leaves them: closed CheckInSession
rows with their answers as counts (`n` and one count per value) and, next to each count,
the sum of its answers' random record keys modulo KEY_RANGE. Loaded with PostgreSQL COPY.

National scale means more schools and classes, not more answers per class: every class
gets about one school year (36-46 sessions of 70-100% of 18-30 pupils over the school
weeks of the last twelve months, ~855 answers). Den Helder has a fixed size at every size
(25 schools, 75 classes); the rest of the region grows by municipalities of 25 schools
with 4 classes each. Seeded per class, so every run loads the same data. A size is in
answers (the sum of the sessions' `n`) and is met exactly: the last session is cut to fit.

Every answer is drawn on its own (mood, energy and feeling, or the ladder; any question
may be skipped), from weights tilted per class, so classes differ as real ones do. A count
of 0 has key sum 0 (no answer added a key); every other key sum is a uniform random
number in [0, KEY_RANGE), which is what a sum of uniform random keys modulo KEY_RANGE is."""

import datetime
import random
from collections import Counter
from itertools import accumulate

DH_SLUG = "den-helder"
DH_SCHOOLS, DH_CLASSES_PER_SCHOOL = 38, 2
REGION_SCHOOLS, REGION_CLASSES_PER_SCHOOL = 25, 4
# Classes come in parallel pairs (one school, one band): the second follows the first's
# plan (the same lesson on the same day) for this share of its lessons, as schools do. A
# coordinator's atom needs two classes, so without parallel classes nearly nothing shows.
FOLLOW_SHARE = 0.8
DH_BOARD = "Benchmark Den Helder"
REGION_BOARD = "Benchmark regio"
BANDS = ["groep-1-2", "groep-3-4", "groep-5-6", "groep-7-8"]
CLASS_NAMES = {
    "groep-1-2": "groep 1/2",
    "groep-3-4": "groep 4",
    "groep-5-6": "groep 6",
    "groep-7-8": "groep 8",
}
PARALLEL = "ab"
SESSIONS_PER_CLASS = (36, 46)  # one school year
STANDALONE_SHARE = 0.15
SINGLE_MOMENT_SHARE = 0.3  # a lesson with only its start or only its end check-in
SERIES_SHARE = 0.5  # classes from groep 5-6 up that also do a series (ladder question)
SEED = 2026
BATCH_CLASSES = 500
MIN_SIZE = 100_000

# Weights per question, the first one "skipped" (as in cms/demo/answers.py, roughly).
WEIGHTS = {
    "mood": [2, 3, 7, 20, 40, 30],
    "mood_after": [2, 2, 5, 17, 41, 35],
    "young": [2, 8, 30, 62],  # faces 1, 3 and 5
    "energy": [7, 22, 45, 33],
    "feeling": [10, 44, 36, 16, 15, 22, 33, 17, 13, 3, 1],
    "ladder": [3, 1, 1, 1, 2, 3, 6, 10, 20, 25, 18, 13],
}


def session_columns():
    """The CheckInSession columns COPY writes, in order (everything but the id)."""
    from schools.models import CheckInSession

    return [f.column for f in CheckInSession._meta.concrete_fields if not f.primary_key]


class Generator:
    """The sessions of one class at a time, deterministic per class."""

    def __init__(self, lessons, series, days):
        from schools.models import answer_columns

        self.lessons = lessons  # [(pk, band codes, {"lesson_start", "lesson_end"})]
        self.series = series  # [(first pk, last pk, band codes)]
        self.days = days
        columns = {q: list(answer_columns(q).values()) for q in ("mood", "energy")}
        columns |= {q: list(answer_columns(q).values()) for q in ("feeling", "ladder")}
        columns["young"] = ["mood_1", "mood_3", "mood_5"]
        self.columns = columns

    def class_year(self, seed, band):
        """(rng, pupils, [(day, lesson pk or None, moment, n)]) of one class."""
        rng = random.Random(seed)
        pupils = rng.randint(18, 26) if band == "groep-1-2" else rng.randint(20, 30)
        fitting = [item for item in self.lessons if band in item[1]]
        planned = []

        def session(day, lesson, moment):
            planned.append(
                (day, lesson, moment, max(1, round(pupils * rng.uniform(0.7, 1.0))))
            )

        total = rng.randint(*SESSIONS_PER_CLASS)
        series = [item for item in self.series if band in item[2]]
        if band not in ("groep-1-2", "groep-3-4") and series:
            if rng.random() < SERIES_SHARE:
                first, last, _codes = rng.choice(series)
                start = rng.randrange(0, max(1, len(self.days) - 40))
                session(self.days[start], first, "series_start")
                session(self.days[start + 30], last, "series_end")
        while len(planned) < total:
            day = rng.choice(self.days)
            if not fitting or rng.random() < STANDALONE_SHARE:
                session(day, None, "standalone")
                continue
            pk, _codes, moments = rng.choice(fitting)
            moments = sorted(moments, reverse=True)  # start before end
            if len(moments) == 2 and rng.random() < SINGLE_MOMENT_SHARE:
                moments = [rng.choice(moments)]
            for moment in moments:
                session(day, pk, moment)
        planned.sort(key=lambda item: (item[0], item[2]))
        return rng, pupils, planned

    def follower_year(self, seed, band, leader):
        """A parallel class's year: each of the leader's lessons (or standalone check-ins)
        on the same day with this class's own answers, or, for 1 - FOLLOW_SHARE of them,
        on another day of its own."""
        rng = random.Random(seed)
        pupils = rng.randint(18, 26) if band == "groep-1-2" else rng.randint(20, 30)
        units = {}
        for day, lesson, moment, _n in leader:
            units.setdefault((day, lesson), []).append(moment)
        planned = []
        for (day, lesson), moments in units.items():
            if rng.random() >= FOLLOW_SHARE:
                day = rng.choice(self.days)
            for moment in moments:
                n = max(1, round(pupils * rng.uniform(0.7, 1.0)))
                planned.append((day, lesson, moment, n))
        planned.sort(key=lambda item: (item[0], item[2]))
        return rng, pupils, planned

    @staticmethod
    def question_set(band, moment):
        if band == "groep-1-2":
            return "young"
        if moment in ("series_start", "series_end"):
            return "ladder"
        return "standard"

    @staticmethod
    def tilt(rng):
        """A class's own answer weights: every weight times a random factor."""
        return {
            name: list(accumulate(w * rng.lognormvariate(0, 0.3) for w in weights))
            for name, weights in WEIGHTS.items()
        }

    def counts(self, rng, n, question_set, moment, cumulative):
        """{column: count} of n answers, drawn one by one."""
        if question_set == "young":
            questions = [("young", "young")]
        elif question_set == "ladder":
            questions = [("ladder", "ladder")]
        else:
            mood = "mood_after" if moment == "lesson_end" else "mood"
            questions = [(mood, "mood"), ("energy", "energy"), ("feeling", "feeling")]
        out = {}
        for weights, question in questions:
            cum = cumulative[weights]
            drawn = Counter(rng.choices(range(len(cum)), cum_weights=cum, k=n))
            columns = self.columns["young" if weights == "young" else question]
            for index, count in drawn.items():
                if index:  # 0 is "skipped"
                    out[columns[index - 1]] = count
        return out


def class_plan(kind, number):
    """Municipality, school and class for the number-th class of Den Helder or the region."""
    if kind == "dh":
        school = number // DH_CLASSES_PER_SCHOOL
        position = number % DH_CLASSES_PER_SCHOOL
        municipality = (DH_SLUG, "Den Helder")
        school_name = f"Benchschool Den Helder {school + 1:02d}"
        board = DH_BOARD
    else:
        per_municipality = REGION_SCHOOLS * REGION_CLASSES_PER_SCHOOL
        m = number // per_municipality
        school = (number % per_municipality) // REGION_CLASSES_PER_SCHOOL
        position = number % REGION_CLASSES_PER_SCHOOL
        municipality = (f"regio-{m + 1:03d}", f"Regiogemeente {m + 1:03d}")
        school_name = f"Regioschool {m + 1:03d}-{school + 1:02d}"
        board = REGION_BOARD
    parallel = position % len(PARALLEL)  # 0: leads its pair, 1: follows
    if school % 8 == 7:  # one school in eight is secondary
        band, class_name, kind_code = "klas-1-2", f"1{'ABCD'[position]}", "vo"
    else:
        band = BANDS[(position // len(PARALLEL) + school) % len(BANDS)]
        class_name = f"{CLASS_NAMES[band]}{PARALLEL[parallel]}"
        kind_code = "po"
    return {
        "leader": number - parallel,
        "municipality": municipality,
        "school": (school_name, board, kind_code),
        "name": class_name,
        "group": band,
    }


class Loader:
    def __init__(self):
        from cms.demo.calendar import school_days
        from lessons.models import GroupBand, LessonPage, LessonSeriesPage
        from lessons.moments import Moment
        from schools import clock

        today = clock.today()
        days = school_days(
            today - datetime.timedelta(days=365), today - datetime.timedelta(days=1)
        )
        lessons = []
        for lesson in LessonPage.objects.live().prefetch_related("groups"):
            points = {block.value["moment"] for block in lesson.check_in_points} or {
                Moment.LESSON_START
            }
            lessons.append(
                (lesson.pk, {band.code for band in lesson.groups.all()}, points)
            )
        series = []
        for item in LessonSeriesPage.objects.live():
            series_lessons = item.get_lessons()
            if series_lessons:
                codes = set(item.groups.values_list("code", flat=True))
                series.append((series_lessons[0].pk, series_lessons[-1].pk, codes))
        self.generator = Generator(lessons, series, days)
        self.bands = {band.code: band for band in GroupBand.objects.all()}
        self.lesson_count, self.week_count = (
            len(lessons),
            len({clock.week_of(d) for d in days}),
        )

    def state(self):
        """Answers loaded so far (all sessions), and the bench classes of Den Helder and
        of the region."""
        from django.db.models import Sum

        from schools.models import CheckInSession, SchoolClass

        total = CheckInSession.objects.aggregate(total=Sum("n"))["total"] or 0
        dh = SchoolClass.objects.filter(school__board=DH_BOARD).count()
        region = SchoolClass.objects.filter(school__board=REGION_BOARD).count()
        return total, dh, region

    def load(self, target):
        """Top the database up to `target` answers: Den Helder first (fixed), then the
        region. Returns the number of answers added."""
        from django.db import transaction

        total, dh, region = self.state()
        dh_target = DH_SCHOOLS * DH_CLASSES_PER_SCHOOL
        added = 0
        with transaction.atomic():
            if dh < dh_target:
                added += self._add("dh", dh, dh_target - dh, None)
            total, dh, region = self.state()
            if total > target:
                raise SystemExit(
                    f"Den Helder alone has {total:,} answers, more than the size "
                    f"{target:,}: use sizes of at least {MIN_SIZE:,}."
                )
            while total < target:
                added += self._add("region", region, BATCH_CLASSES, target - total)
                total, dh, region = self.state()
        return added

    def _add(self, kind, first, count, budget):
        """Up to `count` classes numbered from `first`, with their sessions; stops when
        the answers reach `budget` (the last session is cut to fit)."""
        planned, answers = [], 0
        for number in range(first, first + count):
            plan = class_plan(kind, number)
            rng, pupils, sessions = self.year(kind, number, plan)
            kept = []
            for day, lesson, moment, n in sessions:
                if budget is not None:
                    n = min(n, budget - answers)
                    if n <= 0:
                        break
                answers += n
                kept.append((day, lesson, moment, n))
            if kept:
                planned.append((plan, rng, pupils, kept))
            if budget is not None and answers >= budget:
                break
        self._store(planned)
        return answers

    def year(self, kind, number, plan):
        """(rng, pupils, sessions) of one class; a string seed is hashed the same way in
        every process."""
        gen, band = self.generator, plan["group"]
        leader = plan["leader"]
        if leader == number:
            return gen.class_year(f"{SEED}-{kind}-{number}", band)
        _rng, _pupils, led = gen.class_year(f"{SEED}-{kind}-{leader}", band)
        return gen.follower_year(f"{SEED}-{kind}-{number}", band, led)

    def _classes(self, planned):
        """The municipalities, schools and classes of `planned`, created in bulk."""
        from schools.models import (
            Municipality,
            School,
            SchoolClass,
            current_school_year,
        )

        slugs = {plan["municipality"] for plan, *_rest in planned}
        Municipality.objects.bulk_create(
            [Municipality(slug=slug, name=name) for slug, name in slugs],
            ignore_conflicts=True,
        )
        municipalities = dict(
            Municipality.objects.filter(slug__in=[s for s, _n in slugs]).values_list(
                "slug", "pk"
            )
        )
        schools = {(plan["municipality"][0], plan["school"]) for plan, *_r in planned}
        School.objects.bulk_create(
            [
                School(
                    municipality_id=municipalities[slug],
                    name=name,
                    board=board,
                    kind=kind,
                )
                for slug, (name, board, kind) in schools
            ],
            ignore_conflicts=True,
        )
        school_ids = {
            (municipality_id, name): pk
            for pk, municipality_id, name in School.objects.filter(
                municipality_id__in=municipalities.values(),
                name__in={name for _slug, (name, _b, _k) in schools},
            ).values_list("pk", "municipality_id", "name")
        }
        year = current_school_year()
        classes = SchoolClass.objects.bulk_create(
            [
                SchoolClass(
                    school_id=school_ids[
                        municipalities[plan["municipality"][0]], plan["school"][0]
                    ],
                    name=plan["name"],
                    school_year=year,
                    pupil_count=pupils,
                )
                for plan, _rng, pupils, _sessions in planned
            ]
        )
        Through = SchoolClass.groups.through
        Through.objects.bulk_create(
            [
                Through(
                    schoolclass_id=school_class.pk,
                    groupband_id=self.bands[plan["group"]].pk,
                )
                for school_class, (plan, *_rest) in zip(classes, planned, strict=True)
            ]
        )
        return classes

    def _store(self, planned):
        from django.db import connection

        from schools import clock
        from schools.checkins.services import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
        from schools.models import School, session_lifetime
        from schools.results.perturbation import KEY_RANGE

        classes = self._classes(planned)
        # Read before the COPY: the connection runs nothing else while it is open.
        municipalities = dict(
            School.objects.filter(pk__in={c.school_id for c in classes}).values_list(
                "pk", "municipality_id"
            )
        )
        gen, lifetime, zone = self.generator, session_lifetime(), clock.platform_zone()
        columns = session_columns()
        position = {column: index for index, column in enumerate(columns)}
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        copy_sql = f"COPY schools_checkinsession ({quoted}) FROM STDIN"
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
            for school_class, (plan, rng, pupils, sessions) in zip(
                classes, planned, strict=True
            ):
                cumulative = gen.tilt(rng)
                base = [0] * len(columns)
                for name, value in (
                    ("school_class_id", school_class.pk),
                    ("school_id", school_class.school_id),
                    ("group", plan["group"]),
                    ("expected", pupils),
                    ("started_by_id", None),
                ):
                    base[position[name]] = value
                base[position["municipality_id"]] = municipalities[
                    school_class.school_id
                ]
                for day, lesson, moment, n in sessions:
                    row = list(base)
                    question_set = gen.question_set(plan["group"], moment)
                    minutes = 8 * 60 + 30 + 15 * rng.randrange(0, 23)
                    opened = datetime.datetime.combine(
                        day, datetime.time(minutes // 60, minutes % 60), tzinfo=zone
                    )
                    code = "".join(rng.choices(JOIN_CODE_ALPHABET, k=JOIN_CODE_LENGTH))
                    for name, value in (
                        ("week", clock.week_of(day)),
                        ("lesson_id", lesson),
                        ("moment", moment),
                        ("question_set", question_set),
                        ("code", code),
                        ("opened_at", opened),
                        ("expires_at", opened + lifetime),
                        ("closed_at", opened + datetime.timedelta(minutes=10)),
                        ("n", n),
                    ):
                        row[position[name]] = value
                    counts = gen.counts(rng, n, question_set, moment, cumulative)
                    for column, count in counts.items():
                        row[position[column]] = count
                        row[position[f"{column}_key"]] = rng.randrange(KEY_RANGE)
                    copy.write_row(row)


def vacuum_analyze():
    """Fresh statistics (and a visibility map, as a table at rest has) for the planner."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) schools_checkinsession")
        cursor.execute("ANALYZE")


def refresh_rollups():
    """The nightly job: sum the completed weeks into the rollups (from scratch, as the
    load wrote past weeks), then fresh statistics for them. Returns the rows written."""
    from django.db import connection

    from schools.results import refresh_rollups as refresh

    _after, _through, written = refresh(full=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE schools_resultrollup")
    return written


def summary():
    """Answers, sessions, classes, schools and municipalities in the database, and Den
    Helder's answers (which must not change with the size)."""
    from django.db.models import Count, Sum

    from schools.models import CheckInSession, Municipality, ResultRollup, School

    sessions = CheckInSession.objects.aggregate(
        rows=Count("pk"), answers=Sum("n"), classes=Count("school_class", distinct=True)
    )
    dh = CheckInSession.objects.filter(municipality__slug=DH_SLUG).aggregate(
        answers=Sum("n")
    )
    return {
        "answers": sessions["answers"] or 0,
        "sessions": sessions["rows"],
        "classes": sessions["classes"],
        "schools": School.objects.count(),
        "municipalities": Municipality.objects.count(),
        "dh_answers": dh["answers"] or 0,
        "rollup_rows": ResultRollup.objects.count(),
    }
