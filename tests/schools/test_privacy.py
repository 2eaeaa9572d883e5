"""Attack tests: try to learn what must stay hidden about pupils, and fail."""

import logging
import re

from django.core.cache import cache
from django.db import models

from schools.checkins.services import close_session
from schools.checkins.throttling import WRONG_CODES
from schools.models import SCALES, CheckInSession, UsedToken, answer_columns
from tests.factories import cache_keys

PUPIL_ADDRESS = "203.0.113.42"
PUPIL_BROWSER = "Mozilla/5.0 (Chromebook; leerling-tablet-7)"


def test_no_table_keeps_a_row_per_answer():
    """Answers are counts: no model has a field for one pupil's value of a question."""
    from django.apps import apps

    answer_fields = {"mood", "energy", "feeling", "ladder", "answered_on"}
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        assert not names & answer_fields, model


def test_a_session_holds_counts_and_nothing_that_could_identify_a_pupil():
    fields = {
        field.name: field
        for field in CheckInSession._meta.get_fields()
        if field.concrete
    }
    counts = {
        column for question in SCALES for column in answer_columns(question).values()
    }
    keys = {f"{column}_key" for column in counts}  # sums of random record keys
    assert set(fields) - counts - keys == {
        "id",
        "n",
        "school_class",
        "school",
        "municipality",
        "group",
        "week",
        "lesson",
        "moment",
        "question_set",
        "code",
        "expected",
        "started_by",
        "opened_at",
        "expires_at",
        "closed_at",
    }
    assert not any(
        isinstance(field, models.GenericIPAddressField | models.TextField)
        for field in fields.values()
    )


def test_spent_tokens_cannot_be_linked_to_answers_or_people_or_ordered():
    fields = {field.name: field for field in UsedToken._meta.get_fields()}
    assert set(fields) == {"nonce", "session", "key"}
    assert fields["nonce"].primary_key  # random: no sequence numbers the tokens


def test_nothing_from_the_request_is_stored(client, session):
    html = client.get(
        f"/doe-mee/{session.code}/",
        REMOTE_ADDR=PUPIL_ADDRESS,
        HTTP_USER_AGENT=PUPIL_BROWSER,
    ).content.decode()
    token = re.search(r'name="token" value="([^"]*)"', html).group(1)
    key = re.search(r'name="key" value="([^"]*)"', html).group(1)
    client.post(
        f"/doe-mee/{session.code}/",
        {"token": token, "key": key, "stap": 3, "mood": "4", "klaar": "1"},
        REMOTE_ADDR=PUPIL_ADDRESS,
        HTTP_USER_AGENT=PUPIL_BROWSER,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            dump = repr(cursor.fetchall())
            assert PUPIL_ADDRESS not in dump, table
            assert "leerling-tablet-7" not in dump, table
    session.refresh_from_db()
    assert session.n == 1


def test_pupil_requests_are_logged_without_address_or_browser(client, session, caplog):
    caplog.set_level(logging.DEBUG)
    for path in [
        "/doe-mee/",
        "/doe-mee/?code=QQQQQQ",
        f"/doe-mee/{session.code}/",
        f"/api/v1/sessions/{session.code}/",
        "/api/v1/sessions/QQQQQQ/",
    ]:
        client.get(path, REMOTE_ADDR=PUPIL_ADDRESS, HTTP_USER_AGENT=PUPIL_BROWSER)
    client.post(
        "/api/v1/checkins/",
        data="{",
        content_type="application/json",
        REMOTE_ADDR=PUPIL_ADDRESS,
        HTTP_USER_AGENT=PUPIL_BROWSER,
    )
    assert caplog.records, "the 404s and 400s above are logged"
    for record in caplog.records:
        text = record.getMessage() + repr(record.__dict__)
        assert PUPIL_ADDRESS not in text
        assert "leerling-tablet-7" not in text


def test_guessing_codes_is_stopped_without_storing_addresses(
    client, session, shared_cache
):
    statuses = [
        client.get(
            "/doe-mee/", {"code": f"QQQQ{a}{b}"}, REMOTE_ADDR=PUPIL_ADDRESS
        ).status_code
        for a in "ACDEF"
        for b in "ACDEFGHJ"
    ]
    assert statuses[:30] == [404] * 30
    assert set(statuses[30:]) == {429}
    # A valid code is still answered, on the pages and in the API: the guesser's
    # school is one address, and its check-in must go on.
    assert (
        client.get(
            "/doe-mee/", {"code": session.code}, REMOTE_ADDR=PUPIL_ADDRESS
        ).status_code
        == 302
    )
    assert (
        client.get(f"/doe-mee/{session.code}/", REMOTE_ADDR=PUPIL_ADDRESS).status_code
        == 200
    )
    assert (
        client.get(
            f"/api/v1/sessions/{session.code}/", REMOTE_ADDR=PUPIL_ADDRESS
        ).status_code
        == 200
    )
    assert (
        client.get("/api/v1/sessions/QQQQQQ/", REMOTE_ADDR=PUPIL_ADDRESS).status_code
        == 429
    )
    # Another school's typo is a plain "wrong code".
    assert (
        client.get(
            "/doe-mee/", {"code": "QQQQQQ"}, REMOTE_ADDR="198.51.100.9"
        ).status_code
        == 404
    )
    keys = cache_keys()
    assert keys and not any(PUPIL_ADDRESS in key for key in keys)


def test_guessing_from_many_addresses_runs_into_one_budget(
    client, session, monkeypatch, caplog, shared_cache
):
    """Invented or borrowed addresses each stay under the limit per address; the
    platform-wide budget still turns wrong codes into 429 and tells the operators, and
    valid codes are still answered."""
    monkeypatch.setattr(WRONG_CODES, "in_all", 5)
    addresses = [f"203.0.113.{number}" for number in range(1, 9)]
    statuses = [
        client.get("/doe-mee/", {"code": "QQQQQQ"}, REMOTE_ADDR=address).status_code
        for address in addresses
    ]
    assert statuses == [404] * 5 + [429] * 3
    assert "guessing" in caplog.text
    assert (
        client.get(
            "/doe-mee/", {"code": session.code}, REMOTE_ADDR="198.51.100.9"
        ).status_code
        == 302
    )
    assert (
        client.get("/api/v1/sessions/QQQQQQ/", REMOTE_ADDR="198.51.100.10").status_code
        == 429
    )


def test_the_pupil_pages_share_the_pupil_rate(
    client, session, monkeypatch, shared_cache
):
    """After the wrong-code limit a guesser learns which codes are valid only at the
    request rate: the pupil pages count against the same rate as the pupil API."""
    from schools.checkins.throttling import HashedScopedRateThrottle

    monkeypatch.setattr(
        HashedScopedRateThrottle, "THROTTLE_RATES", {"pupils": "4/minute"}
    )
    statuses = [
        client.get("/doe-mee/", {"code": session.code}).status_code for _ in range(3)
    ]
    statuses.append(client.get(f"/api/v1/sessions/{session.code}/").status_code)
    statuses.append(client.get(f"/doe-mee/{session.code}/").status_code)
    assert statuses == [302, 302, 302, 200, 429]
    assert (
        client.get(
            "/doe-mee/", {"code": session.code}, REMOTE_ADDR="198.51.100.9"
        ).status_code
        == 302
    )
    cache.clear()


def test_a_hidden_class_result_cannot_be_worked_out_from_the_count(
    client, teacher, session, answer
):
    """With four answers the count is visible, the distribution is not: nothing to subtract."""
    client.force_login(teacher)
    for mood in (1, 5, 5, 5):
        answer(mood=mood)
    close_session(session=session)
    status = client.get(f"/sessies/{session.code}/status/").json()
    assert status["answered"] == 4
    assert status["results"] == {
        "mood": {"suppressed": True},
        "energy": {"suppressed": True},
        "feeling": {"suppressed": True},
    }
