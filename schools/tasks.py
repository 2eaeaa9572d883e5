"""The schools' background work (django-tasks): the nightly jobs, queued by `manage.py
nightly` (cron or a systemd timer, docs/deploy.md) and run by the worker. Each is safe to
run twice: a worker that stops halfway has its task run again (cms/worker.py)."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from schools.checkins.services import purge_spent_tokens
from schools.results import refresh_rollups
from schools.runs.services import end_finished_runs


@task()
def purge_checkins(older_than_hours=None):
    """Delete the spent tokens of check-ins that ended more than the hours ago, and end
    the lesson runs past their end (deleting their activities' counts)."""
    hours = (
        settings.CHECKIN_TOKEN_HOURS if older_than_hours is None else older_than_hours
    )
    ended_before = timezone.now() - datetime.timedelta(hours=hours)
    return {
        "tokens deleted": purge_spent_tokens(ended_before=ended_before),
        "runs ended": end_finished_runs(),
    }


@task()
def refresh_result_rollups(full=False):
    """Sum the completed weeks into the rollups that region-wide results read."""
    after, through, written = refresh_rollups(full=full)
    return {
        "after": after and after.isoformat(),
        "through": through.isoformat(),
        "rows": written,
    }
