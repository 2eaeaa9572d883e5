"""The write path: an answer is counted exactly once, within the cap, as counts only.

On PostgreSQL every test here runs twice, through the one-statement path and through the
step-by-step path, so both meet the same cases (SQLite has only the second)."""

import datetime

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from schools.checkins import recording
from schools.checkins.recording import record_check_in
from schools.checkins.services import (
    TOKEN_SALT,
    ClassFull,
    SessionClosed,
    SessionNotFound,
    TokenUsed,
    close_session,
    issue_token,
    new_idempotency_key,
    start_session,
)
from schools.models import SCALES, CheckInSession, Moment, UsedToken, answer_columns
from tests.factories import SchoolClassFactory

PATHS = ["step by step"]
if connection.vendor in recording.ONE_STATEMENT_VENDORS:
    PATHS.insert(0, "one statement")


@pytest.fixture(autouse=True, params=PATHS)
def write_path(request, monkeypatch):
    if request.param == "step by step":
        monkeypatch.setattr(recording, "ONE_STATEMENT_VENDORS", ())
    return request.param


def counts(session):
    """The session's counters that are not zero."""
    session.refresh_from_db()
    names = [
        "n",
        *(c for question in SCALES for c in answer_columns(question).values()),
    ]
    return {name: getattr(session, name) for name in names if getattr(session, name)}


def test_an_answer_adds_one_to_the_session_and_to_each_value_given(session, answer):
    assert answer(mood=4, energy="high", feeling="trots") is True
    assert answer(mood=4, energy="low") is True
    assert counts(session) == {
        "n": 2,
        "mood_4": 2,
        "energy_high": 1,
        "energy_low": 1,
        "feeling_trots": 1,
    }
    assert UsedToken.objects.count() == 2


def test_every_question_may_be_skipped(session, answer):
    assert answer() is True
    assert counts(session) == {"n": 1}


def test_a_resent_answer_is_counted_once(session):
    token, key = issue_token(session=session), new_idempotency_key()
    sent = {"code": session.code, "token": token, "key": key, "answers": {"mood": 5}}
    assert record_check_in(**sent) is True
    assert record_check_in(**sent) is False
    assert counts(session) == {"n": 1, "mood_5": 1}


def test_a_second_answer_with_the_same_token_is_refused(session):
    token = issue_token(session=session)
    record_check_in(
        code=session.code, token=token, key=new_idempotency_key(), answers={"mood": 5}
    )
    with pytest.raises(TokenUsed):
        record_check_in(
            code=session.code,
            token=token,
            key=new_idempotency_key(),
            answers={"mood": 1},
        )
    assert counts(session) == {"n": 1, "mood_5": 1}


def test_closed_sessions_take_no_answers_but_accept_a_resend(session):
    token, key = issue_token(session=session), new_idempotency_key()
    record_check_in(code=session.code, token=token, key=key, answers={"mood": 3})
    close_session(session=session)
    assert (
        record_check_in(code=session.code, token=token, key=key, answers={"mood": 3})
        is False
    )
    with pytest.raises(SessionClosed):
        record_check_in(
            code=session.code,
            token=issue_token(session=session),
            key=new_idempotency_key(),
            answers={"mood": 3},
        )
    assert counts(session) == {"n": 1, "mood_3": 1}


def test_sessions_expire_after_a_few_hours(session, answer):
    CheckInSession.objects.filter(pk=session.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(SessionClosed):
        answer(mood=3)
    assert not CheckInSession.objects.open().exists()
    assert counts(session) == {}


def test_answers_stop_at_the_class_size_plus_a_small_margin(session, answer):
    for _ in range(session.cap):
        answer(mood=4)
    with pytest.raises(ClassFull):
        answer(mood=4)
    assert counts(session) == {"n": 6 + 2, "mood_4": 6 + 2}


def test_the_database_refuses_counts_beyond_the_cap(session):
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckInSession.objects.filter(pk=session.pk).update(n=session.cap + 1)


@pytest.mark.parametrize(
    "answers",
    [
        {"mood": 6},
        {"mood": 0},
        {"mood": "5"},
        {"mood": True},
        {"mood": 2.5},
        {"energy": "very"},
        {"feeling": "blije"},
        {"ladder": 7},
        {"name": "Sanne"},
        {"comment": "ik ben verdrietig"},
        ["mood", 3],
        "mood=3",
    ],
)
def test_invalid_values_are_refused_with_a_message(session, answers):
    with pytest.raises(ValidationError) as error:
        record_check_in(
            code=session.code,
            token=issue_token(session=session),
            key=new_idempotency_key(),
            answers=answers,
        )
    assert error.value.message_dict
    assert counts(session) == {}
    assert not UsedToken.objects.exists()


def test_young_groups_answer_three_faces_on_the_same_scale(teacher):
    young = start_session(
        school_class=SchoolClassFactory(groups=["groep-1-2"]),
        started_by=teacher,
        moment=Moment.LESSON_START,
    )
    for mood in (1, 3, 5):
        record_check_in(
            code=young.code,
            token=issue_token(session=young),
            key=new_idempotency_key(),
            answers={"mood": mood},
        )
    for bad in ({"mood": 2}, {"energy": "low"}):
        with pytest.raises(ValidationError):
            record_check_in(
                code=young.code,
                token=issue_token(session=young),
                key=new_idempotency_key(),
                answers=bad,
            )
    assert counts(young) == {"n": 3, "mood_1": 1, "mood_3": 1, "mood_5": 1}


def test_tokens_are_bound_to_their_session(session, school_class, teacher):
    other = start_session(
        school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
    )
    with pytest.raises(SessionNotFound):
        record_check_in(
            code=other.code,
            token=issue_token(session=session),
            key=new_idempotency_key(),
            answers={},
        )
    for bad_token in ["", "abc", issue_token(session=session) + "x"]:
        with pytest.raises(ValidationError):
            record_check_in(
                code=session.code,
                token=bad_token,
                key=new_idempotency_key(),
                answers={},
            )
    with pytest.raises(ValidationError):
        record_check_in(
            code=session.code,
            token=issue_token(session=session),
            key="not-a-uuid",
            answers={},
        )
    assert counts(session) == {} and counts(other) == {}


def test_a_token_for_another_question_set_is_refused(session):
    """A token carries its session's questions, so the values are checked before the
    statement; one whose set is not the session's (an old form) changes nothing."""
    forged = signing.dumps(
        {"s": session.pk, "n": "0" * 32, "q": "ladder"}, salt=TOKEN_SALT, compress=False
    )
    with pytest.raises(ValidationError):
        record_check_in(
            code=session.code, token=forged, key=new_idempotency_key(), answers={}
        )
    assert counts(session) == {}


def test_an_answer_costs_one_statement_on_postgresql(
    session, answer, write_path, django_assert_num_queries
):
    if write_path == "one statement":
        expected = (
            3  # savepoint (the test runs in a transaction), the statement, release
        )
    else:
        expected = 4  # savepoint, claim (and count), spend the token, release
    with django_assert_num_queries(expected):
        answer(mood=4, energy="high", feeling="blij")


def test_each_answer_adds_its_record_key_to_the_key_sums_of_its_values(
    session, answer, monkeypatch
):
    """The cell key method: one random key per answer, summed (modulo the key range)
    next to every count the answer adds to; nothing else is kept of it."""
    keys = iter([100, 65_000, 7])
    monkeypatch.setattr(recording.secrets, "randbelow", lambda limit: next(keys))
    answer(mood=4, energy="high")
    answer(mood=4)
    answer(mood=2)
    session.refresh_from_db()
    assert (session.mood_4_key, session.energy_high_key, session.mood_2_key) == (
        (100 + 65_000) % 65_536,
        100,
        7,
    )
    assert session.mood_1_key == session.energy_low_key == 0
