"""Serve the site with gunicorn (2 workers, production settings, persistent database
connections) and measure requests per second and p50/p99 latency for a no-database
ceiling view, the home page, the lesson library and a lesson page, in one run.

    .venv/bin/python bench/site.py [--seconds 10] [--concurrency 8] [--sqlite] [--fresh]

The load client uses the standard library only: N threads, each with its own
http.client connection, hammer one endpoint at a time for a fixed time (and at most
--max-requests requests). Every response other than 200 counts as an error.
It is a benchmark, not a test: it exits 0 when the target is missed, and non-zero only
when the database cannot be prepared or the server does not start.
"""

import argparse
import http.client
import math
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common
from bench.common import (
    CEILING,
    GUNICORN_LOG,
    RESULTS,
    cpu_busy,
    fetch,
    machine_lines,
    manage,
    note,
    percentile,
    prepare_database,
    production_env,
    redis_answers,
)

SQLITE_FILE = RESULTS / "bench.sqlite3"
PG_DB = "lessen_bench"
# Targets, as a share of the ceiling in the same run (issue 15): visitors' lesson page and
# library at 30% or more, the same pages for a signed-in teacher at 15% or more.
TARGETS = {
    "library": 30.0,
    "lesson page": 30.0,
    "library (signed in)": 15.0,
    "lesson page (signed in)": 15.0,
}
LIBRARY = "/lessen/"
# A signed-in teacher's session, made in the benchmark's database (demo users are refused
# with DEBUG off). Prints the session key, which the load client sends as its cookie.
STAFF_SESSION = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username="bench-leerkracht")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
print(settings.SESSION_COOKIE_NAME + "=" + store.session_key)
"""


# --- Databases ----------------------------------------------------------------------


def prepare_postgres(fresh):
    """Create the site benchmark's database if missing. Returns (url, version) or None."""
    return prepare_database(PG_DB, fresh=fresh)


def prepare_sqlite(fresh):
    RESULTS.mkdir(parents=True, exist_ok=True)
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    return (
        f"sqlite:///{SQLITE_FILE}",
        f"SQLite {sqlite3.sqlite_version} ({SQLITE_FILE})",
    )


# --- Finding a lesson page ---------------------------------------------------------


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(
                value for name, value in attrs if name == "href" and value
            )


def first_lesson_path(html):
    """The first link below /lessen/ (not /lessen/ itself, nor a query on it)."""
    parser = Links()
    parser.feed(html.decode("utf-8", "replace"))
    for href in parser.hrefs:
        parts = urlsplit(href)
        if parts.netloc and parts.hostname not in ("127.0.0.1", "localhost"):
            continue
        if parts.path.startswith(LIBRARY) and parts.path != LIBRARY:
            return parts.path
    return None


def choose_endpoints(port):
    """Ceiling and home always; the library, a lesson page found on it, a filtered library
    and a library search only when the library exists."""
    endpoints = [("ceiling", CEILING), ("home", "/")]
    status, body = fetch(port, LIBRARY)
    if status == 404:
        note(
            f"{LIBRARY} is 404: the library does not exist yet, so library and "
            "lesson page are skipped."
        )
        return endpoints
    endpoints.append(("library", LIBRARY))
    lesson = first_lesson_path(body) if status == 200 else None
    if lesson:
        endpoints.append(("lesson page", lesson))
    else:
        note(
            f"{LIBRARY} answered {status} without a link to a lesson page: "
            "lesson page skipped."
        )
    # A filter comes from the cache like the bare library; a search never does (its
    # words are anyone's choice, so it would make the cache unbounded).
    endpoints.append(("library filter", f"{LIBRARY}?groep=groep-5-6"))
    endpoints.append(("library query", f"{LIBRARY}?q=geluk"))
    return endpoints


def staff_cookie(env):
    """The Cookie header of a signed-in teacher (STAFF_SESSION)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", STAFF_SESSION],
        cwd=common.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return {"Cookie": result.stdout.strip().splitlines()[-1]}


# --- The load client ---------------------------------------------------------------


def hammer(port, path, concurrency, seconds, max_requests, headers=None):
    """Bounded in time (seconds, plus a 10 s socket timeout) and in count."""
    per_thread = max(1, max_requests // concurrency)
    results = [None] * concurrency
    deadline = time.perf_counter() + seconds

    def client(index):
        latencies, errors = [], 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            while len(latencies) < per_thread:
                start = time.perf_counter()
                if start >= deadline:
                    break
                try:
                    # Keep-alive when the server offers it; gunicorn's sync worker closes
                    # after each response and http.client then reconnects by itself.
                    conn.request("GET", path, headers=headers or {})
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    conn.close()
                latencies.append(time.perf_counter() - start)
                errors += not ok
        finally:
            conn.close()
        results[index] = (latencies, errors)

    threads = [
        threading.Thread(target=client, args=(index,), daemon=True)
        for index in range(concurrency)
    ]
    cpu_before, machine_before = time.process_time(), cpu_busy()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.perf_counter()) + 15)
    elapsed = time.perf_counter() - started
    client_cpu = (time.process_time() - cpu_before) / elapsed
    machine_after = cpu_busy()

    latencies, errors = [], 0
    for result in results:
        if result is None:  # a thread that never came back
            errors += 1
            continue
        latencies.extend(result[0])
        errors += result[1]
    latencies.sort()
    machine = None
    if machine_before and machine_after:
        busy = machine_after[0] - machine_before[0]
        total = machine_after[1] - machine_before[1]
        machine = busy / total if total else None
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "client_cpu": client_cpu,
        "machine_busy": machine,
    }


def print_table(rows, ceiling_rps):
    header = (
        "| endpoint | path | requests | errors | req/s | p50 ms | p99 ms "
        "| % of ceiling | client CPU | machine busy |"
    )
    print(header)
    print("|" + "|".join(["---"] * 2 + ["---:"] * 8) + "|")
    for name, path, stats in rows:
        share = 100 * stats["rps"] / ceiling_rps if ceiling_rps else math.nan
        busy = stats["machine_busy"]
        print(
            f"| {name} | `{path}` | {stats['requests']} | {stats['errors']} "
            f"| {stats['rps']:.0f} | {stats['p50']:.1f} | {stats['p99']:.1f} "
            f"| {share:.0f}% | {100 * stats['client_cpu']:.0f}% "
            f"| {'?' if busy is None else f'{100 * busy:.0f}%'} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=8, help="connections")
    parser.add_argument(
        "--max-requests", type=int, default=200_000, help="per endpoint"
    )
    parser.add_argument("--sqlite", action="store_true", help="skip PostgreSQL")
    parser.add_argument(
        "--fresh", action="store_true", help="drop and recreate the bench database"
    )
    args = parser.parse_args()
    args.seconds = min(max(args.seconds, 0.5), 600.0)
    args.concurrency = min(max(args.concurrency, 1), 256)
    args.max_requests = max(args.max_requests, args.concurrency)

    # A SIGTERM must still run the finally below that stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    prepared = None if args.sqlite else prepare_postgres(args.fresh)
    if prepared is None:
        if not args.sqlite:
            note("falling back to SQLite.")
        prepared = prepare_sqlite(args.fresh)
    database_url, database = prepared
    use_redis = redis_answers()
    if not use_redis:
        note(
            f"no Redis on {common.REDIS[0]}:{common.REDIS[1]}: the cache is local memory."
        )

    env = production_env(database_url, use_redis)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_data")  # pages only: demo users are refused with DEBUG off
    manage(env, "collectstatic", "--noinput")

    port = common.free_port()
    proc = common.start_gunicorn(env, port)
    try:
        if not common.wait_until_up(proc, port):
            print(GUNICORN_LOG.read_text()[-4000:], file=sys.stderr)
            print(
                f"error: gunicorn did not answer {CEILING} on port {port} "
                f"(log: {GUNICORN_LOG}).",
                file=sys.stderr,
            )
            return 2
        print(f"gunicorn is up on 127.0.0.1:{port} (pid {proc.pid}).")

        endpoints = [(name, path, None) for name, path in choose_endpoints(port)]
        signed_in = staff_cookie(env)
        endpoints += [
            (f"{name} (signed in)", path, signed_in)
            for name, path, _ in list(endpoints)
            if name in ("library", "lesson page")
        ]

        warm = min(1.0, args.seconds)
        print(f"Warming up {len(endpoints)} endpoints ({warm:g} s each)...", flush=True)
        for _, path, headers in endpoints:
            hammer(port, path, args.concurrency, warm, args.max_requests, headers)
        idle_busy = common.background_load()  # gunicorn is warm and idle now

        rows = []
        for name, path, headers in endpoints:
            print(f"Measuring {name} {path} for {args.seconds:g} s...", flush=True)
            stats = hammer(
                port, path, args.concurrency, args.seconds, args.max_requests, headers
            )
            rows.append((name, path, stats))
    finally:
        common.stop_gunicorn(proc)

    print()
    client = (
        f"{args.concurrency} connections, {args.seconds:g} s per endpoint "
        f"(at most {args.max_requests} requests), after a warm-up"
    )
    for line in machine_lines(database, use_redis, client):
        print(line)
    print(
        "caveat:   the load client and the server share the same "
        f"{os.cpu_count()} cores; the client's CPU (column 'client CPU', share of one "
        "core) is taken away from gunicorn, so every figure is a lower bound and the "
        "cheap ceiling is depressed the most."
    )
    print(common.before_line(idle_busy))
    print()
    ceiling_rps = rows[0][2]["rps"]
    print_table(rows, ceiling_rps)
    print()
    if any(stats["errors"] for _, _, stats in rows):
        print(f"warning: some responses were not 200 (see {GUNICORN_LOG}).")
    measured = {name: stats for name, _, stats in rows}
    for name, target in TARGETS.items():
        if name not in measured:
            print(f"{name}: not measured (target >= {target:.0f}% of ceiling)")
            continue
        share = 100 * measured[name]["rps"] / ceiling_rps if ceiling_rps else 0.0
        verdict = "met" if share >= target else "MISSED"
        print(f"{name}: {share:.0f}% of ceiling (target >= {target:.0f}%): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
