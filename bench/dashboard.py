"""Time the results dashboard's server side on the demo data and on one million answers.

    .venv/bin/python bench/dashboard.py [--runs 20] [--keep]

PostgreSQL database `lessen_bench_dashboard`: migrate, `load_demo_data` (the demo pages,
schools and about 110,000 synthetic answers in sessions), then the same database topped up
to 1,000,000 answers with bench/data.py's loader (sessions with counts and random key sums
for whole classes' school years, the data bench/results.py uses) and the rollups. Production settings
(bench.settings: DEBUG off, persistent connections, Redis cache when it answers).

Server time is measured in process: Django's test client sends each request through the
whole stack (middleware, the admin's menu, the engine's queries, template rendering) and
the clock runs from request to response, without a network or a browser. Charts are drawn
in the browser and are not part of it. Pages: the regional coordinator's dashboard without
filters and with a municipality and period, the Den Helder coordinator's dashboard, the
print view, and the CSV export (its whole body read). 2 warm-up runs, then --runs runs each.

Target: p95 under 300 ms on both data sets. A benchmark, not a test: exit 0 when a target
is missed; 1 without PostgreSQL."""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common, data

PG_DB = "lessen_bench_dashboard"
TARGET_MS = 300
ONE_MILLION = 1_000_000


def pages():
    last = datetime.date.today()
    period = f"start={(last - datetime.timedelta(days=120)).isoformat()}&end={last.isoformat()}"
    return [
        ("region, no filters", "region", "/admin/resultaten/"),
        (
            "region, Den Helder + 4 months",
            "region",
            f"/admin/resultaten/?municipality=den-helder&{period}",
        ),
        ("Den Helder coordinator", "dh", "/admin/resultaten/"),
        ("print view (region)", "region", "/admin/resultaten/afdrukken/"),
        ("CSV export (region)", "region", "/admin/resultaten/export.csv"),
    ]


def coordinators():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from schools.models import CoordinatorScope, Municipality

    access = Permission.objects.get(codename="access_admin")
    users = {}
    for kind, username, municipality in [
        ("dh", "bench-dashboard-dh", Municipality.objects.get(slug="den-helder")),
        ("region", "bench-dashboard-region", None),
    ]:
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.user_permissions.add(access)
        CoordinatorScope.objects.update_or_create(
            user=user, defaults={"municipality": municipality}
        )
        users[kind] = user
    return users


def time_page(client, path, runs, warmup):
    timings = []
    for number in range(warmup + runs):
        started = time.perf_counter()
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
        elapsed = time.perf_counter() - started  # seconds: common.percentile gives ms
        if response.status_code != 200:
            raise SystemExit(f"{path}: status {response.status_code}")
        if number >= warmup:
            timings.append(elapsed)
    stats = common.timing(timings)
    stats["bytes"] = len(response.content) if not response.streaming else 0
    return stats


def measure(label, users, runs, warmup):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {}
    for kind, user in users.items():
        clients[kind] = Client(HTTP_HOST="127.0.0.1")
        clients[kind].force_login(user)
    rows = []
    for name, who, path in pages():
        with common.Busy() as busy:
            stats = time_page(clients[who], path, runs, warmup)
        stats["busy"] = busy.share
        with CaptureQueriesContext(connection) as queries:
            response = clients[who].get(path)
            if response.streaming:
                b"".join(response.streaming_content)
        stats["queries"] = len(queries.captured_queries)
        rows.append((label, name, path, stats))
        print(
            f"  {name}: p50 {stats['p50']:.1f} ms, p95 {stats['p95']:.1f} ms, "
            f"{stats['queries']} queries, machine {common.percent(busy.share)} busy",
            flush=True,
        )
    return rows


def data_line():
    info = data.summary()
    return (
        f"{info['answers']:,} answers in {info['sessions']:,} sessions, "
        f"{info['classes']:,} classes, {info['rollup_rows']:,} rollup rows"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    prepared = common.prepare(PG_DB, demo_args=(), static=True)
    if prepared is None:
        return 1
    env, database, use_redis = prepared
    common.setup_django(env)
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    users = coordinators()
    measured = []
    idle_busy = common.background_load()
    try:
        print(f"Demo data: {data_line()}", flush=True)
        demo = data_line()
        measured += measure("demo", users, args.runs, args.warmup)
        print("Loading up to 1,000,000 answers...", flush=True)
        loader = data.Loader()
        loader.load(ONE_MILLION)
        data.vacuum_analyze()
        data.refresh_rollups()
        million = data_line()
        print(f"1M: {million}", flush=True)
        measured += measure("1M", users, args.runs, args.warmup)
    finally:
        if not args.keep:
            common.drop_database(PG_DB)

    print()
    common.print_machine(
        database,
        use_redis,
        server="in process, Django's test client, bench.settings (production, DEBUG off)",
        idle_busy=idle_busy,
    )
    print(f"data:     demo: {demo}")
    print(f"          1M:   {million}")
    print()
    print(
        "| data | page | path | runs | p50 ms | p95 ms | max ms | queries "
        "| machine busy |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for label, name, path, stats in measured:
        print(
            f"| {label} | {name} | `{path}` | {stats['runs']} | {stats['p50']:.1f} "
            f"| {stats['p95']:.1f} | {stats['max']:.1f} | {stats['queries']} "
            f"| {common.percent(stats['busy'])} |"
        )
    print()
    for label in ("demo", "1M"):
        worst = max(
            (row for row in measured if row[0] == label), key=lambda row: row[3]["p95"]
        )
        verdict = "met" if worst[3]["p95"] < TARGET_MS else "MISSED"
        print(
            f"dashboard p95 < {TARGET_MS} ms on {label}: {verdict} "
            f"(slowest: {worst[1]}, p95 {worst[3]['p95']:.1f} ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
