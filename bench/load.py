"""The 8:30 rush: 300 pupils in 12 classes join and answer within one minute, while 2
coordinators refresh the dashboard and 5 teachers watch their live views. With --outage,
PostgreSQL is stopped for that many seconds in the middle (bench/failure.py).

    .venv/bin/python bench/load.py [--pupils 300] [--classes 12] [--seconds 60]
    .venv/bin/python bench/load.py --outage 10        # needs root (pg_ctlcluster)

Server: gunicorn (2 sync workers) with production settings on PostgreSQL and Redis
(bench.settings with production's throttle rates, BENCH_PRODUCTION_THROTTLES=1). The
classes are in 4 schools; each school's pupils come from the school's own address
(X-Forwarded-For behind one trusted proxy, DJANGO_NUM_PROXIES=1), as they would.

Client (standard library, on loopback): every pupil starts at a random moment within the
minute, asks for a token (GET /api/v1/sessions/<code>/), takes 5-20 s to answer, and posts
one answer with its own idempotency key (POST /api/v1/checkins/). Like the pupils' browsers (checkin.js), a pupil
keeps the answer and sends it again, with the same key, after a failure (no answer, 429 or
5xx), waiting 2 s, then twice as long, at most 30 s. Coordinators GET /admin/resultaten/
every 5 s, teachers GET /sessies/<code>/status/ every 2 s (as live.js does).

Afterwards the counts must equal the accepted answers exactly (each pupil counted once):
the sessions' `n`, every value's count (against the values the pupils sent) and the spent
tokens. Then a scheduled purge_checkins run (after the sessions are closed and a day has
passed) deletes the spent tokens and must leave every figure unchanged. Prints throughput, p50/p99 per endpoint and errors.
A benchmark, not a test: exit 0 after a measurement; 1 without PostgreSQL; 2 when the
server does not start."""

import argparse
import random
import shutil
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common
from bench.rush import Recorder, outage_controller, pupil, watcher

PG_DB = "lessen_bench_load"
SCHOOLS = 4
TEACHERS = 5
COORDINATORS = 2


def prepare(args):
    """Schools, classes, teachers, coordinators and open sessions; their sign-in cookies."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.test import Client

    from schools.checkins.services import start_session
    from schools.models import (
        CheckInSession,
        CoordinatorScope,
        Membership,
        Municipality,
        Role,
        School,
        SchoolClass,
    )

    User = get_user_model()
    access = Permission.objects.get(codename="access_admin")
    den_helder = Municipality.objects.get(slug="den-helder")
    bands = ["groep-1-2", "groep-3-4", "groep-5-6", "groep-7-8"]
    per_class = args.pupils // args.classes
    teachers = []
    for number in range(TEACHERS):
        user, _ = User.objects.get_or_create(username=f"load-teacher-{number}")
        user.user_permissions.add(access)
        teachers.append(user)
    sessions = []
    for number in range(args.classes):
        school, _ = School.objects.get_or_create(
            name=f"Load school {number % SCHOOLS}",
            defaults={"municipality": den_helder},
        )
        school_class, _ = SchoolClass.objects.get_or_create(
            school=school,
            name=f"load class {number}",
            defaults={"pupil_count": per_class},
        )
        school_class.groups.set([bands[number % len(bands)]])
        teacher = teachers[number % TEACHERS]
        school_class.teachers.add(teacher)
        Membership.objects.get_or_create(user=teacher, school=school, role=Role.TEACHER)
        CheckInSession.objects.filter(
            school_class=school_class, closed_at__isnull=True
        ).update(closed_at=django_now())
        session = start_session(
            school_class=school_class, started_by=teacher, moment="standalone"
        )
        sessions.append((session, f"10.{number % SCHOOLS}.0.1", teacher))
    coordinators = []
    for number, municipality in enumerate([den_helder, None][:COORDINATORS]):
        user, _ = User.objects.get_or_create(username=f"load-coordinator-{number}")
        user.user_permissions.add(access)
        CoordinatorScope.objects.update_or_create(
            user=user, defaults={"municipality": municipality}
        )
        coordinators.append(user)

    def cookie(user):
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    return (
        sessions,
        {t.pk: cookie(t) for t in teachers},
        [cookie(c) for c in coordinators],
    )


def django_now():
    from django.utils import timezone

    return timezone.now()


def figures(sessions):
    """Every figure a teacher and the regional coordinator can get about these classes."""
    from schools import results

    class_ids = frozenset(s.school_class_id for s, _a, _t in sessions)
    out = []
    for viewer in (results.Viewer.teacher(class_ids), results.Viewer.coordinator()):
        for group_by in (
            [],
            ["class"] if viewer.is_teacher else ["school"],
            ["week"],
        ):
            for question in ("mood", "energy", "feeling"):
                out.append(
                    results.results(viewer=viewer, group_by=group_by, question=question)
                )
    return out


def verify(sessions, outcome, sent):
    """The counts of these sessions against what the server accepted and the pupils sent."""
    from django.db.models import Sum

    from schools.models import SCALES, CheckInSession, UsedToken, answer_columns

    ids = [s.pk for s, _a, _t in sessions]
    columns = {
        column: (question, value)
        for question in SCALES
        for value, column in answer_columns(question).items()
    }
    sums = CheckInSession.objects.filter(pk__in=ids).aggregate(
        n=Sum("n"), **{column: Sum(column) for column in columns}
    )
    counted = {columns[c]: count for c, count in sums.items() if c != "n" and count}
    return {
        "accepted": outcome["stored"],
        "counted n": sums["n"] or 0,
        "values counted": sum(counted.values()),
        "values sent": sum(sent.values()),
        "spent tokens": UsedToken.objects.filter(session__in=ids).count(),
        "each value as sent": counted == dict(sent),
    }


def purge_and_compare(env, sessions):
    """Close the sessions, let a day pass for them, run the nightly purge, compare figures."""
    import datetime

    from schools.models import CheckInSession, UsedToken

    ids = [s.pk for s, _a, _t in sessions]
    yesterday = django_now() - datetime.timedelta(days=1)
    CheckInSession.objects.filter(pk__in=ids).update(closed_at=yesterday)
    before = figures(sessions)
    common.manage(env, "purge_checkins", "--older-than", "0")
    after = figures(sessions)
    left = UsedToken.objects.filter(session__in=ids).count()
    return before == after, left


def summary_table(recorder, elapsed):
    print(
        "| endpoint | requests | ok | failed | statuses | req/s | p50 ms | p99 ms | max ms |"
    )
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|")
    for endpoint in (
        "join (token)",
        "answer",
        "live view (teachers)",
        "dashboard (coordinators)",
    ):
        times = sorted(recorder.latency.get(endpoint, []))
        statuses = recorder.statuses.get(endpoint, Counter())
        ok = sum(count for status, count in statuses.items() if status in (200, 201))
        total = sum(statuses.values())
        shown = ", ".join(
            f"{status}: {count}" for status, count in sorted(statuses.items(), key=str)
        )
        print(
            f"| {endpoint} | {total} | {ok} | {total - ok} | {shown} | {total / elapsed:.1f} "
            f"| {common.percentile(times, 50):.1f} | {common.percentile(times, 99):.1f} "
            f"| {(times[-1] * 1000 if times else 0):.1f} |"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pupils", type=int, default=300)
    parser.add_argument("--classes", type=int, default=12)
    parser.add_argument(
        "--seconds", type=float, default=60.0, help="pupils start within this"
    )
    parser.add_argument(
        "--outage", type=float, default=0.0, help="stop PostgreSQL this long"
    )
    parser.add_argument("--outage-at", type=float, default=20.0)
    parser.add_argument(
        "--threads", type=int, default=40, help="pupils in flight at most"
    )
    args = parser.parse_args(argv)
    if args.outage and not shutil.which("pg_ctlcluster"):
        print(
            "error: --outage needs pg_ctlcluster (Debian's PostgreSQL) and root.",
            file=sys.stderr,
        )
        return 1

    prepared = common.prepare(PG_DB, demo_args=(), static=True)
    if prepared is None:
        return 1
    env, database, use_redis = prepared
    env.update(BENCH_PRODUCTION_THROTTLES="1", DJANGO_NUM_PROXIES="1")
    common.setup_django(env)
    from django.core.cache import cache

    cache.clear()  # no throttle counts from an earlier run
    sessions, teacher_cookies, coordinator_cookies = prepare(args)

    port = common.free_port()
    proc = common.start_gunicorn(env, port)
    recorder, outcome, log = Recorder(), Counter(), []
    try:
        if not common.wait_until_up(proc, port):
            print(common.GUNICORN_LOG.read_text()[-4000:], file=sys.stderr)
            print("error: gunicorn did not start.", file=sys.stderr)
            return 2
        idle = common.background_load()
        during = common.Busy().__enter__()
        rng = random.Random(830)
        t0 = time.monotonic()
        deadline = t0 + args.seconds + max(120.0, args.outage * 6)
        stop = threading.Event()
        watchers = []
        by_teacher = defaultdict(list)
        for session, _address, teacher in sessions:
            by_teacher[teacher.pk].append(f"/sessies/{session.code}/status/")
        for teacher_pk, paths in by_teacher.items():
            watchers.append(
                threading.Thread(
                    target=watcher,
                    args=(
                        port,
                        "live view (teachers)",
                        paths,
                        teacher_cookies[teacher_pk],
                        2.0,
                        stop,
                        t0,
                        recorder,
                    ),
                )
            )
        for cookie in coordinator_cookies:
            watchers.append(
                threading.Thread(
                    target=watcher,
                    args=(
                        port,
                        "dashboard (coordinators)",
                        ["/admin/resultaten/"],
                        cookie,
                        5.0,
                        stop,
                        t0,
                        recorder,
                    ),
                )
            )
        for thread in watchers:
            thread.start()
        controller = None
        if args.outage:
            controller = threading.Thread(
                target=outage_controller,
                args=(port, args.outage, args.outage_at, t0, log),
            )
            controller.start()
        plan = []
        per_class = args.pupils // args.classes
        for session, address, _teacher in sessions:
            for _pupil in range(per_class):
                plan.append((rng.uniform(0, args.seconds), session.code, address))
        plan.sort()
        semaphore = threading.BoundedSemaphore(args.threads)
        pupils = []

        def run(item, seed):
            with semaphore:
                pupil(
                    port,
                    item[1],
                    item[2],
                    item[0],
                    t0,
                    deadline,
                    recorder,
                    outcome,
                    random.Random(seed),
                )

        for number, item in enumerate(plan):
            thread = threading.Thread(target=run, args=(item, number))
            thread.start()
            pupils.append(thread)
        for thread in pupils:
            thread.join()
        elapsed = time.monotonic() - t0
        stop.set()
        for thread in watchers:
            thread.join()
        if controller:
            controller.join()
        during.__exit__()
        busy = common.background_load()
    finally:
        common.stop_gunicorn(proc)

    from django.db import connections

    connections.close_all()  # this process's connection did not live through an outage
    checked = verify(sessions, outcome, recorder.sent)
    unchanged, left = purge_and_compare(env, sessions)

    print()
    for line in common.machine_lines(database, use_redis):
        print(line)
    print(
        f"client:   {len(plan)} pupils in {args.classes} classes of {SCHOOLS} schools starting "
        f"within {args.seconds:g} s (at most {args.threads} in flight), {TEACHERS} teachers "
        f"polling live views every 2 s, {COORDINATORS} coordinators refreshing the dashboard "
        f"every 5 s; production throttles"
    )
    print(
        f"before:   the machine was {common.percent(idle)} busy with other work before "
        f"the run, {common.percent(during.share)} during it (this run included) and "
        f"{common.percent(busy)} right after."
    )
    if args.outage:
        print(
            f"outage:   PostgreSQL stopped for {args.outage:g} s at {args.outage_at:g} s:"
        )
        for at, text in log:
            print(f"          {at:6.1f} s  {text}")
        during = [
            (status, seconds)
            for at, endpoint, status, seconds in recorder.events
            if endpoint in ("join (token)", "answer")
            and args.outage_at <= at <= args.outage_at + args.outage
        ]
        failed = [seconds for status, seconds in during if status not in (200, 201)]
        print(
            f"          pupil requests ending during the outage: {len(during)}, of which "
            f"{len(failed)} failed ({Counter(s for s, _ in during if s not in (200, 201))}); "
            f"slowest failure {max(failed, default=0) * 1000:.0f} ms"
        )
    print()
    print(f"Run: {elapsed:.1f} s until the last pupil was done.")
    summary_table(recorder, elapsed)
    print()
    pupils_total = len(plan)
    print(
        f"pupils whose answer was stored (201 or 200 for a resend): {outcome['stored']} of {pupils_total}"
        f" (201: {outcome['answer 201']}, 200: {outcome['answer 200']}; refused: {outcome['refused']}, gave up: {outcome['gave up']})"
    )
    errors = outcome["refused"] + outcome["gave up"]
    print(
        f"errors (pupils without a stored answer): {errors} (target 0): {'met' if errors == 0 else 'MISSED'}"
    )
    exact = (
        checked["accepted"] == checked["counted n"] == checked["spent tokens"]
        and checked["each value as sent"]
    )
    print(
        "counted == accepted: "
        + ", ".join(f"{name} {value}" for name, value in checked.items())
        + f": {'met' if exact else 'MISSED'}"
    )
    print(
        f"after purge_checkins: {left} spent tokens left of these sessions; every figure "
        f"unchanged: {'met' if unchanged else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
