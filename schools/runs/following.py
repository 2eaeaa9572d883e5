"""What the pupils' screens of a run follow: a small state with a version, kept in the
shared cache (Redis between app servers) so that a screen asking "anything new?" every
FOLLOW_POLL_SECONDS costs one cache read and, mostly, a 304 with no database query."""

from urllib.parse import urlencode

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from schools.models import LessonRun, Showing


def _key(code):
    return f"run-follow:{code}"


def tag_of(run):
    """The run's follower tag. Only a page of this run hands it out (in the address its
    screens load, and in its state's ETag), so a request that carries it comes from a screen
    that already follows this board, not from someone guessing codes. The same for every
    screen of the run: it tells nothing about a pupil."""
    return salted_hmac("schools.runs.follower-tag", f"{run.pk}:{run.code}").hexdigest()[
        :20
    ]


def page_url(run, *, tablet=False):
    """The address a following screen loads: the run's page with its follower tag."""
    query = {"volg": tag_of(run), **({"tablet": "1"} if tablet else {})}
    return f"{reverse('runs:follow', args=[run.code])}?{urlencode(query)}"


def is_follower(request, state):
    """Whether a request carries the follower tag of the run whose state this is."""
    return constant_time_compare(request.GET.get("volg", ""), state["tag"])


def state_of(run):
    ended = not run.is_live
    return {
        "v": run.version + (1 if ended and run.showing != Showing.ENDED else 0),
        "tag": tag_of(run),
        "pupils": run.expected,
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
