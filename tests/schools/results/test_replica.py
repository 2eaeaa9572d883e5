"""Coordinators' figures from the read replica (issue 17, cms/replica.py): a coordinator's
results and participation are read there, a teacher's and every write on the primary; a
replica that does not answer gives the primary's figures, never an error or other
figures. Here the replica is a second connection to the test database (TEST MIRROR);
bench/topology.py runs a real streaming replica, held back and stopped."""

import logging

import pytest
from django.db import OperationalError, connections
from django.test.utils import CaptureQueriesContext

from cms import replica
from schools import results
from schools.results import Viewer
from tests.factories import add_check_in

# Committed data, so the replica's connection sees it; serialized_rollback as the other
# transactional suites (tests/api/test_schema_fuzz.py): a plain flush would re-create the
# content types that their restore then writes again.
pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)
COORDINATOR = Viewer.coordinator()


@pytest.fixture(autouse=True)
def reads_on_the_replica(settings):
    settings.REPLICA_READS = True
    replica.forget_failures()
    yield
    replica.forget_failures()


@pytest.fixture
def week(region):
    """A completed week: two parallel classes answered (an atom a coordinator sees)."""
    classes = region["classes"]
    return [
        add_check_in(classes[2], [1, 6, 7, 8, 6]),
        add_check_in(classes[3], [2, 6, 9, 6, 7]),
    ]


def read(function, **kwargs):
    """The figures, and how many queries each database answered for them."""
    with CaptureQueriesContext(connections["default"]) as primary:
        with CaptureQueriesContext(connections[replica.REPLICA]) as on_replica:
            figures = function(**kwargs)
    return figures, len(primary), len(on_replica)


def test_a_coordinators_figures_are_read_on_the_replica(week):
    figures, primary, on_replica = read(
        results.results, viewer=COORDINATOR, group_by=["school"]
    )
    assert figures["results"][0]["n"] > 0
    assert (primary, on_replica > 0) == (0, True)
    shown, primary, on_replica = read(results.participation, viewer=COORDINATOR)
    assert (primary, on_replica > 0) == (0, True)


def test_a_teachers_figures_are_read_on_the_primary(week, region):
    teacher = Viewer.teacher([region["classes"][2].pk])
    figures, primary, on_replica = read(results.results, viewer=teacher)
    assert (primary > 0, on_replica) == (True, 0)


def test_on_the_replica_the_rollups_state_is_read_there_too(week):
    """A state read on the primary could name weeks the replica has not rolled up."""
    from schools.results.rollups import rollup_state

    primary_state = rollup_state()
    _figures, primary, on_replica = read(
        results.results, viewer=COORDINATOR, state=primary_state
    )
    assert primary == 0 and on_replica > 0


def test_a_replica_that_does_not_answer_gives_the_primarys_figures(
    week, monkeypatch, caplog
):
    on_the_primary = results.results(viewer=COORDINATOR, group_by=["school"])
    tries = []

    def refused():
        tries.append(1)
        raise OperationalError("connection to server at 127.0.0.1:5433 failed")

    monkeypatch.setattr(connections[replica.REPLICA], "ensure_connection", refused)
    with caplog.at_level(logging.WARNING, logger="cms.replica"):
        first = results.results(viewer=COORDINATOR, group_by=["school"])
        again = results.results(viewer=COORDINATOR, group_by=["school"])
    assert first == again == on_the_primary
    assert len(tries) == 1, "a replica that failed is left alone for a while"
    assert "read replica does not answer" in caplog.text
