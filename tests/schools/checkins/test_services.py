import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from schools import clock
from schools.checkins.services import (
    JOIN_CODE_ALPHABET,
    SessionNotFound,
    close_session,
    find_session,
    questions_for,
    start_session,
)
from schools.models import CheckInSession, LessonDelivery, Moment, QuestionSet
from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    SchoolClassFactory,
)


def test_start_gives_a_readable_unique_code(session, school_class, teacher):
    assert len(session.code) == 6 and set(session.code) <= set(JOIN_CODE_ALPHABET)
    assert not set(session.code) & set("0O1IL2Z5S8B")
    assert session.is_open and session.expected == 6 and session.started_by == teacher
    assert session.question_set == QuestionSet.STANDARD
    codes = {
        start_session(
            school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
        ).code
        for _ in range(30)
    }
    assert len(codes) == 30


def test_open_codes_are_unique_in_the_database(session, school_class):
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckInSession.objects.create(
            school_class=school_class,
            school=school_class.school,
            municipality=school_class.school.municipality,
            group="groep-5-6",
            week=clock.week_of(clock.today()),
            moment=Moment.STANDALONE,
            question_set=QuestionSet.STANDARD,
            code=session.code,
            expected=6,
            expires_at=timezone.now() + datetime.timedelta(hours=1),
        )


@pytest.mark.parametrize(
    "groups, moment, expected",
    [
        (["groep-1-2"], Moment.LESSON_START, QuestionSet.YOUNG),
        (["groep-1-2", "groep-3-4"], Moment.SERIES_START, QuestionSet.YOUNG),
        (["groep-3-4"], Moment.LESSON_END, QuestionSet.STANDARD),
        (["groep-3-4"], Moment.SERIES_START, QuestionSet.STANDARD),
        (["groep-7-8"], Moment.SERIES_END, QuestionSet.LADDER),
        (["klas-1-2"], Moment.SERIES_START, QuestionSet.LADDER),
        (["klas-1-2"], Moment.STANDALONE, QuestionSet.STANDARD),
    ],
)
def test_questions_follow_the_groups_and_moment(db, groups, moment, expected):
    assert (
        questions_for(school_class=SchoolClassFactory(groups=groups), moment=moment)
        == expected
    )


def test_a_session_for_a_lesson_records_the_lesson_given(home, school_class, teacher):
    lesson = LessonPageFactory(parent=LessonIndexPageFactory(parent=home))
    start_session(
        school_class=school_class,
        started_by=teacher,
        moment=Moment.LESSON_START,
        lesson=lesson,
    )
    start_session(
        school_class=school_class,
        started_by=teacher,
        moment=Moment.LESSON_END,
        lesson=lesson,
    )
    delivery = LessonDelivery.objects.get()
    assert (delivery.school_class, delivery.lesson_id, delivery.delivered_on) == (
        school_class,
        lesson.pk,
        clock.today(),
    )


def test_join_finds_the_session_whatever_the_typing(session):
    assert find_session(session.code.lower()) == session
    assert find_session(f" {session.code[:3]}-{session.code[3:]} ") == session
    for wrong in ["", "ABC", "AAAAAA", "0O0O0O", session.code + "X", "'; DROP TABLE x"]:
        with pytest.raises(SessionNotFound):
            find_session(wrong)


def test_a_session_keeps_where_it_counts_as_it_was_when_it_was_opened(
    session, school_class
):
    """Where a check-in counts is a fact of the day it was held: moving the class or its
    school later must not move its figures."""
    assert (session.school, session.municipality, session.group, session.week) == (
        school_class.school,
        school_class.school.municipality,
        "groep-5-6",  # a combination class counts in its youngest group
        clock.week_of(clock.today()),
    )


def test_an_archived_class_starts_no_check_ins(school_class, teacher):
    school_class.archived_on = clock.today()
    school_class.save()
    with pytest.raises(ValidationError):
        start_session(
            school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
        )


def test_a_reused_code_finds_the_open_session_not_an_old_closed_one(
    session, school_class, teacher
):
    """Codes come back once a session is closed. A pupil typing a code that an old,
    closed session also had must land on the open one, on every database (PostgreSQL
    sorts NULLs last, so ordering by closed_at alone put the open session last)."""
    old = start_session(
        school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
    )
    close_session(session=old)
    close_session(session=session)
    CheckInSession.objects.filter(pk=old.pk).update(
        opened_at=timezone.now() + datetime.timedelta(minutes=5)
    )
    reused = start_session(
        school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
    )
    CheckInSession.objects.filter(pk=reused.pk).update(code=old.code)
    assert find_session(old.code) == reused
    assert find_session(old.code).is_open
