"""bench/ingest.py's load client: threads on loopback, each with its own connection,
classes and sessions, posting through the real pupil API and the bare views.
Standard library only (http.client)."""

import http.client
import json
import random
import threading
import time
import uuid
from collections import Counter

from bench import common

PUPILS = 40  # the largest class the database allows
REQUEST_TIMEOUT = 10
WARMUP_SECONDS = 1.0
BARE_INSERT = "/bench/insert/"
BARE_COUNT = "/bench/count/"
SESSION = "/api/v1/sessions/{code}/"
CHECKIN = "/api/v1/checkins/"
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


def request(conn, method, path, body=None):
    """(status, body), or (None, error text); http.client reconnects after a close."""
    try:
        conn.request(method, path, body=body, headers=JSON_HEADERS)
        response = conn.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        return None, str(exc).encode()


def checkin_body(code, token, answers):
    return json.dumps(
        {"code": code, "token": token, "key": str(uuid.uuid4()), "answers": answers}
    ).encode()


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


def merged(phases):
    """One phase's figures from its rounds (run_phase results): rates over the time the
    rounds took together, latencies of all of them."""
    elapsed = sum(phase["elapsed"] for phase in phases)
    latencies = sorted(
        latency
        for phase in phases
        for result in phase["results"]
        if result is not None
        for latency in result["latencies"]
    )
    busy = [phase["machine_busy"] for phase in phases]
    ok = sum(phase["ok"] for phase in phases)
    return {
        "requests": sum(phase["requests"] for phase in phases),
        "ok": ok,
        "errors": sum(phase["errors"] for phase in phases),
        "first_error": next(
            (phase["first_error"] for phase in phases if phase["first_error"]), None
        ),
        "elapsed": elapsed,
        "rps": ok / elapsed if elapsed else 0.0,
        "p50": common.percentile(latencies, 50),
        "p99": common.percentile(latencies, 99),
        "client_cpu": sum(p["client_cpu"] * p["elapsed"] for p in phases) / elapsed
        if elapsed
        else 0.0,
        "machine_busy": None
        if None in busy
        else sum(b * p["elapsed"] for b, p in zip(busy, phases, strict=True)) / elapsed,
        "ran_out": max(phase["ran_out"] for phase in phases),
        "rounds": [phase["rps"] for phase in phases],
    }


class Client:
    """The per-thread work of each phase. Every loop ends at the deadline, at the end of
    its list, or after max_requests."""

    def __init__(self, port, plans, bare_ids, max_requests):
        from schools.models import answer_columns

        self.port = port
        self.queue = [
            [code for code in codes for _pupil in range(PUPILS)] for codes in plans
        ]
        self.tokens = [[] for _ in plans]
        count_ids, insert_id = bare_ids
        self.bare_paths = {
            "count": [f"{BARE_COUNT}?session={pk}" for pk in count_ids],
            "insert": [f"{BARE_INSERT}?session={insert_id}"] * len(plans),
        }
        self.max_requests = max_requests
        self.rngs = [random.Random(index) for index in range(len(plans))]
        self.created = 0  # 201s of the check-in endpoint, warm-up included
        self.sent = Counter()  # the value columns of those answers
        self.bare_created = Counter()  # 201s of each bare view, warm-up included
        self.lock = threading.Lock()
        self.column = answer_columns

    def connection(self):
        return http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=REQUEST_TIMEOUT
        )

    def bare_count(self, index, deadline):
        return self._bare("count", index, deadline)

    def bare_insert(self, index, deadline):
        return self._bare("insert", index, deadline)

    def _bare(self, kind, index, deadline):
        conn, rng, path = (
            self.connection(),
            self.rngs[index],
            self.bare_paths[kind][index],
        )
        out = {"latencies": [], "ok": 0, "errors": 0}
        # A body of the same size as a check-in's.
        body = checkin_body("ACDEFG", "x" * 120, common.answers_for("standard", rng))
        try:
            for _ in range(self.max_requests):
                start = time.perf_counter()
                if start >= deadline:
                    break
                status, text = request(conn, "POST", path, body)
                out["latencies"].append(time.perf_counter() - start)
                self._count(out, status == 201, status, text)
                if status == 201:
                    with self.lock:
                        self.bare_created[kind] += 1
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
                answers = common.answers_for(question_set, rng)
                body = checkin_body(code, token, answers)
                start = time.perf_counter()
                status, text = request(conn, "POST", CHECKIN, body)
                out["latencies"].append(time.perf_counter() - start)
                self._count(out, status == 201, status, text)
                if status == 201:
                    with self.lock:
                        self.created += 1
                        self.sent.update(
                            self.column(question)[value]
                            for question, value in answers.items()
                        )
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
