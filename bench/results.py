"""Load 100,000 to 10 million check-in answers into PostgreSQL and time typical
coordinator queries through the results API, served by gunicorn (2 workers, production
settings), at every size.

    .venv/bin/python bench/results.py [--sizes 100000,1000000,10000000] [--quick] [--keep]

National scale means more schools and classes, not more answers per class: every class
gets about one school year of check-ins (~40 sessions of ~22 answers, ~870 answers), and
the region grows by whole municipalities of 25 schools. Den Helder keeps a fixed,
realistic size at every size (25 schools, 75 classes taking part), so a Den Helder
coordinator's queries cover the same data while the region around it grows.

The results engine reads only ResultCell (counts per class, week, lesson and moment), so
the answers are loaded as ResultCell rows with PostgreSQL COPY; no raw CheckInAnswer rows
(and no sessions) are generated. The counts in the cells sum to exactly the stated number
of answers.

It is a benchmark, not a test: it exits 0 when a target is missed, and non-zero only when
the database cannot be prepared or the server does not start or dies.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python puts bench/ first on sys.path; the project root is what we need.
if sys.path and Path(sys.path[0] or ".").resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)

from bench import site as common  # noqa: E402

PG_DB = "lessen_bench_results"
DEFAULT_SIZES = (100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (100_000, 1_000_000)
MIN_SIZE = 100_000
TARGET_P95_MS = 100.0
TARGET_RATIO = 2.0
# gunicorn's default 30 s worker timeout would kill a slow regional query at 10 million
# instead of letting us time it.
GUNICORN_TIMEOUT = 120
REQUEST_TIMEOUT = GUNICORN_TIMEOUT + 10

# Den Helder: fixed at every size. The rest of the region: municipalities of 25 schools
# with 4 classes each, added until the size is reached.
DH_SLUG = "den-helder"
DH_SCHOOLS, DH_CLASSES_PER_SCHOOL = 25, 3
REGION_SCHOOLS, REGION_CLASSES_PER_SCHOOL = 25, 4
DH_BOARD = "Benchmark Den Helder"
REGION_BOARD = "Benchmark regio"
BANDS = ["groep-1-2", "groep-3-4", "groep-5-6", "groep-7-8"]
CLASS_NAMES = {
    "groep-1-2": "groep 1/2",
    "groep-3-4": "groep 4",
    "groep-5-6": "groep 6",
    "groep-7-8": "groep 8",
}
SESSIONS_PER_CLASS = (36, 46)  # one school year
STANDALONE_SHARE = 0.15
SINGLE_MOMENT_SHARE = 0.3  # a lesson with only its start or only its end check-in
SERIES_SHARE = 0.5  # classes from groep 5-6 up that also do a series (ladder question)
SEED = 2026
BATCH_CLASSES = 500

# Answer distributions (weights), roughly as in cms/demo/schools.py.
MOOD = [3, 7, 20, 40, 30]
MOOD_AFTER_LESSON = [2, 5, 17, 41, 35]
YOUNG_FACES = [8, 30, 62]  # faces 1, 3 and 5
ENERGY = [22, 45, 33]
FEELING = [44, 36, 16, 15, 22, 33, 17, 13, 3, 1]
LADDER = [1, 1, 1, 2, 3, 6, 10, 20, 25, 18, 13]
SKIP = {"mood": 0.02, "energy": 0.07, "feeling": 0.1, "ladder": 0.03}

QUERIES = [
    # (name, coordinator, path); Den Helder's are the ones the size ratio is about.
    ("DH weekly trend", "dh", "/api/v1/results/?group_by=week&municipality=den-helder"),
    ("DH by school", "dh", "/api/v1/results/?group_by=school&municipality=den-helder"),
    (
        "DH before vs after",
        "dh",
        "/api/v1/results/?group_by=moment&municipality=den-helder",
    ),
    ("region by theme", "region", "/api/v1/results/?group_by=theme"),
    ("region before vs after", "region", "/api/v1/results/?group_by=lesson,moment"),
    ("region by municipality", "region", "/api/v1/results/?group_by=municipality"),
]


note = common.note


# --- Database ----------------------------------------------------------------------


def drop_database(name):
    from django.db import connections

    connections.close_all()
    try:
        with common.pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(f"Dropped the database {name}.")
    except Exception as exc:  # noqa: BLE001  (best effort at the very end)
        note(f"could not drop {name}: {exc}")


def setup_django(env):
    """This process talks to the benchmark database through Django, like the server."""
    os.environ.update(env)
    import django

    django.setup()


def gunicorn_env(env):
    env = dict(env)
    env["GUNICORN_CMD_ARGS"] = f"--timeout {GUNICORN_TIMEOUT}"
    return env


# --- Synthetic data ----------------------------------------------------------------


def allocate(rng, n, weights):
    """n answers over the values, in proportion to randomly perturbed weights."""
    tilted = [w * rng.lognormvariate(0, 0.3) for w in weights]
    total = sum(tilted)
    raw = [n * w / total for w in tilted]
    counts = [int(value) for value in raw]
    rest = n - sum(counts)
    for index in sorted(
        range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True
    )[:rest]:
        counts[index] += 1
    return counts


def answered(rng, n, question):
    """How many of n pupils answered a question (any question may be skipped)."""
    return n - min(n, round(n * SKIP[question] * rng.uniform(0, 2)))


class Generator:
    """ResultCell rows for one class at a time, deterministic per class."""

    def __init__(self, lessons, series, weeks):
        from schools.models import SCALES, answer_columns

        self.lessons = lessons  # [(pk, band codes, {"lesson_start", "lesson_end"})]
        self.series = series  # [(first pk, last pk, band codes)]
        self.weeks = weeks
        self.columns = [
            column
            for question in SCALES
            for column in answer_columns(question).values()
        ]
        self.index = {column: i for i, column in enumerate(self.columns)}
        self.scales = {q: list(answer_columns(q).values()) for q in SCALES}

    def counts(self, rng, n, question_set, moment):
        values = [0] * len(self.columns)

        def put(question, weights, columns=None):
            columns = columns or self.scales[question]
            for column, count in zip(
                columns, allocate(rng, answered(rng, n, question), weights), strict=True
            ):
                values[self.index[column]] = count

        if question_set == "young":
            put("mood", YOUNG_FACES, ["mood_1", "mood_3", "mood_5"])
        elif question_set == "ladder":
            put("ladder", LADDER)
        else:
            put("mood", MOOD_AFTER_LESSON if moment == "lesson_end" else MOOD)
            put("energy", ENERGY)
            put("feeling", FEELING)
        return values

    def class_cells(self, seed, band):
        """{(week, lesson_key, moment): n} and the question set of each cell's moment."""
        rng = random.Random(seed)
        pupils = rng.randint(18, 26) if band == "groep-1-2" else rng.randint(20, 30)
        fitting = [item for item in self.lessons if band in item[1]]
        cells = {}

        def session(week, lesson_key, moment):
            n = max(1, round(pupils * rng.uniform(0.7, 1.0)))
            key = (week, lesson_key, moment)
            cells[key] = cells.get(key, 0) + n

        sessions = rng.randint(*SESSIONS_PER_CLASS)
        done = 0
        series = [item for item in self.series if band in item[2]]
        if band not in ("groep-1-2", "groep-3-4") and series:
            if rng.random() < SERIES_SHARE:
                first, last, _codes = rng.choice(series)
                start = rng.randrange(0, max(1, len(self.weeks) - 8))
                session(self.weeks[start], first, "series_start")
                session(self.weeks[start + 6], last, "series_end")
                done += 2
        while done < sessions:
            week = rng.choice(self.weeks)
            if not fitting or rng.random() < STANDALONE_SHARE:
                session(week, 0, "standalone")
                done += 1
                continue
            pk, _codes, moments = rng.choice(fitting)
            moments = sorted(moments, reverse=True)  # start before end
            if len(moments) == 2 and rng.random() < SINGLE_MOMENT_SHARE:
                moments = [rng.choice(moments)]
            for moment in moments:
                session(week, pk, moment)
                done += 1
        return rng, cells

    @staticmethod
    def question_set(band, moment):
        if band == "groep-1-2":
            return "young"
        if moment in ("series_start", "series_end"):
            return "ladder"
        return "standard"


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
    secondary = school % 8 == 7
    if secondary:
        band, class_name, kind_code = "klas-1-2", f"1{'ABCD'[position]}", "vo"
    else:
        band = BANDS[(position + school) % len(BANDS)]
        class_name, kind_code = CLASS_NAMES[band], "po"
    return {
        "municipality": municipality,
        "school": (school_name, board, kind_code),
        "name": class_name,
        "band": band,
    }


class Loader:
    def __init__(self):
        from django.utils import timezone

        from cms.demo.schools import school_days
        from lessons.models import GroupBand, LessonPage, LessonSeriesPage
        from schools.models import week_of

        today = timezone.localdate()
        days = school_days(
            today - datetime.timedelta(days=365), today - datetime.timedelta(days=1)
        )
        weeks = sorted({week_of(day) for day in days})
        lessons = []
        for lesson in LessonPage.objects.live().prefetch_related("groups"):
            points = {
                {"start": "lesson_start", "end": "lesson_end"}[block.value["moment"]]
                for block in lesson.check_in_points
            } or {"lesson_start"}
            lessons.append(
                (lesson.pk, {band.code for band in lesson.groups.all()}, points)
            )
        series = []
        for item in LessonSeriesPage.objects.live():
            series_lessons = item.get_lessons()
            if series_lessons:
                series.append(
                    (
                        series_lessons[0].pk,
                        series_lessons[-1].pk,
                        set(item.groups.values_list("code", flat=True)),
                    )
                )
        self.generator = Generator(lessons, series, weeks)
        self.bands = {band.code: band for band in GroupBand.objects.all()}
        self.lesson_count, self.week_count = len(lessons), len(weeks)

    def state(self):
        """Answers loaded so far, and how many bench classes Den Helder and the region have."""
        from django.db.models import Sum

        from schools.models import ResultCell, SchoolClass

        total = ResultCell.objects.aggregate(total=Sum("n"))["total"] or 0
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
            for _batch in range(target // (BATCH_CLASSES * 100) + 10):
                if total >= target:
                    break
                added += self._add("region", region, BATCH_CLASSES, target - total)
                total, dh, region = self.state()
        return added

    def _add(self, kind, first, count, budget):
        """Up to `count` classes numbered from `first`, with their cells; stops when the
        answers reach `budget` (the last class keeps only part of its year)."""
        gen = self.generator
        planned, answers = [], 0
        for number in range(first, first + count):
            plan = class_plan(kind, number)
            # A string seed is hashed the same way in every process.
            rng, cells = gen.class_cells(f"{SEED}-{kind}-{number}", plan["band"])
            rows = []
            for (week, lesson_key, moment), n in sorted(cells.items()):
                if budget is not None and answers + n > budget:
                    n = budget - answers
                    if n <= 0:
                        break
                answers += n
                question_set = gen.question_set(plan["band"], moment)
                rows.append(
                    (
                        week,
                        lesson_key,
                        moment,
                        n,
                        gen.counts(rng, n, question_set, moment),
                    )
                )
            if rows:
                planned.append((plan, rows))
            if budget is not None and answers >= budget:
                break
        self._store(planned)
        return answers

    def _store(self, planned):
        from django.db import connection

        from schools.models import (
            Municipality,
            School,
            SchoolClass,
            current_school_year,
        )

        slugs = {plan["municipality"] for plan, _rows in planned}
        Municipality.objects.bulk_create(
            [Municipality(slug=slug, name=name) for slug, name in slugs],
            ignore_conflicts=True,
        )
        municipalities = dict(
            Municipality.objects.filter(slug__in=[s for s, _n in slugs]).values_list(
                "slug", "pk"
            )
        )
        schools = {(plan["municipality"][0], plan["school"]) for plan, _rows in planned}
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
                    pupil_count=30,
                )
                for plan, _rows in planned
            ]
        )
        Through = SchoolClass.groups.through
        Through.objects.bulk_create(
            [
                Through(
                    schoolclass_id=school_class.pk,
                    groupband_id=self.bands[plan["band"]].pk,
                )
                for school_class, (plan, _rows) in zip(classes, planned, strict=True)
            ]
        )
        columns = self.generator.columns
        copy_sql = (
            "COPY schools_resultcell (school_class_id, school_id, municipality_id, band, "
            f"week, lesson_key, moment, n, {', '.join(columns)}) FROM STDIN"
        )
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
            for school_class, (plan, rows) in zip(classes, planned, strict=True):
                head = (
                    school_class.pk,
                    school_class.school_id,
                    municipalities[plan["municipality"][0]],
                    plan["band"],
                )
                for week, lesson_key, moment, n, values in rows:
                    copy.write_row((*head, week, lesson_key, moment, n, *values))


def vacuum_analyze():
    """Fresh statistics (and a visibility map, as a table at rest has) for the planner."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) schools_resultcell")
        cursor.execute("ANALYZE")


def refresh_rollups():
    """The nightly job: sum the completed weeks into the rollups (from scratch, as the load
    rewrote past weeks), then fresh statistics for them."""
    from django.db import connection

    from schools.results import refresh_rollups as refresh

    _after, _through, written = refresh(full=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE schools_resultrollup")
    return written


def data_summary():
    from django.db.models import Count, Sum

    from schools.models import Municipality, ResultCell, School, SchoolClass

    cells = ResultCell.objects.aggregate(
        rows=Count("pk"), answers=Sum("n"), classes=Count("school_class", distinct=True)
    )
    dh = ResultCell.objects.filter(municipality__slug=DH_SLUG).aggregate(
        answers=Sum("n"), schools=Count("school", distinct=True)
    )
    return {
        "answers": cells["answers"] or 0,
        "cells": cells["rows"],
        "classes": cells["classes"],
        "schools": School.objects.filter(board__in=[DH_BOARD, REGION_BOARD]).count(),
        "municipalities": Municipality.objects.filter(
            schools__board__in=[DH_BOARD, REGION_BOARD]
        )
        .distinct()
        .count(),
        "dh_answers": dh["answers"] or 0,
        "dh_schools": dh["schools"],
        "all_classes": SchoolClass.objects.count(),
    }


def coordinator_tokens():
    """A Den Helder coordinator and a whole-region coordinator, each with an API token."""
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from schools.models import CoordinatorScope, Municipality

    User = get_user_model()
    tokens = {}
    for kind, username, municipality in [
        ("dh", "bench-coordinator-dh", Municipality.objects.get(slug=DH_SLUG)),
        ("region", "bench-coordinator-region", None),
    ]:
        user, _created = User.objects.get_or_create(username=username)
        CoordinatorScope.objects.update_or_create(
            user=user, defaults={"municipality": municipality}
        )
        tokens[kind] = Token.objects.get_or_create(user=user)[0].key
    return tokens


# --- Timing the API ----------------------------------------------------------------


def get(conn, path, token):
    """One GET: (status, body); the connection reconnects when gunicorn closed it."""
    try:
        conn.request(
            "GET",
            path,
            headers={"Authorization": f"Token {token}", "Accept": "application/json"},
        )
        response = conn.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        return None, str(exc).encode()


def time_query(port, token, path, *, runs, warmup, budget):
    """Sequential requests: `warmup` unmeasured, then up to `runs` measured, all within
    `budget` seconds (at least one measured request)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    deadline = time.monotonic() + budget
    latencies, errors, body, first_error = [], 0, b"", None
    try:
        for _ in range(warmup):
            if time.monotonic() >= deadline:
                break
            get(conn, path, token)
        while len(latencies) < runs and (not latencies or time.monotonic() < deadline):
            start = time.perf_counter()
            status, body = get(conn, path, token)
            latencies.append(time.perf_counter() - start)
            if status != 200:
                errors += 1
                first_error = first_error or f"{status}: {body[:200]!r}"
    finally:
        conn.close()
    rows, shown = None, None
    if not errors:
        try:
            data = json.loads(body)["results"]
            rows = len(data)
            shown = sum(row.get("n", 0) for row in data)
        except (ValueError, KeyError, TypeError):
            pass
    latencies.sort()
    return {
        "runs": len(latencies),
        "errors": errors,
        "first_error": first_error,
        "rows": rows,
        "shown": shown,
        "p50": common.percentile(latencies, 50),
        "p95": common.percentile(latencies, 95),
        "max": latencies[-1] * 1000 if latencies else float("nan"),
    }


# --- Report ------------------------------------------------------------------------


def human(size):
    for unit, value in (("M", 1_000_000), ("k", 1_000)):
        if size >= value and size % value == 0:
            return f"{size // value}{unit}"
    return f"{size:,}"


def print_load_table(loads):
    print(
        "| size | answers | classes | schools | municipalities | result cells "
        "| Den Helder answers | load s | vacuum+analyze s | rollup rows | rollup s |"
    )
    print("|---|" + "---:|" * 10)
    for size, info in loads:
        print(
            f"| {human(size)} | {info['answers']:,} | {info['classes']:,} "
            f"| {info['schools']:,} | {info['municipalities']} | {info['cells']:,} "
            f"| {info['dh_answers']:,} | {info['load_s']:.1f} | {info['analyze_s']:.1f} "
            f"| {info['rollup_rows']:,} | {info['rollup_s']:.1f} |"
        )


def print_query_table(measured):
    print(
        "| size | query | path | runs | errors | rows | answers shown "
        "| p50 ms | p95 ms | max ms |"
    )
    print("|---|---|---|" + "---:|" * 7)
    for size, name, path, stats in measured:
        shown = "?" if stats["shown"] is None else f"{stats['shown']:,}"
        rows = "?" if stats["rows"] is None else stats["rows"]
        print(
            f"| {human(size)} | {name} | `{path.replace('/api/v1/results/', '')}` "
            f"| {stats['runs']} | {stats['errors']} | {rows} | {shown} "
            f"| {stats['p50']:.1f} | {stats['p95']:.1f} | {stats['max']:.1f} |"
        )


def print_targets(measured, sizes):
    by = {(size, name): stats for size, name, _path, stats in measured}
    smallest, largest = min(sizes), max(sizes)
    groups = {
        "Den Helder": [name for name, who, _p in QUERIES if who == "dh"],
        "regional": [name for name, who, _p in QUERIES if who == "region"],
    }
    for label, names in groups.items():
        if 10_000_000 in sizes:
            worst = max(names, key=lambda name: by[10_000_000, name]["p95"])
            p95 = by[10_000_000, worst]["p95"]
            verdict = "met" if p95 < TARGET_P95_MS else "missed"
            print(
                f"p95 at 10M < {TARGET_P95_MS:.0f} ms ({label} queries): {verdict} "
                f"(slowest: {worst}, p95 {p95:.1f} ms)"
            )
        else:
            p95 = max(by[largest, name]["p95"] for name in names)
            print(
                f"p95 at 10M < {TARGET_P95_MS:.0f} ms ({label} queries): not measured "
                f"(largest size {human(largest)}: worst p95 {p95:.1f} ms)"
            )
    for label, names in groups.items():
        ratios = {
            name: by[largest, name]["p50"] / by[smallest, name]["p50"] for name in names
        }
        worst = max(ratios, key=ratios.get)
        if 10_000_000 in sizes and smallest == 100_000:
            verdict = "met" if ratios[worst] <= TARGET_RATIO else "missed"
            prefix = f"time at 10M / time at 100k <= {TARGET_RATIO:g} ({label}, p50)"
        else:
            verdict = "not measured"
            prefix = (
                f"time at 10M / time at 100k <= {TARGET_RATIO:g} ({label}, p50); "
                f"{human(largest)} / {human(smallest)}"
            )
        print(
            f"{prefix}: {verdict} (worst: {worst}, {ratios[worst]:.2f}x; "
            + ", ".join(f"{name} {ratio:.2f}x" for name, ratio in ratios.items())
            + ")"
        )


# --- Main --------------------------------------------------------------------------


def parse_sizes(text):
    sizes = sorted({int(item.replace("_", "")) for item in text.split(",") if item})
    if not sizes or sizes[0] < MIN_SIZE:
        raise argparse.ArgumentTypeError(f"sizes must be at least {MIN_SIZE:,}")
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="answers, comma-separated (default 100000,1000000,10000000)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="sizes 100000,1000000 only"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the database if it is there (top it up) and keep it afterwards",
    )
    parser.add_argument("--runs", type=int, default=50, help="per query and size")
    parser.add_argument("--warmup", type=int, default=3, help="per query and size")
    parser.add_argument(
        "--query-seconds",
        type=float,
        default=60.0,
        help="time budget per query and size (fewer runs when a query is slow)",
    )
    args = parser.parse_args()
    sizes = list(QUICK_SIZES) if args.quick else args.sizes
    args.runs = min(max(args.runs, 1), 1000)
    args.warmup = min(max(args.warmup, 0), 20)
    args.query_seconds = min(max(args.query_seconds, 1.0), 600.0)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    prepared = common.prepare_database(PG_DB, fresh=not args.keep)
    if prepared is None:
        print("error: this benchmark needs PostgreSQL.", file=sys.stderr)
        return 1
    database_url, database = prepared
    use_redis = common.redis_answers()
    env = common.production_env(database_url, use_redis)
    common.manage(env, "migrate", "--noinput")
    common.manage(env, "load_demo_data", "--no-check-ins")
    setup_django(env)
    loader = Loader()
    tokens = coordinator_tokens()

    port = common.free_port()
    proc = common.start_gunicorn(gunicorn_env(env), port)
    loads, measured, measured_sizes, idle_busy = [], [], [], None
    try:
        if not common.wait_until_up(proc, port):
            print(common.GUNICORN_LOG.read_text()[-4000:], file=sys.stderr)
            print("error: gunicorn did not start.", file=sys.stderr)
            return 2
        print(f"gunicorn is up on 127.0.0.1:{port} (pid {proc.pid}).")
        idle_busy = common.background_load()
        for size in sizes:
            current = loader.state()[0]
            if current > size:
                note(
                    f"the database already holds {current:,} answers: {human(size)} skipped."
                )
                continue
            print(f"Loading up to {size:,} answers...", flush=True)
            started = time.monotonic()
            added = loader.load(size)
            load_s = time.monotonic() - started
            started = time.monotonic()
            vacuum_analyze()
            analyze_s = time.monotonic() - started
            started = time.monotonic()
            rollup_rows = refresh_rollups()
            rollup_s = time.monotonic() - started
            info = data_summary()
            info.update(
                load_s=load_s,
                analyze_s=analyze_s,
                rollup_s=rollup_s,
                rollup_rows=rollup_rows,
            )
            loads.append((size, info))
            print(
                f"  {added:,} answers added in {load_s:.1f} s "
                f"({info['cells']:,} result cells, {info['classes']:,} classes); "
                f"VACUUM ANALYZE {analyze_s:.1f} s; rollups {rollup_rows:,} rows in "
                f"{rollup_s:.1f} s",
                flush=True,
            )
            for name, who, path in QUERIES:
                if proc.poll() is not None:
                    print("error: gunicorn died.", file=sys.stderr)
                    return 2
                stats = time_query(
                    port,
                    tokens[who],
                    path,
                    runs=args.runs,
                    warmup=args.warmup,
                    budget=args.query_seconds,
                )
                measured.append((size, name, path, stats))
                print(
                    f"  {name}: {stats['runs']} runs, p50 {stats['p50']:.1f} ms, "
                    f"p95 {stats['p95']:.1f} ms, max {stats['max']:.1f} ms"
                    + (
                        f", {stats['errors']} errors ({stats['first_error']})"
                        if stats["errors"]
                        else ""
                    ),
                    flush=True,
                )
            measured_sizes.append(size)
    finally:
        common.stop_gunicorn(proc)
        if not args.keep:
            drop_database(PG_DB)

    print()
    no_load_client = argparse.Namespace(concurrency=1, seconds=0, max_requests=0)
    lines = common.machine_lines(database, use_redis, no_load_client)
    for line in lines:
        if not line.startswith("client:"):
            print(line)
    print(
        f"gunicorn: --timeout {GUNICORN_TIMEOUT} (so a slow query is timed, not killed)"
    )
    print(
        f"client:   one connection, sequential: {args.warmup} warm-up requests, then "
        f"{args.runs} timed per query and size (at most {args.query_seconds:g} s each)"
    )
    print(
        "data:     ResultCell rows loaded with COPY; no raw CheckInAnswer rows or "
        "sessions (the results engine reads only ResultCell). Den Helder: "
        f"{DH_SCHOOLS} schools, {DH_SCHOOLS * DH_CLASSES_PER_SCHOOL} classes at every "
        f"size; {loader.lesson_count} demo lessons, {loader.week_count} school weeks."
    )
    if idle_busy is not None:
        print(
            f"before:   the machine was {100 * idle_busy:.0f}% busy with other work "
            "before the run"
            + (" -- rerun when it is quiet." if idle_busy > 0.1 else ".")
        )
    print()
    print_load_table(loads)
    print()
    print_query_table(measured)
    print()
    if any(stats["errors"] for *_rest, stats in measured):
        print(f"warning: some responses were not 200 (see {common.GUNICORN_LOG}).")
    if measured_sizes:
        print_targets(measured, measured_sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
