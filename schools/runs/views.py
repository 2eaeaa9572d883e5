"""The pupils' side of a lesson run: one join, then the screen follows the board. No
account and nothing about the pupil: a browser keeps, per activity, only its one-time
token (a cookie for this run's pages), a shared tablet not even that."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from schools.checkins.services import CheckInError, TokenUsed, normalise_code
from schools.checkins.throttling import (
    WRONG_CODES,
    follower_rate_exceeded,
    pupil_rate_exceeded,
)
from schools.models import RunActivity, Showing
from schools.runs import following, services


def find_run_for(request, code):
    """The run with this code, for a pupil: a wrong code counts towards the same limit
    as a wrong check-in code (schools.checkins.throttling)."""
    try:
        return services.find_run(code)
    except services.RunNotFound:
        if WRONG_CODES.record(request):
            return None
        raise


def over_the_rate(request, code):
    """Whether this pupil page is refused for its rate: a screen that follows the run (its
    follower tag) counts against the run's own rate, any other request against its school's
    (schools.checkins.throttling)."""
    if "volg" in request.GET:
        code = normalise_code(code)
        state = following.current(code)
        if state is not None and following.is_follower(request, state):
            return follower_rate_exceeded(code, state["pupils"])
    return pupil_rate_exceeded(request)


def _page(request, template, context, status=200):
    context = {
        **context,
        "poll_seconds": settings.FOLLOW_POLL_SECONDS,
        "follow_url": following.page_url(context["run"], tablet=context["tablet"]),
    }
    return render(request, f"schools/runs/{template}", context, status=status)


def _cookie(activity_id):
    return f"vraag-{activity_id}"


# The one-time token is the proof that an answer comes from a form we handed out: no
# session or account to protect, and a stale CSRF cookie must never show a pupil a 403.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def follow(request, code):
    if over_the_rate(request, code):
        return render(request, "schools/pupil_wait.html", status=429)
    try:
        run = find_run_for(request, code)
    except services.RunNotFound:
        return render(
            request,
            "schools/pupil_join.html",
            {"error": services.RunNotFound.message, "code": code},
            status=404,
        )
    if run is None:
        return render(request, "schools/pupil_wait.html", status=429)
    tablet = request.GET.get("tablet") == "1"
    context = {"run": run, "tablet": tablet, "state": following.state_of(run)}
    if not run.is_live:
        services.settle(run)
        return _page(request, "ended.html", context, status=410)
    if run.showing == Showing.CHECK_IN and run.check_in and run.check_in.is_open:
        url = reverse("checkins:answer", args=[run.check_in.code])
        return redirect(f"{url}?tablet=1" if tablet else url)
    activity = None
    if run.showing == Showing.ACTIVITY:
        activity = RunActivity.objects.filter(run=run, activity=run.activity).first()
    if activity is None:
        return _page(request, "wait.html", context)
    context["activity"] = activity
    if request.method == "POST":
        return _answer(request, run, activity, tablet, context)
    if activity.revealed_at:
        return _page(request, "look.html", context)
    kept = "" if tablet else request.COOKIES.get(_cookie(activity.activity), "")
    if kept and services.token_spent(kept):
        return _page(request, "look.html", {**context, "answered": True})
    return _question(request, run, activity, tablet, context, kept)


def _question(request, run, activity, tablet, context, token="", status=200):
    token = token or services.issue_token(run=run, activity_id=activity.activity)
    response = _page(
        request,
        "question.html",
        {
            **context,
            "token": token,
            "definition": activity.definition,
            "multiple": activity.definition["choose"][1] > 1,
        },
        status=status,
    )
    if not tablet:
        response.set_cookie(
            _cookie(activity.activity),
            token,
            max_age=max(60, int((run.ends_at - run.started_at).total_seconds())),
            path=reverse("runs:follow", args=[run.code]),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Strict",
        )
    return response


def _answer(request, run, activity, tablet, context):
    try:
        services.record_answer(
            run=run,
            token=request.POST.get("token", ""),
            chosen=request.POST.getlist("keuze"),
        )
    except TokenUsed:
        pass  # pressed twice, or sent again: the first one counted
    except CheckInError as error:
        return _page(request, "look.html", {**context, "error": str(error)}, 409)
    except ValidationError as error:
        context["errors"] = error.messages
        bad_token = "token" in getattr(error, "error_dict", {})
        token = "" if bad_token else request.POST.get("token", "")
        return _question(request, run, activity, tablet, context, token, status=400)
    if tablet:
        return _page(request, "look.html", {**context, "answered": True})
    return redirect(following.page_url(run))


@require_GET
def board_state(request, code):
    """What the board shows now, for a following screen: `v` changes whenever the screen
    should load its page again. Answers 304 to a screen that has the current version,
    from the cache alone. A screen that follows the run (its ETag carries the run's
    follower tag) is not counted towards the pupils' rate, every other request is (a
    guesser must not tell valid codes apart over the rate); a code with no run counts as a
    wrong code."""
    state = following.current(normalise_code(code))
    if state is None:
        if WRONG_CODES.record(request):
            return JsonResponse({"detail": _("Too many tries.")}, status=429)
        return JsonResponse({"detail": services.RunNotFound.message}, status=404)
    etag = f'"{state["tag"]}-{state["v"]}"'
    seen = request.headers.get("If-None-Match", "")
    if seen == etag:
        response = JsonResponse({}, status=304)
    elif not seen.startswith(f'"{state["tag"]}-') and pupil_rate_exceeded(request):
        # A screen that follows this run (an ETag with its follower tag) asks for free:
        # a guesser has none, and over the rate a valid code looks like a wrong one.
        return JsonResponse({"detail": _("Too many tries.")}, status=429)
    else:
        response = JsonResponse({"v": state["v"], "show": state["show"]})
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache, private"
    return response
