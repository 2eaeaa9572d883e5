"""Lesson runs (issue 16): 12 classes of 25 pupils, 300 screens, follow their boards for 2
minutes while each class's teacher moves from slide to slide and now and then reveals a
class activity's result.

    .venv/bin/python bench/follow.py [--classes 12] [--pupils 25] [--duration 120]
    .venv/bin/python bench/follow.py --classes 2 --pupils 10 --duration 40   # a quick look

Server: gunicorn (2 sync workers) with production settings on PostgreSQL and Redis, as
bench/load.py runs it: bench.settings with production's throttle rates
(BENCH_PRODUCTION_THROTTLES=1); the classes are in 4 schools (--schools) and each school's
pupils and teachers come from the school's own address (X-Forwarded-For behind one trusted
proxy, DJANGO_NUM_PROXIES=1), so the pupils of a school share the "pupils" rate.

Teachers, one per class, signed in (a session cookie): each opens her lesson's board
(presentation mode, whose form gives the CSRF token), starts the run (POST
/sessies/les/start/), and once her pupils have joined moves the board every 10-20 s, a class
activity and a slide without one in turn (POST /sessies/les/<code>/dia/, as run-board.js).
On an activity slide her board asks for its panel every 2 s until revealed; on half of them
she reveals the result 9-12 s after showing it, when 5 or more have answered, and talks
about it 5-10 s more. At the end she ends the lesson (POST .../einde/).

Pupils, each a screen (asyncio tasks, standard library HTTP on loopback): joins once at a
random moment of the first --join seconds (GET /meedoen/<code>/), then behaves like
follow.js: the first ask after 1-3 s (half an interval plus a random one), then every
FOLLOW_POLL_SECONDS (2 s) after the last answer, GET /meedoen/<code>/bord/ with
If-None-Match; on a new version it loads the address its page gave it (data-page-url, with
the run's follower tag) and starts over with a 1-3 s first ask. On a question it answers after 2-6 s as the form does (POST token and
keuze, then the 302's page), keeping cookies like a browser. A page that does not follow
(a 429) is reloaded after 10 s, as a pupil would.

The lesson: every demo lesson has one class activity, so the script publishes one with all
of them (each in its step; in its own database only), or uses --lesson <slug>.

Measured: requests by kind (an error is any status but those expected: 200/304 for the
poll, 200 for pages, 410 once the lesson has ended, 302 for an answer; 409 for an answer
sent after its reveal and 200 for one sent after the board moved on, which the server does
not count); how long every board change (move, reveal, end) takes to reach each screen of
the class, from the teacher's request returning to the screen having seen the new version,
and to its new page being loaded; the answers the server accepted (302) against the counts
in the database just before the lessons end (each activity's `n`, every option's count,
the spent tokens), and that ending deletes them; the pupil-page requests per school and
minute against the pupils' rate (requests without the follower tag), and those with the
tag per run and minute against the run's own rate; gunicorn's CPU (master and workers, /proc) and that of
this database's PostgreSQL backends, per following pupil per minute; this client's own CPU
(it shares the machine's cores with the server). A benchmark, not a test: exit 0 after a
measurement; 1 without PostgreSQL; 2 when the server does not start."""

import argparse
import asyncio
import base64
import html
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common

PG_DB = "lessen_bench_follow"
NO_ANSWER = "no answer"
TARGET_P99 = (
    3.0  # seconds for a slide change to reach the pupils (their new page loaded)
)
THINK = (2.0, 6.0)  # a pupil reads and chooses
DWELL = (10.0, 20.0)  # a slide on the board
REVEAL_AFTER = (9.0, 12.0)  # after showing an activity, when she reveals it
TALK_AFTER_REVEAL = (5.0, 10.0)
PANEL_EVERY = 2.0  # run-board.js
RELOAD_AFTER = 10.0  # a screen that stopped following is reloaded by hand
SETTLE = 15.0  # at most this long for the pupils still choosing before the lessons end
DRAIN = 120.0  # at most this long for the answers under way after that

VERSION = re.compile(rb'data-version="(\d+)"')
TOKEN = re.compile(rb'name="token" value="([^"]+)"')
CHOICE = re.compile(
    rb'type="(radio|checkbox)" id="keuze-\d+" name="keuze" value="([^"]+)"'
)
CHOOSE_MAX = re.compile(rb'data-choose-max="(\d+)"')
PAGE_URL = re.compile(rb'data-page-url="([^"]+)"')
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
ANSWERED = re.compile(rb"<strong>(\d+)</strong>")


def now():
    return time.monotonic()


# --- HTTP on loopback (gunicorn's sync worker closes every connection) ---------------


@dataclass
class Response:
    status: object  # an int, or NO_ANSWER
    headers: dict
    body: bytes
    seconds: float


async def http(port, method, path, *, headers=(), body=b"", timeout=30.0):
    started = now()
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers]
    if method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    message = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(message)
            data = await reader.read()
    except (OSError, TimeoutError):
        return Response(NO_ANSWER, {}, b"", now() - started)
    finally:
        if writer is not None:
            writer.close()
    head, _sep, content = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        return Response(NO_ANSWER, {}, b"", now() - started)
    parsed = defaultdict(list)
    for line in lines[1:]:
        name, _sep, value = line.partition(":")
        parsed[name.strip().lower()].append(value.strip())
    return Response(status, parsed, content, now() - started)


def header(response, name):
    values = response.headers.get(name, [])
    return values[0] if values else ""


class Jar(dict):
    """A browser's cookies for this one host, without paths (every request of a screen is
    under /meedoen/<code>/; a teacher's are all hers)."""

    def take(self, response):
        for cookie in response.headers.get("set-cookie", []):
            pair, *attributes = cookie.split(";")
            name, _sep, value = pair.strip().partition("=")
            if any(a.strip().lower() == "max-age=0" for a in attributes):
                self.pop(name, None)
            else:
                self[name] = value

    def header(self):
        return (
            [("Cookie", "; ".join(f"{k}={v}" for k, v in self.items()))] if self else []
        )


class Recorder:
    def __init__(self):
        self.statuses = defaultdict(Counter)
        self.latency = defaultdict(list)
        self.errors = Counter()
        self.first_errors = []

    def add(self, kind, path, response, expected):
        self.statuses[kind][response.status] += 1
        self.latency[kind].append(response.seconds)
        if response.status not in expected:
            self.errors[kind] += 1
            if len(self.first_errors) < 12:
                snippet = response.body[:160].decode("utf-8", "replace")
                self.first_errors.append((kind, path, response.status, snippet))


# --- The board and its screens -----------------------------------------------------


@dataclass
class Board:
    number: int
    class_id: int
    address: str
    teacher_cookie: str
    code: str = ""
    csrf: str = ""
    version: int = 0
    jar: Jar = field(default_factory=Jar)
    changes: list = field(default_factory=list)  # (kind, version, sent, returned)
    revealed: dict = field(default_factory=dict)  # activity -> when the reveal was sent
    moved_off: dict = field(default_factory=dict)  # activity -> when the board left it
    ended_at: float | None = None
    reveals_skipped: int = 0
    version_gaps: int = 0

    def teacher_headers(self, form=False):
        headers = [("X-Forwarded-For", self.address), *self.jar.header()]
        if self.csrf:
            headers += [("X-CSRFToken", self.csrf), ("X-Requested-With", "fetch")]
        if form:
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        return headers


class Run:
    """What the board coroutines and the screens share."""

    def __init__(self, port, poll, recorder):
        self.port, self.poll, self.recorder = port, poll, recorder
        self.accepted = Counter()  # (code, activity) -> answers that got 302
        self.chosen = defaultdict(Counter)  # (code, activity) -> option -> times sent
        self.outcomes = Counter()
        self.answering = 0  # answer requests in flight
        self.closing = False  # the lessons are about to end: no more answers
        # (address, minute of the clock) -> pupil-page requests and answers, and polls
        # not answered 304, of screens that do not (yet) carry the run's follower tag:
        # what the "pupils" rate counts (schools.checkins.throttling)
        self.rated = Counter()
        self.rated_polls = Counter()
        # (code, minute of the clock) -> the pages and answers of screens with the tag:
        # what the run's own rate counts (follower_rate_exceeded)
        self.followed = Counter()

    def count_rate(self, board, poll=False, follower=False):
        if follower:
            self.followed[(board.code, int(time.time() // 60))] += 1
            return
        key = (board.address, int(time.time() // 60))
        (self.rated_polls if poll else self.rated)[key] += 1


class Screen:
    def __init__(self, board, run, rng, join_at):
        self.board, self.run, self.rng, self.join_at = board, run, rng, join_at
        self.jar, self.etag, self.version = Jar(), "", None
        self.seen, self.loaded = [], []  # (when, version)
        self.wait = run.poll
        self.next_poll = self.answer_at = None
        self.form = None
        self.reload = self.finished = False
        # What follow.js loads: the page's data-page-url (with the run's follower tag)
        # once a page gave it, the bare address before.
        self.path = f"/meedoen/{board.code}/"
        self.page_url = self.path

    @property
    def follower(self):
        return self.page_url != self.path

    def headers(self):
        return [("X-Forwarded-For", self.board.address), *self.jar.header()]

    async def follow(self):
        await asyncio.sleep(max(0.0, self.join_at - now()))
        await self.load("join")
        while not self.finished:
            wake = self.next_poll
            if self.answer_at is not None:
                wake = min(wake, self.answer_at)
            await asyncio.sleep(max(0.0, wake - now()))
            if self.answer_at is not None and self.answer_at <= now():
                await self.answer()
            elif now() < self.next_poll:
                continue  # an answer given up (the lessons are ending)
            elif self.reload:
                await self.load("reload")
            else:
                await self.ask()

    async def ask(self):
        headers = self.headers()
        if self.etag:
            headers.append(("If-None-Match", self.etag))
        response = await http(
            self.run.port, "GET", f"{self.path}bord/", headers=headers
        )
        self.run.recorder.add("poll", self.path, response, {200, 304})
        if response.status != 304 and not self.etag:
            self.run.count_rate(self.board, poll=True)
        self.jar.take(response)
        if response.status == 200:
            self.etag, self.wait = header(response, "etag"), self.run.poll
            version = json.loads(response.body)["v"]
            if version != self.version:
                self.seen.append((now(), version))
                await self.load("follow page")
                return
        elif response.status == 304:
            self.wait = self.run.poll
        else:
            self.wait = min(self.wait * 2, 30.0)
        self.next_poll = now() + self.wait

    async def load(self, kind):
        self.run.count_rate(self.board, follower=self.follower)
        response = await http(
            self.run.port, "GET", self.page_url, headers=self.headers()
        )
        expected = {200, 410} if self.board.ended_at else {200}
        self.run.recorder.add(kind, self.path, response, expected)
        self.jar.take(response)
        self.page(response)

    def page(self, response):
        """A page the screen shows: follow it (follow.js starts over), or, when it does
        not follow the board (a 429's page), reload it after a while."""
        found = VERSION.search(response.body)
        self.answer_at, self.form = None, None
        if found is None or b"data-follow" not in response.body:
            self.reload, self.next_poll = True, now() + RELOAD_AFTER
            return
        self.reload = False
        self.version = int(found[1])
        page_url = PAGE_URL.search(response.body)
        if page_url:
            self.page_url = html.unescape(page_url[1].decode())
        self.loaded.append((now(), self.version))
        if response.status == 410:
            self.finished = True
            return
        token = TOKEN.search(response.body)
        if token and not self.run.closing:
            choices = CHOICE.findall(response.body)
            most = CHOOSE_MAX.search(response.body)
            self.form = (
                token[1].decode(),
                [value.decode() for _kind, value in choices],
                int(most[1]) if most and choices[0][0] == b"checkbox" else 1,
            )
            self.answer_at = now() + self.rng.uniform(*THINK)
        half = self.run.poll / 2
        self.next_poll = now() + half + self.rng.random() * self.run.poll

    async def answer(self):
        token, values, most = self.form
        activity = activity_of(token)
        chosen = self.rng.sample(values, self.rng.randint(1, min(most, len(values))))
        body = urlencode([("token", token), *(("keuze", v) for v in chosen)]).encode()
        headers = [
            *self.headers(),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ]
        self.answer_at = None
        self.run.answering += 1
        self.run.count_rate(self.board, follower=self.follower)
        try:
            response = await http(
                self.run.port, "POST", self.page_url, headers=headers, body=body
            )
            self.jar.take(response)
            expected, outcome = {302}, f"refused ({response.status})"
            if response.status == 302:
                outcome = "accepted"
                key = (self.board.code, activity)
                self.run.accepted[key] += 1
                self.run.chosen[key].update(chosen)
            elif response.status == 409 and activity in self.board.revealed:
                expected, outcome = {409}, "closed by the reveal"
            elif response.status == 200 and activity in self.board.moved_off:
                expected, outcome = {200}, "the board had moved on"
            self.run.outcomes[outcome] += 1
            self.run.recorder.add("answer", self.path, response, expected)
            if response.status == 302:
                await self.load("page after answer")
            else:
                self.page(response)
        finally:
            self.run.answering -= 1


def activity_of(token):
    """The activity a one-time token is for (its signed payload is plain base64 JSON)."""
    payload = token.split(":", 1)[0]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))[
        "a"
    ]


# --- The teacher -------------------------------------------------------------------


async def teacher_request(run, board, kind, method, path, expected, fields=None):
    body = b""
    if fields is not None:
        body = urlencode({**fields, "csrfmiddlewaretoken": board.csrf}).encode()
    response = await http(
        run.port,
        method,
        path,
        headers=board.teacher_headers(form=fields is not None),
        body=body,
    )
    run.recorder.add(kind, path, response, expected)
    board.jar.take(response)
    return response


async def open_board(run, board, lesson_id, board_path):
    """Her board, then the run started from it, as in presentation mode."""
    board.jar["sessionid"] = board.teacher_cookie
    response = await teacher_request(run, board, "board page", "GET", board_path, {200})
    found = CSRF.search(response.body)
    if found is None:
        raise SystemExit(f"no CSRF token on {board_path} ({response.status})")
    board.csrf = found[1].decode()
    fields = {"school_class": board.class_id, "lesson": lesson_id}
    await teacher_request(
        run, board, "start", "POST", "/sessies/les/start/", {302}, fields
    )
    await teacher_request(run, board, "board page", "GET", board_path, {200})


async def teach(run, board, activities, rng, first_move_at, until):
    """Slides in turn, a class activity and one without, until `until`."""
    at, shown, number = first_move_at, "", 0
    while at < until:
        await asyncio.sleep(max(0.0, at - now()))
        if now() >= until:
            break
        activity = (
            activities[(number // 2) % len(activities)] if number % 2 == 0 else ""
        )
        number += 1
        if shown:
            board.moved_off[shown] = now()
        sent = now()
        response = await teacher_request(
            run,
            board,
            "move",
            "POST",
            f"/sessies/les/{board.code}/dia/",
            {200},
            {"activity": activity, "check_in": "0"},
        )
        if response.status == 200:
            version = json.loads(response.body)["v"]
            board.version_gaps += version != board.version + 1
            board.version = version
            board.changes.append(("move", version, sent, now()))
        shown = activity
        at = min(sent + rng.uniform(*DWELL), until)
        if not activity:
            continue
        # Half of the activities she reveals, then talks about the result.
        reveal_at = sent + rng.uniform(*REVEAL_AFTER) if rng.random() < 0.5 else until
        if reveal_at < until:
            await board_panel(run, board, activity, sent, reveal_at)
            if await reveal(run, board, activity):
                at = min(now() + rng.uniform(*TALK_AFTER_REVEAL), until)
            else:
                await board_panel(run, board, activity, now() + PANEL_EVERY, at)
        else:
            await board_panel(run, board, activity, sent, at)
    await asyncio.sleep(max(0.0, until - now()))


async def board_panel(run, board, activity, first, until):
    """The activity's panel every 2 s from `first` until `until` (run-board.js asks
    until it is revealed)."""
    path = f"/sessies/les/{board.code}/activiteit/{activity}/"
    next_panel = first
    while True:
        await asyncio.sleep(max(0.0, min(next_panel, until) - now()))
        if now() >= until:
            return
        await teacher_request(run, board, "panel", "GET", path, {200})
        next_panel = now() + PANEL_EVERY


async def reveal(run, board, activity):
    """The reveal, when the panel offers it (5 answers or more); True when revealed."""
    path = f"/sessies/les/{board.code}/activiteit/{activity}/"
    response = await teacher_request(run, board, "panel", "GET", path, {200})
    if b"data-reveal" not in response.body:
        board.reveals_skipped += 1
        return False
    board.revealed[activity] = sent = now()
    response = await teacher_request(
        run, board, "reveal", "POST", f"{path}uitkomst/", {200}, {}
    )
    if response.status != 200 or b"data-revealed" not in response.body:
        return False
    board.version += 1
    board.changes.append(("reveal", board.version, sent, now()))
    return True


async def end_lesson(run, board):
    board.ended_at = sent = now()
    response = await teacher_request(
        run, board, "end", "POST", f"/sessies/les/{board.code}/einde/", {302}, {}
    )
    if response.status == 302:
        board.version += 1
        board.changes.append(("end", board.version, sent, now()))


# --- Setup and verification (Django in this process) ---------------------------------


def prepare(args):
    """The lesson with the most class activities, the schools, classes and teachers."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from lessons.models import LessonPage
    from schools.models import Membership, Municipality, Role, School, SchoolClass

    if args.lesson:
        lesson = LessonPage.objects.live().filter(slug=args.lesson).first()
        lesson = lesson and lesson.specific
    else:
        lesson = composed_lesson()
    if lesson is None or not lesson.class_activities:
        raise SystemExit("no live lesson with class activities in the demo data")
    User = get_user_model()
    den_helder = Municipality.objects.get(slug="den-helder")
    bands = ["groep-5-6", "groep-7-8"]
    boards = []
    for number in range(args.classes):
        school, _ = School.objects.get_or_create(
            name=f"Follow school {number % args.schools}",
            defaults={"municipality": den_helder},
        )
        school_class, _ = SchoolClass.objects.get_or_create(
            school=school,
            name=f"follow class {number}",
            defaults={"pupil_count": args.pupils},
        )
        school_class.groups.set([bands[number % len(bands)]])
        teacher, _ = User.objects.get_or_create(username=f"follow-teacher-{number}")
        school_class.teachers.add(teacher)
        Membership.objects.get_or_create(user=teacher, school=school, role=Role.TEACHER)
        client = Client()
        client.force_login(teacher)
        boards.append(
            Board(
                number=number,
                class_id=school_class.pk,
                address=f"10.{number % args.schools}.0.1",
                teacher_cookie=client.cookies["sessionid"].value,
            )
        )
    return lesson, list(lesson.class_activities), boards


def composed_lesson():
    """Every demo lesson has one class activity: a lesson with all of them, each in the
    step it came in, copied from the first and published (in this database only)."""
    from lessons.models import LessonPage

    lessons = [page.specific for page in LessonPage.objects.live().order_by("path")]
    lessons = [lesson for lesson in lessons if lesson.class_activities]
    if not lessons:
        return None
    steps = []
    for lesson in lessons:
        ids = set(lesson.class_activities)
        for block in lesson.steps.raw_data:
            block = dict(block)
            inside = (
                block["value"].get("activities", []) if block["type"] == "step" else []
            )
            if any(activity.get("id") in ids for activity in inside):
                steps.append(block)
    copy = lessons[0].copy(
        update_attrs={"slug": "volg-het-bord", "title": "Volg het bord (benchmark)"}
    )
    copy.steps = steps
    copy.save_revision().publish()
    return LessonPage.objects.get(pk=copy.pk)


def find_codes(boards, lesson_id):
    from schools.models import LessonRun

    for board in boards:
        run = LessonRun.objects.live().get(
            school_class_id=board.class_id, lesson_id=lesson_id
        )
        board.code, board.version = run.code, run.version
    return boards


def counted(boards):
    """What the database holds for the runs' activities: (code, activity) -> (n, {option:
    n}), and the spent tokens per code; read in one snapshot (REPEATABLE READ)."""
    from django.db import connection, transaction

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return _counted(boards)


def _counted(boards):
    from schools.models import LessonRun, OptionCount, RunActivity, SpentActivityToken

    runs = {
        r.pk: r.code
        for r in LessonRun.objects.filter(code__in=[b.code for b in boards])
    }
    activities = {
        (runs[a.run_id], a.activity): (a.n, {})
        for a in RunActivity.objects.filter(run__in=runs)
    }
    for count in OptionCount.objects.filter(activity__run__in=runs).select_related(
        "activity"
    ):
        key = (runs[count.activity.run_id], count.activity.activity)
        if count.n:
            activities[key][1][count.option] = count.n
    spent = Counter(
        runs[run_id]
        for run_id in SpentActivityToken.objects.filter(run__in=runs).values_list(
            "run_id", flat=True
        )
    )
    return activities, spent


def left_after_end(boards):
    from schools.models import LessonRun, OptionCount, RunActivity, SpentActivityToken

    runs = LessonRun.objects.filter(code__in=[b.code for b in boards])
    return {
        "ended": runs.filter(ended_at__isnull=False).count(),
        "activities held": sum(runs.values_list("activities_held", flat=True)),
        "activities left": RunActivity.objects.filter(run__in=runs).count(),
        "counts left": OptionCount.objects.filter(activity__run__in=runs).count(),
        "tokens left": SpentActivityToken.objects.filter(run__in=runs).count(),
    }


# --- CPU from /proc -----------------------------------------------------------------

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid):
    """(ppid, own CPU s, reaped children's CPU s) of a process, or None."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            rest = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    ppid, user, system, child_user, child_system = (
        int(rest[i]) for i in (1, 11, 12, 13, 14)
    )
    return ppid, (user + system) / TICKS, (child_user + child_system) / TICKS


def _pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def gunicorn_cpu(master):
    """CPU seconds of gunicorn's master and workers (and of workers that have exited)."""
    own = _stat(master)
    if own is None:
        return 0.0
    total = own[1] + own[2]
    for pid in _pids():
        stat = _stat(pid)
        if stat and stat[0] == master:
            total += stat[1]
    return total


def process_cpu(pids):
    return {pid: stat[1] for pid in pids if (stat := _stat(pid))}


def backend_pids(database):
    """This database's PostgreSQL backends but this process's own."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )
        return [row[0] for row in cursor.fetchall()]


# --- The run -----------------------------------------------------------------------


async def measure(args, port, boards, activities, lesson, board_path, poll, master):
    run = Run(port, poll, Recorder())
    for board in boards:  # the boards open and the runs start before the clock runs
        await open_board(run, board, lesson.pk, board_path)
    await asyncio.to_thread(find_codes, boards, lesson.pk)
    setup_statuses = {kind: Counter(c) for kind, c in run.recorder.statuses.items()}
    setup_errors = sum(run.recorder.errors.values())
    run.recorder = Recorder()

    rng = random.Random(1600)
    screens = []
    t0 = now()
    gunicorn_before, client_before = gunicorn_cpu(master), time.process_time()
    postgres_before = process_cpu(_pids())
    busy = common.Busy().__enter__()
    for board in boards:
        for _pupil in range(args.pupils):
            join_at = t0 + rng.uniform(0, args.join)
            screens.append(
                (board, Screen(board, run, random.Random(rng.random()), join_at))
            )
    following = [asyncio.create_task(screen.follow()) for _board, screen in screens]
    until = t0 + args.duration
    teachers = [
        teach(
            run,
            board,
            activities,
            random.Random(rng.random()),
            t0 + args.join + rng.uniform(3.0, 10.0),
            until,
        )
        for board in boards
    ]
    await asyncio.gather(*teachers)
    # The counts are read before the lessons end (ending deletes them): first the pupils
    # still choosing get SETTLE seconds, then no answer starts and those under way end.
    settle = now() + SETTLE
    while now() < settle and any(s.answer_at is not None for _b, s in screens):
        await asyncio.sleep(0.2)
    run.closing = True
    for _board, screen in screens:
        if screen.answer_at is not None:
            screen.answer_at = None
            run.outcomes["not sent (the lessons were ending)"] += 1
    drain = now() + DRAIN
    while now() < drain and run.answering:
        await asyncio.sleep(0.2)
    unsettled = run.answering
    snapshot = await asyncio.to_thread(counted, boards)
    await asyncio.gather(*(end_lesson(run, board) for board in boards))
    finish = now() + 20.0
    while now() < finish and not all(s.finished for _b, s in screens):
        await asyncio.sleep(0.2)
    for task in following:
        task.cancel()
    await asyncio.gather(*following, return_exceptions=True)
    elapsed = now() - t0
    busy.__exit__()
    pids = await asyncio.to_thread(backend_pids, common.database_name(PG_DB))
    postgres_after = process_cpu(pids)
    cpu = {
        "gunicorn": gunicorn_cpu(master) - gunicorn_before,
        "postgres": sum(
            t - postgres_before.get(pid, 0.0) for pid, t in postgres_after.items()
        ),
        "client": time.process_time() - client_before,
        "backends": len(pids),
    }
    return {
        "run": run,
        "screens": screens,
        "elapsed": elapsed,
        "busy": busy.share,
        "cpu": cpu,
        "snapshot": snapshot,
        "unsettled": unsettled,
        "setup": (setup_statuses, setup_errors),
    }


def lags(boards, screens):
    """Per kind of change: seconds from the teacher's request returning to each screen
    of the class having seen the new version, and having loaded its page (0 when the
    screen had it before her request returned); and the screens that never did."""
    by_board = defaultdict(list)
    for board, screen in screens:
        by_board[board.number].append(screen)
    seen, loaded, missed = defaultdict(list), defaultdict(list), Counter()
    for board in boards:
        for kind, version, _sent, returned in board.changes:
            for screen in by_board[board.number]:
                saw = [t for t, v in [*screen.seen, *screen.loaded] if v >= version]
                got = [t for t, v in screen.loaded if v >= version]
                if not saw or not got:
                    missed[kind] += 1
                    continue
                seen[kind].append(max(0.0, min(saw) - returned))
                loaded[kind].append(max(0.0, min(got) - returned))
    return seen, loaded, missed


# --- Report ------------------------------------------------------------------------

KINDS = [
    "join",
    "poll",
    "follow page",
    "answer",
    "page after answer",
    "reload",
    "move",
    "panel",
    "reveal",
    "end",
]


def print_requests(recorder, elapsed):
    print("| kind | requests | statuses | errors | req/s | p50 ms | p99 ms | max ms |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        statuses = recorder.statuses.get(kind)
        if not statuses:
            continue
        times = sorted(recorder.latency[kind])
        total = sum(statuses.values())
        shown = ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items(), key=str))
        print(
            f"| {kind} | {total} | {shown} | {recorder.errors[kind]} | {total / elapsed:.1f} "
            f"| {common.percentile(times, 50):.1f} | {common.percentile(times, 99):.1f} "
            f"| {times[-1] * 1000:.1f} |"
        )


def print_lags(seen, loaded, missed):
    print(
        "| change | changes x screens | seen p50 s | p95 | p99 | max | page loaded p50 s | p95 | p99 | max | never |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in ("move", "reveal", "end"):
        if kind not in seen and not missed[kind]:
            continue
        a, b = timing_s(seen[kind]), timing_s(loaded[kind])
        print(
            f"| {kind} | {len(seen[kind])} | {a[0]} | {a[1]} | {a[2]} | {a[3]} "
            f"| {b[0]} | {b[1]} | {b[2]} | {b[3]} | {missed[kind]} |"
        )


def timing_s(values):
    t = common.timing(values)
    return [f"{t[name] / 1000:.2f}" for name in ("p50", "p95", "p99", "max")]


def answers_line(run, snapshot):
    activities, spent = snapshot
    accepted = sum(run.accepted.values())
    counted_n = sum(n for n, _options in activities.values())
    exact = all(
        activities.get(key, (0, {}))[0] == run.accepted[key]
        and activities.get(key, (0, {}))[1] == dict(run.chosen[key])
        for key in set(activities) | set(run.accepted)
    )
    by_code = Counter()
    for (code, _activity), n in run.accepted.items():
        by_code[code] += n
    tokens_exact = dict(spent) == dict(+by_code)
    met = exact and tokens_exact and accepted == counted_n
    return (
        f"counted == accepted: accepted (302) {accepted}, the activities' n {counted_n}, "
        f"each option's count as sent: {'yes' if exact else 'NO'}, spent tokens "
        f"{sum(spent.values())} ({'each run as accepted' if tokens_exact else 'NOT as accepted'}), "
        f"in {len(activities)} activities: {'met' if met else 'MISSED'}"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--classes", type=int, default=12)
    parser.add_argument("--pupils", type=int, default=25, help="per class")
    parser.add_argument("--schools", type=int, default=4, help="one address each")
    parser.add_argument(
        "--duration", type=float, default=120.0, help="seconds of slides"
    )
    parser.add_argument("--join", type=float, default=10.0, help="pupils join within")
    parser.add_argument(
        "--lesson", default="", help="a lesson's slug (default: most activities)"
    )
    args = parser.parse_args(argv)
    args.classes = min(max(args.classes, 1), 100)
    args.schools = min(max(args.schools, 1), args.classes)
    args.pupils = min(max(args.pupils, 1), 40)

    prepared = common.prepare(PG_DB, static=True)
    if prepared is None:
        return 1
    env, database, use_redis = prepared
    env.update(BENCH_PRODUCTION_THROTTLES="1", DJANGO_NUM_PROXIES="1")
    common.setup_django(env)
    from django.conf import settings
    from django.core.cache import cache

    cache.clear()  # no throttle counts or board states from an earlier run
    lesson, activities, boards = prepare(args)
    board_path = f"{lesson.url}klas/"
    poll = float(settings.FOLLOW_POLL_SECONDS)
    print(
        f"Lesson {lesson.slug!r} with {len(activities)} class activities; "
        f"{args.classes} classes of {args.pupils} pupils in {args.schools} school(s)."
    )

    port = common.free_port()
    proc = common.serve(env, port)
    if proc is None:
        return 2
    try:
        idle = common.background_load()
        result = asyncio.run(
            measure(args, port, boards, activities, lesson, board_path, poll, proc.pid)
        )
        after = common.background_load()
        died = proc.poll() is not None
    finally:
        common.stop_gunicorn(proc)
    if died:
        print(
            f"error: gunicorn died during the run (log: {common.GUNICORN_LOG}).",
            file=sys.stderr,
        )
        return 2

    from django.db import connections

    connections.close_all()
    left = left_after_end(boards)
    report(args, database, use_redis, idle, after, result, left, boards)
    return 0


def report(args, database, use_redis, idle, after, result, left, boards):
    from django.conf import settings

    run, screens, elapsed, cpu = (
        result["run"],
        result["screens"],
        result["elapsed"],
        result["cpu"],
    )
    followers = len(screens)
    print()
    for line in common.machine_lines(
        database,
        use_redis,
        client=(
            f"{followers} screens in {args.classes} classes of {args.schools} school(s) "
            f"(asyncio, one process), joining within {args.join:g} s, polling every "
            f"{run.poll:g} s; {args.classes} teachers moving slides for {args.duration:g} s; "
            "production throttles"
        ),
    ):
        print(line)
    print(
        f"before:   the machine was {common.percent(idle)} busy with other work before the "
        f"run, {common.percent(result['busy'])} during it (this run included) and "
        f"{common.percent(after)} right after."
    )
    setup_statuses, setup_errors = result["setup"]
    print(
        "setup:    "
        + ", ".join(f"{kind} {dict(c)}" for kind, c in setup_statuses.items())
        + f"; errors {setup_errors}"
    )
    print()
    print(
        f"Run: {elapsed:.1f} s from the first join to the last screen showing the end."
    )
    print_requests(run.recorder, elapsed)
    print()
    seen, loaded, missed = lags(boards, screens)
    print_lags(seen, loaded, missed)
    print()
    errors = sum(run.recorder.errors.values()) + setup_errors
    print(f"errors: {errors} (target 0): {'met' if errors == 0 else 'MISSED'}")
    for kind, path, status, snippet in run.recorder.first_errors:
        print(f"  {kind} {path}: {status} {snippet[:100]!r}")
    p99 = (
        common.timing(loaded["move"])["p99"] / 1000 if loaded["move"] else float("nan")
    )
    print(
        f"slide change reaching the pupils (move, new page loaded), p99 {p99:.2f} s "
        f"(target < {TARGET_P99:g} s): {'met' if p99 < TARGET_P99 and not missed['move'] else 'MISSED'}"
    )
    print(answers_line(run, result["snapshot"]))
    if result["unsettled"]:
        print(
            f"note: {result['unsettled']} answers were still under way when the counts "
            f"were read ({DRAIN:g} s after the last slide): the comparison is not exact."
        )
    print(
        f"answers: {dict(run.outcomes)}; reveals done {sum(len(b.revealed) for b in boards)}, "
        f"skipped (fewer than 5 answers) {sum(b.reveals_skipped for b in boards)}; "
        f"version steps other than +1 on a move: {sum(b.version_gaps for b in boards)}"
    )
    print(
        f"after the end: {left['ended']} of {len(boards)} runs ended, activities held "
        f"{left['activities held']}; left: {left['activities left']} activities, "
        f"{left['counts left']} option counts, {left['tokens left']} spent tokens"
    )
    rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["pupils"]
    limit = int(rate.split("/")[0])
    for label, windows in (
        ("pupil pages and answers", list(run.rated.values())),
        (
            "the same and the polls not answered 304",
            [run.rated[k] + run.rated_polls[k] for k in run.rated | run.rated_polls],
        ),
    ):
        print(
            f"pupils' rate ({rate} per school address), {label}, per school and minute "
            f"of the clock: max {max(windows, default=0)}, {sum(n > limit for n in windows)}"
            f" of {len(windows)} school-minutes over {limit}"
        )
    per_pupil = settings.FOLLOWER_PAGES_PER_PUPIL
    runs_rate = [(n, per_pupil * args.pupils) for n in run.followed.values()]
    print(
        f"runs' own rate ({per_pupil}/minute per pupil, {per_pupil * args.pupils} per run), "
        f"pages and answers of screens with the follower tag, per run and minute: max "
        f"{max((n for n, _ in runs_rate), default=0)}, "
        f"{sum(n > limit for n, limit in runs_rate)} of {len(runs_rate)} run-minutes over"
    )
    minutes = elapsed / 60
    print(
        f"server CPU: gunicorn {cpu['gunicorn']:.1f} s ({100 * cpu['gunicorn'] / elapsed:.0f}% "
        f"of one core) = {cpu['gunicorn'] / followers / minutes * 1000:.1f} ms per following "
        f"pupil per minute; PostgreSQL ({cpu['backends']} backends) {cpu['postgres']:.1f} s = "
        f"{cpu['postgres'] / followers / minutes * 1000:.1f} ms per pupil per minute"
    )
    print(
        f"client CPU: {cpu['client']:.1f} s ({100 * cpu['client'] / elapsed:.0f}% of one core), "
        "on the same cores as the server"
    )


if __name__ == "__main__":
    sys.exit(main())
