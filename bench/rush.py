"""The load client of bench/load.py's 8:30 rush: pupils' browsers, teachers' live views
and coordinators' dashboards as threads on loopback, every request recorded; and the
outage controller of bench/failure.py. Standard library only."""

import http.client
import json
import subprocess
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path

from bench.common import answers_for

FIRST_RETRY, LAST_RETRY = 2.0, 30.0


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = defaultdict(list)  # endpoint -> seconds (every attempt)
        self.statuses = defaultdict(Counter)  # endpoint -> status (or "no answer")
        self.events = []  # (time since start, endpoint, status, seconds)
        self.sent = Counter()  # (question, value) of every answer counted

    def counted(self, answers):
        with self.lock:
            self.sent.update(answers.items())

    def add(self, endpoint, status, seconds, at):
        with self.lock:
            self.latency[endpoint].append(seconds)
            self.statuses[endpoint][status] += 1
            self.events.append((at, endpoint, status, seconds))


def request(port, method, path, *, body=None, headers=None, timeout=15):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return response.status, data, time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return "no answer", b"", time.monotonic() - started
    finally:
        conn.close()


def _until_answered(
    port, method, path, *, label, body, headers, deadline, t0, recorder
):
    """A request as the pupil's browser sends it: again after a dropped connection, a 429
    or a 5xx, waiting longer each time, until the deadline. (status, data) of the last
    answer that was not one of those, or None when it never came."""
    wait = FIRST_RETRY
    while time.monotonic() < deadline:
        status, data, seconds = request(port, method, path, body=body, headers=headers)
        recorder.add(label, status, seconds, time.monotonic() - t0)
        if status not in ("no answer", 429) and not (
            isinstance(status, int) and status >= 500
        ):
            return status, data
        time.sleep(wait)
        wait = min(wait * 2, LAST_RETRY)
    return None


def pupil(port, code, address, start_at, t0, deadline, recorder, outcome, rng):
    """One pupil's browser: token, then the answer, resent with the same key until stored."""
    time.sleep(max(0.0, start_at - (time.monotonic() - t0)))
    headers = {"X-Forwarded-For": address, "Accept": "application/json"}
    timing = {"deadline": deadline, "t0": t0, "recorder": recorder}
    joined = _until_answered(
        port,
        "GET",
        f"/api/v1/sessions/{code}/",
        label="join (token)",
        body=None,
        headers=headers,
        **timing,
    )
    if joined is None:
        outcome["gave up"] += 1
        return
    status, data = joined
    if status != 200:
        outcome["refused"] += 1
        return
    body = json.loads(data)
    token, question_set = body["token"], body["question_set"]
    time.sleep(rng.uniform(5.0, 20.0))  # the pupil reads and taps the questions
    answers = answers_for(question_set, rng)
    payload = json.dumps(
        {"code": code, "token": token, "key": str(uuid.uuid4()), "answers": answers}
    )
    answered = _until_answered(
        port,
        "POST",
        "/api/v1/checkins/",
        label="answer",
        body=payload,
        headers={**headers, "Content-Type": "application/json"},
        **timing,
    )
    if answered is None:
        outcome["gave up"] += 1
        return
    status, _data = answered
    if status in (200, 201):
        recorder.counted(answers)
        outcome["stored"] += 1
        outcome[f"answer {status}"] += 1
    else:
        outcome["refused"] += 1


def watcher(port, name, paths, cookie, every, stop, t0, recorder):
    headers = {"Cookie": f"sessionid={cookie}"}
    number = 0
    while not stop.is_set():
        path = paths[number % len(paths)]
        number += 1
        status, _data, seconds = request(port, "GET", path, headers=headers, timeout=30)
        recorder.add(name, status, seconds, time.monotonic() - t0)
        stop.wait(every)


def outage_controller(port, seconds, at, t0, log):
    """Stop PostgreSQL for `seconds`, `at` seconds into the run; watch /healthz meanwhile."""
    version = sorted(Path("/etc/postgresql").iterdir(), key=lambda p: p.name)[-1].name
    time.sleep(max(0.0, at - (time.monotonic() - t0)))
    log.append((time.monotonic() - t0, f"stopping PostgreSQL {version}"))
    subprocess.run(["pg_ctlcluster", version, "main", "stop", "-m", "fast"], check=True)
    stopped = time.monotonic()
    while time.monotonic() - stopped < seconds:
        status, _data, took = request(port, "GET", "/healthz", timeout=20)
        log.append(
            (time.monotonic() - t0, f"/healthz {status} in {took * 1000:.0f} ms")
        )
        time.sleep(1.0)
    subprocess.run(["pg_ctlcluster", version, "main", "start"], check=True)
    log.append((time.monotonic() - t0, "PostgreSQL started again"))
    for _attempt in range(30):
        status, _data, took = request(port, "GET", "/healthz", timeout=20)
        if status == 200:
            log.append((time.monotonic() - t0, f"/healthz 200 in {took * 1000:.0f} ms"))
            break
        time.sleep(0.5)
