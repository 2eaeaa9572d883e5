"""Schemathesis, as its command line runs it, over the whole API of a live server: every
phase (examples, coverage, fuzzing and the stateful phase that follows the schema's
links) and every check, once as a regional coordinator with results to read and once as
a teacher whose class has a check-in open, with its live join code. 0 failures and 0
server errors, or the run's own report is the failure message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from knox.models import AuthToken

from schools.checkins import throttling
from schools.checkins.services import start_session
from schools.models import CoordinatorScope, Membership, Moment, Role
from tests.factories import (
    MONDAY,
    SchoolClassFactory,
    SchoolFactory,
    UserFactory,
    add_check_in,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.long,
]

EXAMPLES = 15  # per operation and phase: a few minutes for both runs on 2 cores


@pytest.fixture(autouse=True)
def limits_out_of_the_way(monkeypatch):
    """Fuzzing is not guessing: keep the rate limits (tested on their own) out of it."""
    cache.clear()
    monkeypatch.setattr(
        throttling.HashedScopedRateThrottle,
        "THROTTLE_RATES",
        {"pupils": "100000/minute", "results": "100000/minute"},
    )
    monkeypatch.setattr(throttling.WRONG_CODES, "per_client", 10**6)
    monkeypatch.setattr(throttling.WRONG_CODES, "in_all", 10**6)


CONFIG = Path(__file__).with_name("schemathesis.toml")


def schemathesis(live_server, tmp_path, key, join_code=""):
    config = tmp_path / "schemathesis.toml"
    pinned = (
        "[[operations]]\n"
        'include-path = "/api/v1/sessions/{code}/"\n'
        f'parameters = {{ "path.code" = "{join_code}" }}\n\n'
        if join_code
        else ""
    )
    config.write_text(pinned + CONFIG.read_text())
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(config),
        "run",
        f"{live_server.url}/api/v1/schema/",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        "2026",
        "--workers",
        "1",
        "--suppress-health-check",
        "all",
        "--generation-database",
        "none",
        "--no-color",
        "--header",
        f"Authorization: Token {key}",
    ]
    run = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=tmp_path,  # its cache of failures stays out of the working tree
        check=False,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report  # 0 failures and 0 server errors, every check
    return report


def test_the_api_as_a_coordinator(live_server, live_db, tmp_path, lessons):
    coordinator = UserFactory()
    CoordinatorScope.objects.create(user=coordinator)
    school = SchoolFactory()
    for _ in range(2):
        add_check_in(SchoolClassFactory(school=school), [1, 3, 5, 4, 2], week=MONDAY)
    _token, key = AuthToken.objects.create(user=coordinator)
    report = schemathesis(live_server, tmp_path, key)
    assert "✅ Stateful" in report  # the phase ran, and passed


def test_the_api_as_a_teacher_with_a_live_join_code(
    live_server, live_db, tmp_path, lessons
):
    teacher = UserFactory()
    school_class = SchoolClassFactory(teachers=[teacher])
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )
    add_check_in(school_class, [1, 3, 5, 4, 2], week=MONDAY)
    session = start_session(
        school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
    )
    _token, key = AuthToken.objects.create(user=teacher)
    report = schemathesis(live_server, tmp_path, key, join_code=session.code)
    warnings = report.partition("WARNINGS")[2].partition("SUMMARY")[0]
    assert "GET /api/v1/sessions/{code}/" not in warnings, "the live code was used"
    assert "✅ Stateful" in report
