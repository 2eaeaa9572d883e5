"""Serve production settings with gunicorn (2 workers) on PostgreSQL and post check-in
answers concurrently from a bounded load client on loopback, next to two bare views, in
the same run.

    .venv/bin/python bench/ingest.py [--seconds 20] [--concurrency 16] [--sessions 400]

Phases, each for --seconds (or until its work runs out), after a short warm-up; they take
turns in --rounds rounds (4: each phase runs four times for a quarter of --seconds), so a
change in how busy the shared machine is falls on all of them alike:
1. bare insert: POST /bench/insert/ (one INSERT of a spent-token row, nothing else);
2. bare count: POST /bench/count/ (the check-in's statement in its bare form: one UPDATE
   that adds an answer to a session's counts and key sums, with the spent-token INSERT
   reading its result, in one statement; no token, validation, cap or throttle);
3. tokens: GET /api/v1/sessions/<CODE>/ for a one-time token per pupil;
4. check-in: POST /api/v1/checkins/ with those tokens (schools.checkins.recording: the
   claim on the session and the spent token, in one statement on PostgreSQL).
The check-in rate is the rate of phase 4 alone, so fetching the token is not charged to it;
phase 3 is reported on its own. The target compares it with the bare count (phase 2).

Every thread has its own classes and open sessions (40 pupils each), and its own bare
count session, so two threads never wait for the same session row, and it posts 40 answers
per session, below the class-size cap (42). Afterwards the counts are checked: the sum of
the sessions' `n`, every value's count (against the values the client sent) and the spent
tokens must equal the number of 201 responses.

It is a benchmark, not a test: it exits 0 when a target is missed, 1 when the database
cannot be prepared, 2 when the server does not start or dies.
"""

import argparse
import os
import signal
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common
from bench.ingest_client import (
    BARE_COUNT,
    BARE_INSERT,
    CHECKIN,
    PUPILS,
    WARMUP_SECONDS,
    Client,
    merged,
    run_phase,
)

PG_DB = "lessen_bench_ingest"
TARGET_PERCENT = 65.0
BARE_ROOM = 32_000  # answers a bare count session takes (its `expected`)

# --- Setup -------------------------------------------------------------------------


def open_sessions(count, concurrency):
    """`count` open sessions, spread so that every thread gets its own classes (with room
    for 40 pupils) and the same number of sessions. Returns
    ([[code, ...] per thread], bench session ids, bench class ids)."""
    from schools.checkins.services import start_session
    from schools.models import SchoolClass

    classes = list(SchoolClass.objects.order_by("pk"))
    if len(classes) < concurrency + 1:
        raise SystemExit(
            f"need at least {concurrency + 1} classes, the demo data has {len(classes)}"
        )
    SchoolClass.objects.filter(pk__in=[c.pk for c in classes]).update(
        pupil_count=PUPILS
    )
    classes = classes[:-1]  # the last one is the bare views'
    per_thread = max(1, -(-count // concurrency))
    plans, session_ids, class_ids = [], [], set()
    for index in range(concurrency):
        own = classes[index::concurrency]
        codes = []
        for number in range(per_thread):
            school_class = own[number % len(own)]
            school_class.pupil_count = PUPILS
            session = start_session(
                school_class=school_class, started_by=None, moment="standalone"
            )
            codes.append(session.code)
            session_ids.append(session.pk)
            class_ids.add(school_class.pk)
        plans.append(codes)
    return plans, session_ids, class_ids


def bare_sessions(concurrency):
    """One closed session per thread for the bare count (room for BARE_ROOM answers) and
    one for the bare insert, in the last class: the bare views check nothing."""
    from django.utils import timezone

    from schools import clock
    from schools.models import CheckInSession, SchoolClass

    school_class = SchoolClass.objects.select_related("school").order_by("pk").last()
    now = timezone.now()
    sessions = [
        CheckInSession.objects.create(
            school_class=school_class,
            school_id=school_class.school_id,
            municipality_id=school_class.school.municipality_id,
            group=school_class.youngest_group(),
            week=clock.week_of(clock.today()),
            moment="standalone",
            question_set="standard",
            code=f"BARE{number:02d}",
            expected=BARE_ROOM,
            expires_at=now,
            closed_at=now,
        )
        for number in range(concurrency + 1)
    ]
    return [s.pk for s in sessions[:-1]], sessions[-1].pk


def verify(session_ids, count_ids, insert_id):
    """What the database counted for the check-ins' sessions and the bare views'."""
    from django.db.models import Sum

    from schools.models import SCALES, CheckInSession, UsedToken, answer_columns

    columns = [c for q in SCALES for c in answer_columns(q).values()]
    sums = CheckInSession.objects.filter(pk__in=session_ids).aggregate(
        n=Sum("n"), **{column: Sum(column) for column in columns}
    )
    bare = CheckInSession.objects.filter(pk__in=count_ids).aggregate(
        n=Sum("n"), mood_4=Sum("mood_4")
    )
    return {
        "n": sums.pop("n") or 0,
        "values": {column: count for column, count in sums.items() if count},
        "tokens": UsedToken.objects.filter(session_id__in=session_ids).count(),
        "count n": bare["n"] or 0,
        "count mood_4": bare["mood_4"] or 0,
        "count tokens": UsedToken.objects.filter(session_id__in=count_ids).count(),
        "insert tokens": UsedToken.objects.filter(session_id=insert_id).count(),
    }


# --- The load client ---------------------------------------------------------------


# --- Report ------------------------------------------------------------------------


def print_table(rows):
    print(
        "| endpoint | request | requests | errors | req/s | p50 ms | p99 ms "
        "| client CPU | machine busy |"
    )
    print("|---|---|" + "---:|" * 7)
    for name, path, stats in rows:
        busy = stats["machine_busy"]
        print(
            f"| {name} | `{path}` | {stats['requests']} | {stats['errors']} "
            f"| {stats['rps']:.0f} | {stats['p50']:.1f} | {stats['p99']:.1f} "
            f"| {100 * stats['client_cpu']:.0f}% "
            f"| {'?' if busy is None else f'{100 * busy:.0f}%'} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="per phase")
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        help="the phases take turns this many times (--seconds split between them)",
    )
    parser.add_argument("--concurrency", type=int, default=16, help="connections")
    parser.add_argument(
        "--sessions",
        type=int,
        default=400,
        help=f"open sessions of {PUPILS} pupils: at most {PUPILS} answers each",
    )
    parser.add_argument(
        "--max-requests", type=int, default=100_000, help="per thread and phase"
    )
    args = parser.parse_args()
    args.seconds = min(max(args.seconds, 1.0), 600.0)
    args.concurrency = min(max(args.concurrency, 1), 64)
    args.rounds = min(max(args.rounds, 1), 20)
    args.sessions = min(max(args.sessions, args.concurrency), 5000)
    args.max_requests = min(max(args.max_requests, 1), 1_000_000)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    prepared = common.prepare(PG_DB)
    if prepared is None:
        return 1
    env, database, use_redis = prepared
    common.setup_django(env)
    plans, session_ids, class_ids = open_sessions(args.sessions, args.concurrency)
    bare_ids = bare_sessions(args.concurrency)
    capacity = sum(len(codes) for codes in plans) * PUPILS
    print(
        f"Opened {len(session_ids)} sessions of {PUPILS} pupils in {len(class_ids)} "
        f"classes (room for {capacity:,} answers), and {args.concurrency + 1} for the "
        "bare views."
    )

    port = common.free_port()
    proc = common.serve(env, port)
    if proc is None:
        return 2
    client = Client(port, plans, bare_ids, args.max_requests)
    n = args.concurrency
    try:
        print("Warming up...", flush=True)
        run_phase(n, WARMUP_SECONDS, client.bare_insert)
        run_phase(n, WARMUP_SECONDS, client.bare_count)
        run_phase(n, WARMUP_SECONDS, client.warm_up)
        idle_busy = common.background_load()
        rounds = {}
        seconds = args.seconds / args.rounds
        for number in range(1, args.rounds + 1):
            print(
                f"round {number} of {args.rounds}, {seconds:g} s per phase...",
                flush=True,
            )
            for name, work in (
                ("bare insert", client.bare_insert),
                ("bare count", client.bare_count),
                ("tokens", client.get_tokens),
                ("check-ins", client.post),
            ):
                rounds.setdefault(name, []).append(run_phase(n, seconds, work))
        phases = {name: merged(each) for name, each in rounds.items()}
        if proc.poll() is not None:
            print(
                f"error: gunicorn died during the run (log: {common.GUNICORN_LOG}).",
                file=sys.stderr,
            )
            return 2
    finally:
        common.stop_gunicorn(proc)

    from django.db import connections

    connections.close_all()
    stored = verify(session_ids, *bare_ids)

    print()
    common.print_machine(
        database,
        use_redis,
        client=(
            f"{n} threads, each with its own connection, classes and sessions; "
            f"{args.seconds:g} s per phase in {args.rounds} rounds that take turns (or "
            "until its tokens or sessions run out), after a warm-up"
        ),
        idle_busy=idle_busy,
    )
    print(
        "caveat:   the load client and the server share the same "
        f"{os.cpu_count()} cores (column 'client CPU', share of one core)."
    )
    print()
    rows = [
        ("bare insert", f"POST {BARE_INSERT}", phases["bare insert"]),
        ("bare count", f"POST {BARE_COUNT}", phases["bare count"]),
        ("token", "GET /api/v1/sessions/<code>/", phases["tokens"]),
        ("check-in", f"POST {CHECKIN}", phases["check-ins"]),
    ]
    print_table(rows)
    print()
    report(rows, stored, client, args)
    return 0


def report(rows, stored, client, args):
    for name, _path, stats in rows:
        if stats["errors"]:
            print(
                f"warning: {name}: {stats['errors']} errors, first: {stats['first_error']}"
            )
        if stats["ran_out"]:
            print(
                f"note: {name}: {stats['ran_out']} of {args.concurrency} threads ran out "
                f"of tokens or sessions before {args.seconds:g} s (measured over "
                f"{stats['elapsed']:.1f} s); use more --sessions for a full run."
            )
    rate = {name: stats["rps"] for name, _path, stats in rows}
    share = 100 * rate["check-in"] / rate["bare count"] if rate["bare count"] else 0.0
    verdict = "met" if share >= TARGET_PERCENT else "MISSED"
    print(
        f"check-in: {share:.0f}% of the bare count rate "
        f"({rate['check-in']:.0f} vs {rate['bare count']:.0f} req/s, target >= "
        f"{TARGET_PERCENT:.0f}%): {verdict}"
    )
    stats = {name: each for name, _path, each in rows}
    per_round = [
        f"{100 * check_in / bare:.0f}%"
        for check_in, bare in zip(
            stats["check-in"]["rounds"], stats["bare count"]["rounds"], strict=True
        )
        if bare
    ]
    print(f"          per round: {', '.join(per_round)}")
    if rate["bare insert"]:
        print(
            f"          {100 * rate['check-in'] / rate['bare insert']:.0f}% of the bare "
            f"insert rate ({rate['bare insert']:.0f} req/s; no target)"
        )
    errors = sum(stats["errors"] for _name, _path, stats in rows)
    print(f"errors: {errors} (target 0): {'met' if errors == 0 else 'MISSED'}")
    created = client.created
    same = stored["n"] == stored["tokens"] == created and stored["values"] == dict(
        client.sent
    )
    print(
        f"counted == accepted (warm-up included): {created} check-ins got 201; the "
        f"sessions count n = {stored['n']}, {sum(stored['values'].values())} values "
        f"({'each value as sent' if stored['values'] == dict(client.sent) else 'NOT as sent'}), "
        f"spent tokens {stored['tokens']}: {'met' if same else 'MISSED'}"
    )
    bare = client.bare_created
    same = stored["count n"] == stored["count mood_4"] == stored["count tokens"]
    same = same and stored["count n"] == bare["count"]
    print(
        f"bare count: {bare['count']} got 201; n = {stored['count n']}, mood_4 = "
        f"{stored['count mood_4']}, spent tokens {stored['count tokens']}: "
        f"{'met' if same else 'MISSED'}"
    )
    same = stored["insert tokens"] == bare["insert"]
    print(
        f"bare insert: {bare['insert']} got 201; rows {stored['insert tokens']}: "
        f"{'met' if same else 'MISSED'}"
    )


if __name__ == "__main__":
    sys.exit(main())
