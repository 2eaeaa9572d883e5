"""Load 100,000 to 10 million check-in answers into PostgreSQL and time typical
coordinator queries through the results API, served by gunicorn (2 workers, production
settings), at every size.

    .venv/bin/python bench/results.py [--sizes 100000,1000000,10000000] [--quick] [--keep]

The answers are CheckInSession rows with counts and random record-key sums, as the write
path leaves them, loaded with PostgreSQL COPY (bench/data.py: whole school years per class,
Den Helder fixed at 75 classes, the region growing by municipalities of 25 schools). The
sessions' `n` sum to exactly the stated number of answers. After each load: VACUUM ANALYZE
and the nightly rollup job (`refresh_rollups(full=True)`), both timed.

It is a benchmark, not a test: it exits 0 when a target is missed, and non-zero only when
the database cannot be prepared or the server does not start or dies.
"""

import argparse
import http.client
import json
import signal
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common, data

PG_DB = "lessen_bench_results"
DEFAULT_SIZES = (100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (100_000, 1_000_000)
TARGET_P95_MS = 100.0
TARGET_RATIO = 2.0
# gunicorn's default 30 s worker timeout would kill a slow regional query at 10 million
# instead of letting us time it.
GUNICORN_TIMEOUT = 120
REQUEST_TIMEOUT = GUNICORN_TIMEOUT + 10

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


def coordinator_tokens():
    """A Den Helder coordinator and a whole-region coordinator, each with an API token."""
    from django.contrib.auth import get_user_model
    from knox.models import AuthToken

    from schools.models import CoordinatorScope, Municipality

    User = get_user_model()
    tokens = {}
    for kind, username, municipality in [
        ("dh", "bench-coordinator-dh", Municipality.objects.get(slug=data.DH_SLUG)),
        ("region", "bench-coordinator-region", None),
    ]:
        user, _created = User.objects.get_or_create(username=username)
        CoordinatorScope.objects.update_or_create(
            user=user, defaults={"municipality": municipality}
        )
        tokens[kind] = AuthToken.objects.create(user=user)[1]  # a knox key
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
    stats = common.timing(latencies)
    stats.update(errors=errors, first_error=first_error, rows=rows, shown=shown)
    return stats


# --- Report ------------------------------------------------------------------------


def human(size):
    for unit, value in (("M", 1_000_000), ("k", 1_000)):
        if size >= value and size % value == 0:
            return f"{size // value}{unit}"
    return f"{size:,}"


def print_load_table(loads):
    print(
        "| size | answers | sessions | classes | schools | municipalities "
        "| Den Helder answers | load s | vacuum+analyze s | rollup rows | rollup s "
        "| machine busy (load) |"
    )
    print("|---|" + "---:|" * 11)
    for size, info in loads:
        print(
            f"| {human(size)} | {info['answers']:,} | {info['sessions']:,} "
            f"| {info['classes']:,} | {info['schools']:,} | {info['municipalities']} "
            f"| {info['dh_answers']:,} | {info['load_s']:.1f} | {info['analyze_s']:.1f} "
            f"| {info['rollup_rows']:,} | {info['rollup_s']:.1f} "
            f"| {common.percent(info['busy'])} |"
        )


def print_query_table(measured):
    print(
        "| size | query | path | runs | errors | rows | answers shown "
        "| p50 ms | p95 ms | max ms | machine busy |"
    )
    print("|---|---|---|" + "---:|" * 8)
    for size, name, path, stats in measured:
        shown = "?" if stats["shown"] is None else f"{stats['shown']:,}"
        rows = "?" if stats["rows"] is None else stats["rows"]
        print(
            f"| {human(size)} | {name} | `{path.replace('/api/v1/results/', '')}` "
            f"| {stats['runs']} | {stats['errors']} | {rows} | {shown} "
            f"| {stats['p50']:.1f} | {stats['p95']:.1f} | {stats['max']:.1f} "
            f"| {common.percent(stats['busy'])} |"
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
    if not sizes or sizes[0] < data.MIN_SIZE:
        raise argparse.ArgumentTypeError(f"sizes must be at least {data.MIN_SIZE:,}")
    return sizes


def arguments():
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
    args.sizes = list(QUICK_SIZES) if args.quick else args.sizes
    args.runs = min(max(args.runs, 1), 1000)
    args.warmup = min(max(args.warmup, 0), 20)
    args.query_seconds = min(max(args.query_seconds, 1.0), 600.0)
    return args


def load(loader, size):
    """Top up to `size` answers, then VACUUM ANALYZE and the rollups, each timed."""
    print(f"Loading up to {size:,} answers...", flush=True)
    with common.Busy() as busy:
        started = time.monotonic()
        added = loader.load(size)
        load_s = time.monotonic() - started
        started = time.monotonic()
        data.vacuum_analyze()
        analyze_s = time.monotonic() - started
        started = time.monotonic()
        rollup_rows = data.refresh_rollups()
        rollup_s = time.monotonic() - started
    info = data.summary()
    info.update(
        load_s=load_s,
        analyze_s=analyze_s,
        rollup_s=rollup_s,
        rollup_rows=rollup_rows,
        busy=busy.share,
    )
    print(
        f"  {added:,} answers added in {load_s:.1f} s ({info['sessions']:,} sessions, "
        f"{info['classes']:,} classes); VACUUM ANALYZE {analyze_s:.1f} s; rollups "
        f"{rollup_rows:,} rows in {rollup_s:.1f} s",
        flush=True,
    )
    return info


def main():
    args = arguments()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    prepared = common.prepare(PG_DB, fresh=not args.keep)
    if prepared is None:
        return 1
    env, database, use_redis = prepared
    common.setup_django(env)
    loader = data.Loader()
    tokens = coordinator_tokens()

    port = common.free_port()
    server_env = dict(env, GUNICORN_CMD_ARGS=f"--timeout {GUNICORN_TIMEOUT}")
    proc = common.serve(server_env, port)
    if proc is None:
        return 2
    loads, measured, measured_sizes = [], [], []
    try:
        idle_busy = common.background_load()
        for size in args.sizes:
            current = loader.state()[0]
            if current > size:
                common.note(
                    f"the database holds {current:,} answers: {human(size)} skipped."
                )
                continue
            loads.append((size, load(loader, size)))
            for name, who, path in QUERIES:
                if proc.poll() is not None:
                    print("error: gunicorn died.", file=sys.stderr)
                    return 2
                with common.Busy() as busy:
                    stats = time_query(
                        port,
                        tokens[who],
                        path,
                        runs=args.runs,
                        warmup=args.warmup,
                        budget=args.query_seconds,
                    )
                stats["busy"] = busy.share
                measured.append((size, name, path, stats))
                print(
                    f"  {name}: {stats['runs']} runs, p50 {stats['p50']:.1f} ms, "
                    f"p95 {stats['p95']:.1f} ms, max {stats['max']:.1f} ms, machine "
                    f"{common.percent(busy.share)} busy"
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
            common.drop_database(PG_DB)

    print()
    common.print_machine(
        database,
        use_redis,
        client=(
            f"one connection, sequential: {args.warmup} warm-up requests, then "
            f"{args.runs} timed per query and size (at most {args.query_seconds:g} s each)"
        ),
        server=(
            f"gunicorn cms.wsgi:application, {common.WORKERS} sync workers, "
            f"bench.settings (production, DEBUG off), --timeout {GUNICORN_TIMEOUT}"
        ),
        idle_busy=idle_busy,
    )
    print(
        "data:     CheckInSession rows (counts and random key sums) loaded with COPY "
        f"(bench/data.py). Den Helder: {data.DH_SCHOOLS} schools, "
        f"{data.DH_SCHOOLS * data.DH_CLASSES_PER_SCHOOL} classes at every size; "
        f"{loader.lesson_count} demo lessons, {loader.week_count} school weeks."
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
