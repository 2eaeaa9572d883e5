"""schemathesis reads /api/v1/schema/ and throws generated requests at every endpoint:
no 5xx, and every response matches what the schema says."""

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from knox.models import AuthToken
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from schools.checkins.services import start_session
from schools.models import CoordinatorScope, Moment
from tests.factories import SchoolClassFactory, UserFactory


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the WSGI handler must not close the test's connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def coordinator_token(db, lessons, keep_test_connection):
    cache.clear()  # throttles start from zero
    coordinator = UserFactory()
    CoordinatorScope.objects.create(user=coordinator)
    start_session(
        school_class=SchoolClassFactory(),
        started_by=coordinator,
        moment=Moment.STANDALONE,
    )
    _token, key = AuthToken.objects.create(user=coordinator)
    return key


def test_every_endpoint_survives_generated_requests(coordinator_token):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    headers = {"Authorization": f"Token {coordinator_token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {
        "/api/v1/results/",
        "/api/v1/checkins/",
        "/api/v1/sessions/{code}/",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def survives(case):
            cache.clear()  # fuzzing is not guessing: keep the throttles out of the way
            case.call_and_validate(
                headers=headers,
                checks=[
                    not_a_server_error,
                    content_type_conformance,
                    response_schema_conformance,
                ],
            )

        survives()
