"""Serve production settings with gunicorn (2 workers) on PostgreSQL and post check-in
answers concurrently from a bounded load client on loopback, next to a bare view that does
one INSERT, in the same run.

    .venv/bin/python bench/ingest.py [--seconds 20] [--concurrency 16] [--sessions 400]

Phases, each for --seconds (or until its work runs out), after a short warm-up:
1. bare insert: POST /bench/insert/ (one INSERT of an answer row, nothing else);
2. tokens: GET /api/v1/sessions/<CODE>/ for a one-time token per pupil;
3. check-in: POST /api/v1/checkins/ with those tokens (one answer, a spent-token row,
   the session's counter and the result cell, in one transaction).
The check-in rate is the rate of phase 3 alone, so fetching the token is not charged to it;
phase 2 is reported on its own.

Every thread has its own classes and open sessions (40 pupils each), so two threads never
wait for the same session or result cell row, and it posts 40 answers per session, below
the class-size cap (42). Afterwards the stored answers, the result cell counts and the
sessions' counters are checked against the number of 201 responses.

It is a benchmark, not a test: it exits 0 when a target is missed, 1 when the database
cannot be prepared, 2 when the server does not start or dies.
"""

import argparse
import http.client
import json
import os
import random
import signal
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python puts bench/ first on sys.path; the project root is what we need.
if sys.path and Path(sys.path[0] or ".").resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)

from bench import site as common  # noqa: E402
from bench.results import setup_django  # noqa: E402
from bench.site import prepare_database  # noqa: E402

PG_DB = "lessen_bench_ingest"
PUPILS = 40  # the largest class the database allows
TARGET_PERCENT = 80.0
REQUEST_TIMEOUT = 10
WARMUP_SECONDS = 1.0
BARE = "/bench/insert/"
SESSION = "/api/v1/sessions/{code}/"
CHECKIN = "/api/v1/checkins/"
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
ENERGY = ["low", "medium", "high"]
FEELINGS = ["blij", "rustig", "trots", "dankbaar", "opgewonden", "moe", "verveeld"]


def request(conn, method, path, body=None):
    """(status, body), or (None, error text); http.client reconnects after a close."""
    try:
        conn.request(method, path, body=body, headers=JSON_HEADERS)
        response = conn.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        return None, str(exc).encode()


def answers_for(rng, question_set):
    if question_set == "young":
        return {"mood": rng.choice([1, 3, 5])}
    if question_set == "ladder":
        return {"ladder": rng.randint(0, 10)}
    return {
        "mood": rng.randint(1, 5),
        "energy": rng.choice(ENERGY),
        "feeling": rng.choice(FEELINGS),
    }


def checkin_body(rng, code, token, question_set):
    return json.dumps(
        {
            "session": code,
            "token": token,
            "key": str(uuid.uuid4()),
            "answers": answers_for(rng, question_set),
        }
    ).encode()


# --- Setup -------------------------------------------------------------------------


def open_sessions(count, concurrency):
    """`count` open sessions, spread so that every thread gets its own classes (with room
    for 40 pupils) and the same number of sessions. Also one session for the bare insert.
    Returns ([[code, ...] per thread], bench session ids, bench class ids, bare session id)."""
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
    bare_class, classes = classes[-1], classes[:-1]
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
    bare_class.pupil_count = PUPILS
    bare = start_session(school_class=bare_class, started_by=None, moment="standalone")
    return plans, session_ids, class_ids, bare.pk


def verify(session_ids, class_ids, bare_session_id):
    from django.db.models import Sum

    from schools.models import CheckInAnswer, CheckInSession, ResultCell, UsedToken

    return {
        "answers": CheckInAnswer.objects.filter(session_id__in=session_ids).count(),
        "cells": ResultCell.objects.filter(school_class_id__in=class_ids).aggregate(
            n=Sum("n")
        )["n"]
        or 0,
        "counters": CheckInSession.objects.filter(pk__in=session_ids).aggregate(
            n=Sum("answer_count")
        )["n"]
        or 0,
        "tokens": UsedToken.objects.filter(session_id__in=session_ids).count(),
        "bare": CheckInAnswer.objects.filter(session_id=bare_session_id).count(),
    }


# --- The load client ---------------------------------------------------------------


def run_phase(concurrency, seconds, work):
    """Run work(index, deadline) in `concurrency` threads. Each returns a dict with
    `latencies`, `ok` and `errors` and stops by the deadline or when its work runs out;
    a thread that does not come back in time counts as an error."""
    results = [None] * concurrency
    deadline = time.perf_counter() + seconds

    def target(index):
        results[index] = work(index, deadline)

    threads = [
        threading.Thread(target=target, args=(index,), daemon=True)
        for index in range(concurrency)
    ]
    cpu_before, machine_before = time.process_time(), common.cpu_busy()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(
            timeout=max(0.0, deadline - time.perf_counter()) + REQUEST_TIMEOUT + 5
        )
    elapsed = time.perf_counter() - started
    client_cpu = (time.process_time() - cpu_before) / elapsed
    machine_after = common.cpu_busy()

    latencies, ok, errors, first_error, early = [], 0, 0, None, 0
    for result in results:
        if result is None:
            errors += 1
            continue
        latencies.extend(result["latencies"])
        ok += result["ok"]
        errors += result["errors"]
        first_error = first_error or result.get("first_error")
        early += result.get("ran_out", False)
    latencies.sort()
    machine = None
    if machine_before and machine_after:
        total = machine_after[1] - machine_before[1]
        machine = (machine_after[0] - machine_before[0]) / total if total else None
    return {
        "requests": len(latencies),
        "ok": ok,
        "errors": errors,
        "first_error": first_error,
        "elapsed": elapsed,
        "rps": ok / elapsed if elapsed else 0.0,
        "p50": common.percentile(latencies, 50),
        "p99": common.percentile(latencies, 99),
        "client_cpu": client_cpu,
        "machine_busy": machine,
        "ran_out": early,
        "results": results,
    }


class Client:
    """The per-thread work of each phase. Every loop ends at the deadline, at the end of
    its list, or after max_requests."""

    def __init__(self, port, plans, bare_session_id, max_requests):
        self.port = port
        self.queue = [
            [code for code in codes for _pupil in range(PUPILS)] for codes in plans
        ]
        self.tokens = [[] for _ in plans]
        self.bare_path = f"{BARE}?session={bare_session_id}"
        self.max_requests = max_requests
        self.rngs = [random.Random(index) for index in range(len(plans))]
        self.created = 0  # 201s of the check-in endpoint, warm-up included
        self.bare_created = 0  # 201s of the bare insert, warm-up included
        self.lock = threading.Lock()

    def connection(self):
        return http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=REQUEST_TIMEOUT
        )

    def bare(self, index, deadline):
        conn, rng = self.connection(), self.rngs[index]
        out = {"latencies": [], "ok": 0, "errors": 0}
        body = checkin_body(rng, "ACDEFG", "x" * 120, "standard")  # the same size
        try:
            for _ in range(self.max_requests):
                start = time.perf_counter()
                if start >= deadline:
                    break
                status, text = request(conn, "POST", self.bare_path, body)
                out["latencies"].append(time.perf_counter() - start)
                self._count(out, status == 201, status, text)
                if status == 201:
                    with self.lock:
                        self.bare_created += 1
        finally:
            conn.close()
        return out

    def get_tokens(self, index, deadline, limit=None):
        conn, queue = self.connection(), self.queue[index]
        out = {"latencies": [], "ok": 0, "errors": 0, "ran_out": False}
        try:
            for _ in range(min(limit or self.max_requests, self.max_requests)):
                start = time.perf_counter()
                if start >= deadline:
                    break
                if not queue:
                    out["ran_out"] = True
                    break
                code = queue.pop()
                status, text = request(conn, "GET", SESSION.format(code=code))
                out["latencies"].append(time.perf_counter() - start)
                token = None
                if status == 200:
                    data = json.loads(text)
                    token = data.get("token") or None
                    if token:
                        self.tokens[index].append((code, token, data["question_set"]))
                self._count(out, token is not None, status, text)
        finally:
            conn.close()
        return out

    def post(self, index, deadline):
        conn, rng, tokens = self.connection(), self.rngs[index], self.tokens[index]
        out = {"latencies": [], "ok": 0, "errors": 0, "ran_out": False}
        try:
            for _ in range(self.max_requests):
                if time.perf_counter() >= deadline:
                    break
                if not tokens:
                    out["ran_out"] = True
                    break
                code, token, question_set = tokens.pop(0)
                body = checkin_body(rng, code, token, question_set)
                start = time.perf_counter()
                status, text = request(conn, "POST", CHECKIN, body)
                out["latencies"].append(time.perf_counter() - start)
                self._count(out, status == 201, status, text)
                if status == 201:
                    with self.lock:
                        self.created += 1
        finally:
            conn.close()
        return out

    def warm_up(self, index, deadline):
        """A few token + answer pairs, so both pupil endpoints are warm."""
        self.get_tokens(index, deadline, limit=3)
        return self.post(index, deadline)

    @staticmethod
    def _count(out, ok, status, text):
        if ok:
            out["ok"] += 1
        else:
            out["errors"] += 1
            out.setdefault("first_error", f"{status}: {text[:200]!r}")


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
    args.sessions = min(max(args.sessions, args.concurrency), 5000)
    args.max_requests = min(max(args.max_requests, 1), 1_000_000)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    prepared = prepare_database(PG_DB, fresh=True)
    if prepared is None:
        print("error: this benchmark needs PostgreSQL.", file=sys.stderr)
        return 1
    database_url, database = prepared
    use_redis = common.redis_answers()
    if not use_redis:
        note = "no Redis on 127.0.0.1:6379: each gunicorn worker throttles on its own."
        common.note(note)
    env = common.production_env(database_url, use_redis)
    common.manage(env, "migrate", "--noinput")
    common.manage(env, "load_demo_data", "--no-check-ins")
    setup_django(env)
    plans, session_ids, class_ids, bare_session_id = open_sessions(
        args.sessions, args.concurrency
    )
    capacity = sum(len(codes) for codes in plans) * PUPILS
    print(
        f"Opened {len(session_ids)} sessions of {PUPILS} pupils in {len(class_ids)} "
        f"classes (room for {capacity:,} answers), and one for the bare insert."
    )

    port = common.free_port()
    proc = common.start_gunicorn(env, port)
    client = Client(port, plans, bare_session_id, args.max_requests)
    n = args.concurrency
    try:
        if not common.wait_until_up(proc, port):
            print(common.GUNICORN_LOG.read_text()[-4000:], file=sys.stderr)
            print(
                f"error: gunicorn did not start (log: {common.GUNICORN_LOG}).",
                file=sys.stderr,
            )
            return 2
        print(f"gunicorn is up on 127.0.0.1:{port} (pid {proc.pid}).")
        print("Warming up...", flush=True)
        run_phase(n, WARMUP_SECONDS, client.bare)
        run_phase(n, WARMUP_SECONDS, client.warm_up)
        idle_busy = common.background_load()

        print(f"Bare insert for {args.seconds:g} s...", flush=True)
        bare = run_phase(n, args.seconds, client.bare)
        print(f"Tokens for {args.seconds:g} s...", flush=True)
        tokens = run_phase(n, args.seconds, client.get_tokens)
        print(f"Check-ins for {args.seconds:g} s...", flush=True)
        checkins = run_phase(n, args.seconds, client.post)
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
    stored = verify(session_ids, class_ids, bare_session_id)

    print()
    for line in common.machine_lines(database, use_redis, args):
        if not line.startswith("client:"):
            print(line)
    print(
        f"client:   {n} threads, each with its own connection, classes and sessions; "
        f"{args.seconds:g} s per phase (or until its tokens or sessions run out), "
        f"after a warm-up"
    )
    print(
        "caveat:   the load client and the server share the same "
        f"{os.cpu_count()} cores (column 'client CPU', share of one core)."
    )
    if idle_busy is not None:
        print(
            f"before:   the machine was {100 * idle_busy:.0f}% busy with other work "
            "before the run"
            + (" -- rerun when it is quiet." if idle_busy > 0.1 else ".")
        )
    print()
    rows = [
        ("bare insert", f"POST {BARE}", bare),
        ("token", "GET /api/v1/sessions/<code>/", tokens),
        ("check-in", f"POST {CHECKIN}", checkins),
    ]
    print_table(rows)
    print()
    for name, _path, stats in rows:
        if stats["errors"]:
            print(
                f"warning: {name}: {stats['errors']} errors, first: {stats['first_error']}"
            )
        if stats["ran_out"]:
            print(
                f"note: {name}: {stats['ran_out']} of {n} threads ran out of tokens or "
                f"sessions before {args.seconds:g} s (measured over "
                f"{stats['elapsed']:.1f} s); use more --sessions for a full run."
            )
    share = 100 * checkins["rps"] / bare["rps"] if bare["rps"] else 0.0
    verdict = "met" if share >= TARGET_PERCENT else "MISSED"
    print(
        f"check-in: {share:.0f}% of the bare insert rate "
        f"({checkins['rps']:.0f} vs {bare['rps']:.0f} req/s, target >= "
        f"{TARGET_PERCENT:.0f}%): {verdict}"
    )
    errors = bare["errors"] + tokens["errors"] + checkins["errors"]
    print(f"errors: {errors} (target 0): {'met' if errors == 0 else 'MISSED'}")
    created = client.created
    same = (
        stored["answers"]
        == stored["cells"]
        == stored["counters"]
        == stored["tokens"]
        == created
    )
    print(
        f"stored answers == 201 responses (warm-up included): {stored['answers']} stored, "
        f"{created} created; result cells count {stored['cells']}, session counters "
        f"{stored['counters']}, spent tokens {stored['tokens']}: "
        f"{'met' if same else 'MISSED'}"
    )
    print(
        f"bare insert rows == 201 responses (warm-up included): {stored['bare']} stored, "
        f"{client.bare_created} created: "
        f"{'met' if stored['bare'] == client.bare_created else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
