"""In process: where one check-in's time goes, next to the bare count.

    .venv/bin/python bench/profile_checkin.py [--requests 300] [--rounds 5]

Django's WSGI handler is called directly, with no server and no client, on production
settings (bench/settings.py), PostgreSQL (database `lessen_bench_profile`, dropped and
created at every run, demo data without check-ins) and Redis when it answers. Each request
is its own implicit transaction, as behind gunicorn.

1. Rounds: --rounds times, --requests bare counts (POST /bench/count/) then as many
   check-ins (POST /api/v1/checkins/, a fresh token and key each, answers fitting the
   session); the median per request of each over the rounds, and their ratio. The ratio
   is what bench/ingest.py measures through gunicorn, without the server's share.
2. Profile: --requests check-ins under cProfile; the time inside each piece of the
   request, per request (the profiler inflates everything, so read the proportions).

It is a benchmark, not a test: it prints figures and exits 0, or 1 without PostgreSQL.
"""

import argparse
import cProfile
import io
import json
import pstats
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common

PG_DB = "lessen_bench_profile"

# (label, file name ends with, function name): the pieces of a check-in request.
PIECES = (
    ("the whole request (WSGI handler)", "handlers/wsgi.py", "__call__"),
    ("  middleware before and after the view", "", "MIDDLEWARE"),
    ("  DRF dispatch (the view)", "rest_framework/views.py", "dispatch"),
    ("    throttle", "schools/checkins/throttling.py", "allow_request"),
    ("    JSON parsing", "api/parsers.py", "parse"),
    ("    the request's shape (check_in_data)", "api/serializers.py", "check_in_data"),
    ("    record_check_in", "schools/checkins/recording.py", "record_check_in"),
    ("      reading the signed token", "schools/checkins/services.py", "read_token"),
    ("      checking the answers", "schools/checkins/questions.py", "clean_answers"),
    ("      the statement", "schools/checkins/recording.py", "_in_one_statement"),
    ("    response rendering", "rest_framework/response.py", "rendered_content"),
)


def environ(path, body):
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.partition("?")[2],
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_ACCEPT": "application/json",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


class Requests:
    """Check-ins ready to send (tokens issued beforehand) and the bare count's session."""

    def __init__(self, total):
        from bench.ingest import PUPILS, bare_sessions
        from schools.checkins.services import issue_token, start_session
        from schools.models import SchoolClass

        self.rng = random.Random(14)
        classes = list(SchoolClass.objects.order_by("pk"))
        SchoolClass.objects.update(pupil_count=PUPILS)
        self.bodies = []
        sessions = -(-total // PUPILS)
        for number in range(sessions):
            school_class = classes[number % len(classes)]
            school_class.pupil_count = PUPILS
            session = start_session(
                school_class=school_class, started_by=None, moment="standalone"
            )
            for _pupil in range(PUPILS):
                self.bodies.append(
                    json.dumps(
                        {
                            "code": session.code,
                            "token": issue_token(session=session),
                            "key": str(uuid.uuid4()),
                            "answers": common.answers_for(
                                session.question_set, self.rng
                            ),
                        }
                    ).encode()
                )
        self.bodies.reverse()
        self.bare_session = bare_sessions(1)[0][0]  # room for 32,000 bare counts
        self.bare_body = b'{"mood": 4}'


def send(handler, path, body, want):
    statuses = []
    response = handler(
        environ(path, body), lambda status, headers: statuses.append(status)
    )
    b"".join(response)
    response.close()
    if not statuses[0].startswith(want):
        raise SystemExit(f"{path}: {statuses[0]} (expected {want})")


def timed(handler, count, make):
    """(wall ms, this process's CPU ms) per request. The CPU time leaves out the waits for
    PostgreSQL and Redis and is steadier on a busy machine; the wall time has them."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        path, body, want = make()
        send(handler, path, body, want)
    wall = (time.perf_counter() - started) / count * 1000
    return wall, (time.process_time() - cpu) / count * 1000


def row(label, bare, check_in, bare_cpu, check_in_cpu):
    return (
        f"| {label} | {bare:.2f} | {check_in:.2f} | {bare / check_in:.0%} "
        f"| {bare_cpu:.2f} | {check_in_cpu:.2f} | {bare_cpu / check_in_cpu:.0%} |"
    )


def pieces(profile, count):
    """Milliseconds per request inside each piece (cumulative time, profiler included)."""
    stats = pstats.Stats(profile, stream=io.StringIO()).stats
    found = {}
    for (filename, _line, function), (
        _cc,
        _nc,
        _tt,
        cumulative,
        _callers,
    ) in stats.items():
        filename = filename.replace("\\", "/")
        for label, ends, name in PIECES:
            if name == function and ends and filename.endswith(ends):
                found[label] = max(found.get(label, 0.0), cumulative)
    whole = found.get(PIECES[0][0], 0.0)
    view = found.get(PIECES[2][0], 0.0)
    found[PIECES[1][0]] = whole - view
    return [(label, 1000 * found.get(label, 0.0) / count) for label, _e, _n in PIECES]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--top",
        type=int,
        default=0,
        help="also print the N functions with most own time",
    )
    args = parser.parse_args()
    args.requests = min(max(args.requests, 10), 5000)
    args.rounds = min(max(args.rounds, 1), 50)

    prepared = common.prepare(PG_DB)
    if prepared is None:
        return 1
    env, database, use_redis = prepared
    common.setup_django(env)
    from django.core.wsgi import get_wsgi_application

    requests = Requests(args.requests * (args.rounds + 1) + 20)
    handler = get_wsgi_application()
    bare_path = f"/bench/count/?session={requests.bare_session}"

    def bare():
        return bare_path, requests.bare_body, "201"

    def check_in():
        return "/api/v1/checkins/", requests.bodies.pop(), "201"

    timed(handler, 20, bare)  # warm up: connections, URL resolvers, caches
    timed(handler, 20, check_in)
    idle_busy = common.background_load()
    rounds = []
    for _ in range(args.rounds):
        rounds.append(
            (
                timed(handler, args.requests, bare),
                timed(handler, args.requests, check_in),
            )
        )
    profile = cProfile.Profile()
    profile.enable()
    timed(handler, args.requests, check_in)
    profile.disable()

    print()
    common.print_machine(
        database,
        use_redis,
        client=f"in process, one thread, {args.requests} requests per round",
        server="none: Django's WSGI handler called in this process",
        idle_busy=idle_busy,
    )
    print()
    print(
        "| round | bare count ms | check-in ms | bare / check-in "
        "| bare count CPU ms | check-in CPU ms | bare / check-in (CPU) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for number, ((bare, bare_cpu), (check_in, check_in_cpu)) in enumerate(rounds, 1):
        print(row(number, bare, check_in, bare_cpu, check_in_cpu))
    print(
        row(
            "median",
            *(
                statistics.median(r[side][kind] for r in rounds)
                for kind in (0, 1)
                for side in (0, 1)
            ),
        )
    )
    print()
    print(f"Profile of {args.requests} check-ins (ms per request, profiler included):")
    print()
    print("| piece | ms |")
    print("|---|---:|")
    for label, ms in pieces(profile, args.requests):
        indent = "&nbsp;" * (len(label) - len(label.lstrip()))
        print(f"| {indent}{label.strip()} | {ms:.2f} |")
    if args.top:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
