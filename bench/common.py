"""What the benchmark scripts share: the machine's description, the benchmark databases,
the production environment and gunicorn, Django in this process, and timing statistics.
Standard library only at import time (psycopg, Django and gunicorn are imported when used),
so every script can import it before Django is set up."""

import datetime
import http.client
import math
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
GUNICORN_LOG = RESULTS / "gunicorn.log"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS = ("127.0.0.1", 6379)
# Its own Redis database, so the benchmark never mixes with a developer's cache.
REDIS_URL = "redis://127.0.0.1:6379/1"
WORKERS = 2
CEILING = "/bench/ceiling/"


def note(message):
    print(f"note: {message}", flush=True)


# --- Databases ---------------------------------------------------------------------


def pg_admin():
    import psycopg

    return psycopg.connect(dbname="postgres", connect_timeout=3, autocommit=True, **PG)


def database_name(name):
    """The benchmark's database name, with BENCH_DB_SUFFIX when set: two checkouts
    running benchmarks at once must not drop each other's databases."""
    return name + os.environ.get("BENCH_DB_SUFFIX", "")


def prepare_database(name, *, fresh):
    """Create (or with fresh, drop and recreate) a PostgreSQL database.
    Returns (url, "PostgreSQL <version>"), or None when PostgreSQL is not usable."""
    name = database_name(name)
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


def drop_database(name):
    from django.db import connections

    name = database_name(name)
    connections.close_all()
    try:
        with pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(f"Dropped the database {name}.")
    except Exception as exc:  # noqa: BLE001  (best effort at the very end)
        note(f"could not drop {name}: {exc}")


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


def prepare(name, *, fresh=True, demo_args=("--no-check-ins",), static=False):
    """The usual start of a PostgreSQL benchmark: the database, the production
    environment, `migrate`, `load_demo_data` with `demo_args` (None: not at all),
    `collectstatic` when `static`, and Django in this process.
    Returns (env, "PostgreSQL <version>", use_redis), or None without PostgreSQL."""
    prepared = prepare_database(name, fresh=fresh)
    if prepared is None:
        print("error: this benchmark needs PostgreSQL.", file=sys.stderr)
        return None
    database_url, database = prepared
    use_redis = redis_answers()
    if not use_redis:
        note(f"no Redis on {REDIS[0]}:{REDIS[1]}: the cache is local memory.")
    env = production_env(database_url, use_redis)
    manage(env, "migrate", "--noinput")
    if demo_args is not None:
        manage(env, "load_demo_data", *demo_args)
    if static:
        manage(env, "collectstatic", "--noinput")
    return env, database, use_redis


def setup_django(env):
    """This process talks to the benchmark database through Django, like the server."""
    os.environ.update(env)
    import django

    django.setup()


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


def serve(env, port):
    """gunicorn started and answering, or None (its log's tail printed)."""
    proc = start_gunicorn(env, port)
    if wait_until_up(proc, port):
        print(f"gunicorn is up on 127.0.0.1:{port} (pid {proc.pid}).", flush=True)
        return proc
    stop_gunicorn(proc)
    print(GUNICORN_LOG.read_text()[-4000:], file=sys.stderr)
    print(f"error: gunicorn did not start (log: {GUNICORN_LOG}).", file=sys.stderr)
    return None


# --- How busy the machine is -------------------------------------------------------


def cpu_busy():
    """(busy, total) jiffies of the whole machine, or None off Linux."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


def busy_between(before, after):
    """The share of the machine's CPU time that was busy between two cpu_busy() readings."""
    if not before or not after or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def background_load(seconds=1.0):
    """How busy the machine is before we start (other processes skew the figures)."""
    before = cpu_busy()
    time.sleep(seconds)
    return busy_between(before, cpu_busy())


class Busy:
    """How busy the whole machine was while the block ran (this process included):
    `with Busy() as busy: ...`, then busy.share (0-1, or None)."""

    def __enter__(self):
        self.share, self._before = None, cpu_busy()
        return self

    def __exit__(self, *exc):
        self.share = busy_between(self._before, cpu_busy())
        return False


def percent(share):
    return "?" if share is None else f"{100 * share:.0f}%"


def before_line(idle_busy):
    if idle_busy is None:
        return "before:   how busy the machine was is unknown (no /proc/stat)."
    return (
        f"before:   the machine was {100 * idle_busy:.0f}% busy with other work "
        "before the run"
        + (
            " -- figures are skewed, rerun when it is quiet."
            if idle_busy > 0.1
            else "."
        )
    )


# --- Timing statistics -------------------------------------------------------------


def percentile(ordered, p):
    """The p-th percentile (nearest rank) of sorted seconds, in milliseconds."""
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] * 1000


def timing(seconds):
    """runs, p50, p95, p99 and max (ms) of a list of durations in seconds."""
    ordered = sorted(seconds)
    return {
        "runs": len(ordered),
        "p50": percentile(ordered, 50),
        "p95": percentile(ordered, 95),
        "p99": percentile(ordered, 99),
        "max": ordered[-1] * 1000 if ordered else math.nan,
    }


# --- The machine -------------------------------------------------------------------


def machine_lines(database, use_redis, client=None):
    """The machine, the software and the set-up, one `name: text` line each. `client`,
    when given, is the line that describes the load client."""
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
    lines = [
        f"date:     {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"machine:  nproc {usable} ({os.cpu_count()} CPUs), {cpu}, {platform.platform()}",
        f"python:   {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}, gunicorn {gunicorn.__version__}",
        f"database: {database}, persistent connections (CONN_MAX_AGE 600)",
        f"cache:    {'Redis ' + REDIS_URL if use_redis else 'local memory (no Redis)'}",
        f"server:   gunicorn cms.wsgi:application, {WORKERS} sync workers, bench.settings "
        f"(production, DEBUG off), access log off",
    ]
    if client:
        lines.append(f"client:   {client}")
    return lines


def print_machine(database, use_redis, *, client=None, server=None, idle_busy=None):
    for line in machine_lines(database, use_redis, client):
        if server and line.startswith("server:"):
            line = f"server:   {server}"
        print(line)
    print(before_line(idle_busy))


ENERGY = ["low", "medium", "high"]
FEELINGS = ["blij", "rustig", "trots", "dankbaar", "opgewonden", "moe", "verveeld"]


def answers_for(question_set, rng):
    """One pupil's answers for a question set, as the pupil app sends them."""
    if question_set == "young":
        return {"mood": rng.choice([1, 3, 5])}
    if question_set == "ladder":
        return {"ladder": rng.randint(0, 10)}
    return {
        "mood": rng.randint(1, 5),
        "energy": rng.choice(ENERGY),
        "feeling": rng.choice(FEELINGS),
    }
