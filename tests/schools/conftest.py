import pytest

from schools.models import Membership, Moment, Role
from schools.services import issue_token, new_idempotency_key, start_session
from tests.factories import SchoolClassFactory, UserFactory


@pytest.fixture
def teacher(db):
    return UserFactory(username="juf-anna")


@pytest.fixture
def school_class(teacher):
    school_class = SchoolClassFactory(
        name="groep 6/7",
        pupil_count=6,
        groups=["groep-5-6", "groep-7-8"],
        teachers=[teacher],
    )
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )
    return school_class


@pytest.fixture
def session(school_class, teacher):
    return start_session(
        school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
    )


@pytest.fixture
def answer(session):
    """Answer the session as a new pupil would: a fresh token and key each time."""
    from schools.services import record_check_in

    def give(session=session, **answers):
        return record_check_in(
            code=session.code,
            token=issue_token(session=session),
            key=new_idempotency_key(),
            answers=answers,
        )

    return give
