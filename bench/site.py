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
import datetime
import http.client
import math
import os
import platform
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SQLITE_FILE = RESULTS / "bench.sqlite3"
GUNICORN_LOG = RESULTS / "gunicorn.log"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
PG_DB = "lessen_bench"
REDIS = ("127.0.0.1", 6379)
# Its own Redis database, so the benchmark never mixes with a developer's cache.
REDIS_URL = "redis://127.0.0.1:6379/1"
WORKERS = 2
TARGET_PERCENT = 20.0
CEILING = "/bench/ceiling/"
LIBRARY = "/lessen/"


def note(message):
    print(f"note: {message}", flush=True)


# --- Database, cache and the production environment -------------------------------


def pg_admin():
    import psycopg

    return psycopg.connect(dbname="postgres", connect_timeout=3, autocommit=True, **PG)


def prepare_database(name, *, fresh):
    """Create (or with fresh, drop and recreate) a PostgreSQL database.
    Returns (url, "PostgreSQL <version>"), or None when PostgreSQL is not usable."""
    try:
        import psycopg
    except ImportError:
        note("psycopg is not installed.")
        return None
    try:
        with pg_admin() as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if exists and fresh:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                exists = None
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
                print(f"Created PostgreSQL database {name}.")
            version = conn.execute("SHOW server_version").fetchone()[0]
    except psycopg.Error as exc:
        note(f"PostgreSQL on {PG['host']}:{PG['port']} is not usable ({exc}).")
        return None
    pg = PG
    return f"postgres://{pg['user']}@{pg['host']}:{pg['port']}/{name}", (
        f"PostgreSQL {version}"
    )


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


def redis_answers():
    try:
        with socket.create_connection(REDIS, timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def production_env(database_url, use_redis):
    env = dict(os.environ)
    for name in ("REDIS_URL", "GUNICORN_CMD_ARGS", "MEDIA_S3_BUCKET"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),  # throwaway, one per run
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback, no TLS proxy
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="600",
    )
    if use_redis:
        env["REDIS_URL"] = REDIS_URL
    return env


def manage(env, *args):
    print(f"manage.py {' '.join(args)}", flush=True)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode:
        print(result.stdout[-4000:], result.stderr[-4000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"manage.py {args[0]} failed (exit {result.returncode}).")
    last = (result.stdout.strip().splitlines() or [""])[-1]
    if last:
        print(f"  {last.strip()}")


# --- The server --------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_binary():
    beside = Path(sys.executable).with_name("gunicorn")
    return str(beside) if beside.exists() else shutil.which("gunicorn")


def has_gunicorn_setting(name):
    from gunicorn.config import KNOWN_SETTINGS

    return any(setting.name == name for setting in KNOWN_SETTINGS)


def start_gunicorn(env, port):
    # The default sync worker, as in docs/deploy.md. No --access-logfile: access log off.
    command = [
        gunicorn_binary(),
        "cms.wsgi:application",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        str(ROOT),
        "--graceful-timeout",
        "5",
    ]
    if has_gunicorn_setting("control_socket_disable"):
        # gunicorn 27+ would otherwise open ~/.gunicorn/gunicorn.ctl, shared with any
        # other gunicorn of the same user.
        command.append("--no-control-socket")
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(GUNICORN_LOG, "w") as log:
        # Its own process group, so the master and its workers can be stopped together.
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_gunicorn(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def fetch(port, path, timeout=10):
    """One GET on a fresh connection: (status, body), or (None, error text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as exc:
        return None, str(exc).encode()
    finally:
        conn.close()


def wait_until_up(proc, port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        status, _ = fetch(port, CEILING, timeout=2)
        if status == 200:
            return True
        time.sleep(0.2)
    return False


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


# --- The load client ---------------------------------------------------------------


def cpu_busy():
    """(busy, total) jiffies of the whole machine, or None off Linux."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


def background_load(seconds=1.0):
    """How busy the machine is before we start (other processes skew the figures)."""
    before = cpu_busy()
    time.sleep(seconds)
    after = cpu_busy()
    if not before or not after or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def hammer(port, path, concurrency, seconds, max_requests):
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
                    conn.request("GET", path)
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


def percentile(ordered, p):
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] * 1000


# --- Report ------------------------------------------------------------------------


def machine_lines(database, use_redis, args):
    import django
    import gunicorn
    import wagtail

    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    return [
        f"date:     {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"machine:  nproc {usable} ({os.cpu_count()} CPUs), {cpu}, {platform.platform()}",
        f"python:   {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}, gunicorn {gunicorn.__version__}",
        f"database: {database}, persistent connections (CONN_MAX_AGE 600)",
        f"cache:    {'Redis ' + REDIS_URL if use_redis else 'local memory (no Redis)'}",
        f"server:   gunicorn cms.wsgi:application, {WORKERS} sync workers, bench.settings "
        f"(production, DEBUG off), access log off",
        f"client:   {args.concurrency} connections, {args.seconds:g} s per endpoint "
        f"(at most {args.max_requests} requests), after a warm-up",
    ]


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
        note(f"no Redis on {REDIS[0]}:{REDIS[1]}: the cache is local memory.")

    env = production_env(database_url, use_redis)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_data")  # pages only: demo users are refused with DEBUG off
    manage(env, "collectstatic", "--noinput")

    port = free_port()
    proc = start_gunicorn(env, port)
    try:
        if not wait_until_up(proc, port):
            print(GUNICORN_LOG.read_text()[-4000:], file=sys.stderr)
            print(
                f"error: gunicorn did not answer {CEILING} on port {port} "
                f"(log: {GUNICORN_LOG}).",
                file=sys.stderr,
            )
            return 2
        print(f"gunicorn is up on 127.0.0.1:{port} (pid {proc.pid}).")

        endpoints = choose_endpoints(port)

        warm = min(1.0, args.seconds)
        print(f"Warming up {len(endpoints)} endpoints ({warm:g} s each)...", flush=True)
        for _, path in endpoints:
            hammer(port, path, args.concurrency, warm, args.max_requests)
        idle_busy = background_load()  # gunicorn is warm and idle now

        rows = []
        for name, path in endpoints:
            print(f"Measuring {name} {path} for {args.seconds:g} s...", flush=True)
            rows.append(
                (
                    name,
                    path,
                    hammer(
                        port, path, args.concurrency, args.seconds, args.max_requests
                    ),
                )
            )
    finally:
        stop_gunicorn(proc)

    print()
    for line in machine_lines(database, use_redis, args):
        print(line)
    print(
        "caveat:   the load client and the server share the same "
        f"{os.cpu_count()} cores; the client's CPU (column 'client CPU', share of one "
        "core) is taken away from gunicorn, so every figure is a lower bound and the "
        "cheap ceiling is depressed the most."
    )
    if idle_busy is not None:
        print(
            f"before:   the machine was {100 * idle_busy:.0f}% busy with other work "
            "before the run"
            + (
                " -- figures are skewed, rerun when it is quiet."
                if idle_busy > 0.1
                else "."
            )
        )
    print()
    ceiling_rps = rows[0][2]["rps"]
    print_table(rows, ceiling_rps)
    print()
    if any(stats["errors"] for _, _, stats in rows):
        print(f"warning: some responses were not 200 (see {GUNICORN_LOG}).")
    lesson = next((stats for name, _, stats in rows if name == "lesson page"), None)
    if lesson is None:
        print(
            f"lesson page: not measured, no lesson page found "
            f"(target >= {TARGET_PERCENT:.0f}% of ceiling)"
        )
    else:
        share = 100 * lesson["rps"] / ceiling_rps if ceiling_rps else 0.0
        verdict = "met" if share >= TARGET_PERCENT else "MISSED"
        print(
            f"lesson page: {share:.0f}% of ceiling (target >= {TARGET_PERCENT:.0f}%): {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
