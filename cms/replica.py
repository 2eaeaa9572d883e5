"""Coordinators' reads on a read replica (PostgreSQL streaming replication), when one is
configured (DATABASE_REPLICA_URL): the results engine runs a coordinator's figures there
(`schools.results.viewers.coordinators_on_the_replica`); writes, teachers and everything
else stay on the primary.

Coordinators see completed weeks only, so a replica some minutes (or hours) behind shows
the same figures, or a week fewer, never a running week. A replica that does not answer
is left alone for REPLICA_RETRY_SECONDS and the read runs on the primary instead."""

import contextvars
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

REPLICA = "replica"
logger = logging.getLogger(__name__)
_reading = contextvars.ContextVar("reading on the replica", default=False)
_down_until = 0.0


class ReplicaRouter:
    """Django's database router: reads go to the replica inside `replica_reads()`."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reading.get() else None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, first, second, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA  # it follows the primary, migrations included


def reading_connection():
    """The connection this code's reads go to now: for raw SQL, which the router does not
    see (the results engine's sums)."""
    return connections[REPLICA if _reading.get() else DEFAULT_DB_ALIAS]


def configured():
    return settings.REPLICA_READS and REPLICA in settings.DATABASES


@contextmanager
def replica_reads():
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def read(function, *, fallback):
    """`function()` with its reads on the replica; `fallback()` (the same read on the
    primary) when there is none, when it is down, or when it fails to answer now."""
    global _down_until
    if not configured() or time.monotonic() < _down_until:
        return fallback()
    try:
        with replica_reads():
            return function()
    except OperationalError:
        logger.warning("The read replica does not answer: reading from the primary.")
        _down_until = time.monotonic() + settings.REPLICA_RETRY_SECONDS
        connections[REPLICA].close()
        return fallback()


def forget_failures():
    """The next read tries the replica again (tests; an operator after a repair)."""
    global _down_until
    _down_until = 0.0
