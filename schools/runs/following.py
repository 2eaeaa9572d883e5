"""What the pupils' screens of a run follow: a small state with a version, kept in the
shared cache (Redis between app servers) so that a screen asking "anything new?" every
FOLLOW_POLL_SECONDS costs one cache read and, mostly, a 304 with no database query."""

from django.core.cache import cache
from django.utils import timezone

from schools.models import LessonRun, Showing


def _key(code):
    return f"run-follow:{code}"


def state_of(run):
    ended = not run.is_live
    return {
        "v": run.version + (1 if ended and run.showing != Showing.ENDED else 0),
        "run": run.pk,
        "show": Showing.ENDED if ended else run.showing,
        "activity": "" if ended else run.activity,
        "check_in": run.check_in.code if run.check_in_id and not ended else "",
        "ends": run.ends_at.timestamp(),
    }


def publish(run):
    """Put a run's state in the cache, after its row has changed."""
    state = state_of(run)
    cache.set(_key(run.code), state, timeout=_seconds_left(run))
    return state


def _seconds_left(run):
    return max(60, int((run.ends_at - timezone.now()).total_seconds()) + 3600)


def current(code):
    """The state pupils follow for a join code (a normalised one), or None for a code
    with no run. From the cache; from the database (and then cached) when not there."""
    state = cache.get(_key(code))
    if state is None:
        run = (
            LessonRun.objects.filter(code=code)
            .select_related("check_in")
            .order_by("-started_at")
            .first()
        )
        if run is None:
            return None
        state = publish(run)
    if state["show"] != Showing.ENDED and state["ends"] <= timezone.now().timestamp():
        # Past its end: shown as ended at once; end_finished_runs deletes its counts.
        state = {**state, "v": state["v"] + 1, "show": Showing.ENDED, "activity": ""}
    return state
