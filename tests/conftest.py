import pytest

from cms.demo.site import load_site
from schools.checkins.services import issue_token, new_idempotency_key, start_session
from schools.models import Membership, Moment, Role
from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    SchoolClassFactory,
    ThemeFactory,
    UserFactory,
    step,
)


@pytest.fixture
def home(db):
    """The demo site's home page with the privacy and accessibility statements."""
    return load_site()


@pytest.fixture
def library(home):
    return LessonIndexPageFactory(parent=home, intro="Zoek een les.")


@pytest.fixture
def themes(db):
    return {
        "dankbaarheid": ThemeFactory(
            slug="dankbaarheid", name="Dankbaarheid", icon="heart", colour="coral"
        ),
        "rust": ThemeFactory(
            slug="rust", name="Rust en aandacht", icon="leaf", colour="mint"
        ),
    }


@pytest.fixture
def lessons(library, themes):
    """Three lessons that differ in theme, group, duration and words."""
    return {
        "bedankje": LessonPageFactory(
            parent=library,
            title="Een bedankje in de kring",
            slug="bedankje",
            summary="Kinderen zeggen dank je wel tegen elkaar.",
            duration=30,
            themes=[themes["dankbaarheid"]],
            groups=["groep-3-4"],
        ),
        "ballon": LessonPageFactory(
            parent=library,
            title="Ademen als een ballon",
            slug="ballon",
            summary="Een rustoefening met je buik als ballon.",
            duration=20,
            themes=[themes["rust"]],
            groups=["groep-1-2"],
            steps=[
                step(
                    "Ballon",
                    10,
                    activities=[
                        (
                            "breathing",
                            {
                                "title": "Ballon",
                                "instructions": "Adem rustig.",
                                "breathe_in": 4,
                                "breathe_out": 4,
                                "rounds": 3,
                            },
                        )
                    ],
                ),
                step("Praten", 10),
            ],
        ),
        "dankbrief": LessonPageFactory(
            parent=library,
            title="Een brief vol dank",
            slug="dankbrief",
            summary="Leerlingen schrijven een dankbrief aan iemand op school.",
            duration=50,
            themes=[themes["dankbaarheid"]],
            groups=["klas-1-2", "groep-7-8"],
            steps=[
                step("Uitleg", 10),
                step("Schrijven", 30, work="writing", organisation="individual"),
                step("Delen", 10),
            ],
        ),
    }


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
    from schools.checkins.recording import record_check_in

    def give(session=session, **answers):
        return record_check_in(
            code=session.code,
            token=issue_token(session=session),
            key=new_idempotency_key(),
            answers=answers,
        )

    return give


@pytest.fixture(scope="session")
def shared_rows(django_db_setup, django_db_blocker):
    """Rows made once for several tests, as TestCase.setUpTestData makes them: a class-
    or module-scoped fixture that does `yield from shared_rows(make)` calls make() in a
    transaction, yields what it returns, and rolls the transaction back when the fixture
    ends. Each test still runs in a savepoint of its own inside it (the `db` fixture), so
    what one test changes the next never sees. Not for committing (transactional) tests."""
    from django.db import transaction

    def shared(make):
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                made = make()
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        try:
            yield made
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    return shared


# --- Live servers (browser journeys, schemathesis): committed rows, restored after.


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker):
    """Serialized rollback keeps what the migrations made (Wagtail's root page, locale,
    our groups) across journeys. pytest-django keeps that copy on one connection object,
    but under Playwright each test may reach Django's connection through another
    context, and so another object: share the copy with all of them."""
    from django.db import connections

    connection = connections["default"]
    with django_db_blocker.unblock():
        rows = (
            getattr(connection, "_test_serialized_contents", None)
            or connection.creation.serialize_db_to_string()
        )
    type(connection)._test_serialized_contents = rows
    return rows


@pytest.fixture
def live_db(migrated_rows, live_server, django_db_serialized_rollback):
    """Committed rows the live server can see, starting from what the migrations made."""


def redis_for_tests():
    """Redis's own database for the tests: 15, and under pytest-xdist one per worker
    (gw0: 15, gw1: 14, ...), since clearing the cache empties the whole database and two
    workers must not empty each other's counters."""
    import os

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    return f"redis://127.0.0.1:6379/{15 - int(worker or 0) % 8}"


REDIS_FOR_TESTS = redis_for_tests()


@pytest.fixture(params=["local memory", "redis"])
def shared_cache(request, settings, monkeypatch):
    """The cache the throttles count in: local memory (a laptop) and Redis (production,
    shared by every app server; its own database here). CI has Redis: there, a missing
    Redis fails the test instead of skipping it.

    The throttles' clock stands still in the middle of a 5-minute window (and of a
    minute): counters are per fixed window of the clock, and a test that crossed a
    window's edge saw its count start again (CI, 2026-12-03: 404 where 429 was due)."""
    import os
    import time
    from types import SimpleNamespace

    from schools.checkins import throttling

    still = time.time() // 300 * 300 + 150
    monkeypatch.setattr(throttling, "time", SimpleNamespace(time=lambda: still))
    monkeypatch.setattr(throttling.HashedScopedRateThrottle, "timer", lambda _: still)

    from django.core.cache import cache

    from schools.checkins.throttling import BATCHES

    BATCHES.clear()  # numbers this process took from the last test's counters
    if request.param == "redis":
        import redis

        try:
            redis.Redis.from_url(REDIS_FOR_TESTS, socket_connect_timeout=1).ping()
        except redis.RedisError:
            if os.environ.get("CI"):
                pytest.fail("Redis is not running on 127.0.0.1:6379")
            pytest.skip("no Redis on 127.0.0.1:6379 (CI has it)")
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_FOR_TESTS,
                "KEY_PREFIX": "test",
            }
        }
    cache.clear()
    yield request.param
    cache.clear()
