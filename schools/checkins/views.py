import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from schools import results
from schools.checkins import kleuter, services
from schools.checkins.questions import answers_from_form, questions_for_session
from schools.checkins.recording import record_check_in
from schools.checkins.throttling import (
    TooManyWrongCodes,
    find_session_for,
    pupil_rate_exceeded,
)
from schools.models import (
    CheckInSession,
    LessonRun,
    Moment,
    SchoolClass,
    session_lifetime,
)
from schools.runs import following
from schools.runs.services import live_run_with_code

# --- Pupils: no account, nothing about them kept (an answer only adds to counts).


def _too_many_tries(request):
    return render(request, "schools/pupil_wait.html", status=429)


def _open_session_or_error(request, code):
    """The session for a code, or the page a pupil sees instead. Unknown, closed and
    expired codes get the same friendly answer: no hint whether a code ever existed."""
    if pupil_rate_exceeded(request):
        return None, _too_many_tries(request)
    try:
        session = find_session_for(request, code)
    except TooManyWrongCodes:
        return None, _too_many_tries(request)
    except services.SessionNotFound:
        return None, render(
            request,
            "schools/pupil_join.html",
            {"error": services.SessionNotFound.message, "code": code},
            status=404,
        )
    if not session.is_open:
        if kleuter.applies(request, session):
            return None, kleuter.closed(request, session)
        return None, render(
            request,
            "schools/pupil_join.html",
            {"error": _("This code does not work any more: the check-in is closed.")},
            status=410,
        )
    return session, None


@never_cache
@require_GET
def join(request):
    code = request.GET.get("code", "")
    if not code:
        return render(request, "schools/pupil_join.html")
    if run := live_run_with_code(code):
        # A lesson's code counts against the same rate as a check-in's.
        if pupil_rate_exceeded(request):
            return _too_many_tries(request)
        return redirect("runs:follow", code=run.code)
    session, error_page = _open_session_or_error(request, code)
    return error_page or redirect("checkins:answer", code=session.code)


def _kept_token(request, session):
    """The token this browser keeps for this check-in, and whether it is spent."""
    return services.kept_token(session, request.COOKIES.get(_cookie(session), ""))


def _cookie(session):
    return f"checkin-{session.code}"


def _keep_token(response, session, token):
    """One token per browser per check-in: Back, a reload or the code typed again give the
    same one, so one pupil's browser counts one answer. The cookie holds the signed
    token and nothing else, for this check-in's pages only, until it expires."""
    response.set_cookie(
        _cookie(session),
        token,
        max_age=int(session_lifetime().total_seconds()),
        path=reverse("checkins:answer", args=[session.code]),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


# The one-time token is the proof that an answer comes from a form we handed out; there
# is no session or account to protect, and a stale CSRF cookie must never show a pupil
# Django's 403 page (tests/schools/checkins/test_pupil_views.py, with CSRF enforced).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, code):
    session, error_page = _open_session_or_error(request, code)
    if error_page:
        return error_page
    questions = questions_for_session(session)
    tablet = request.GET.get("tablet") == "1"
    if tablet and kleuter.is_kleuter(questions):
        return kleuter.answer(request, session, questions)
    if request.method == "GET":
        kept, spent = (None, False) if tablet else _kept_token(request, session)
        if spent:
            return render(
                request,
                "schools/pupil_thanks.html",
                {"code": session.code, "already": True},
            )
        token = kept or services.issue_token(session=session)
        context = {"token": token, "key": services.new_idempotency_key(), "step": 1}
        response = _answer_page(request, session, questions, tablet, context)
        return response if tablet else _keep_token(response, session, token)

    data = request.POST
    step = _step(data.get("naar") or data.get("stap"), len(questions))
    chosen = {
        question["name"]: data.get(question["name"], "") for question in questions
    }
    if "overslaan" in data:
        chosen[questions[step - 1]["name"]] = ""
        step = min(step + 1, len(questions))
        if data.get("overslaan") == "klaar":
            return _submit(request, session, questions, tablet, data, chosen)
    elif "klaar" in data:
        return _submit(request, session, questions, tablet, data, chosen)
    context = {
        "token": data.get("token", ""),
        "key": data.get("key", ""),
        "step": step,
        "chosen": chosen,
    }
    return _answer_page(request, session, questions, tablet, context)


def _int(value):
    """A database id from a form, or 0 (no row has it) for anything else."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**31 else 0


def _step(value, last):
    try:
        return min(max(int(value), 1), last)
    except (TypeError, ValueError):
        return 1


def _submit(request, session, questions, tablet, data, chosen):
    try:
        record_check_in(
            code=session.code,
            token=data.get("token", ""),
            key=data.get("key", ""),
            answers=answers_from_form(chosen, questions),
        )
    except services.TokenUsed:
        pass  # a second press of "Klaar": the first one counted
    except services.CheckInError as error:
        return render(
            request,
            "schools/pupil_join.html",
            {"error": str(error)},
            status=error.status,
        )
    except ValidationError as error:
        context = {
            "token": data.get("token", ""),
            "key": data.get("key", ""),
            "step": 1,
            "chosen": chosen,
            "errors": error.messages,
        }
        if "token" in getattr(error, "error_dict", {}):
            context.update(
                token=services.issue_token(session=session),
                key=services.new_idempotency_key(),
            )
        return _answer_page(request, session, questions, tablet, context, status=400)
    url = reverse("checkins:thanks", args=[session.code])
    return redirect(f"{url}?tablet=1" if tablet else url)


def _answer_page(request, session, questions, tablet, context, status=200):
    context.update(
        session=session,
        questions=questions,
        tablet=tablet,
        chosen=context.get("chosen", {}),
    )
    return render(request, "schools/pupil_answer.html", context, status=status)


@never_cache
@require_GET
def thanks(request, code):
    if kleuter.is_tablet(request) and (page := kleuter.thanks(request, code)):
        return page
    code = services.normalise_code(code)
    tablet = request.GET.get("tablet") == "1"
    # A check-in of a lesson run: back to following the board.
    run = LessonRun.objects.live().filter(check_in__code=code).first()
    return render(
        request,
        "schools/pupil_thanks.html",
        {
            "code": code,
            "tablet": tablet,
            "run": run,
            "follow_url": run and following.page_url(run, tablet=tablet),
        },
    )


# --- Teachers: their own classes only.


def _teacher_session(request, code):
    session = (
        CheckInSession.objects.for_user(request.user)
        .filter(code=services.normalise_code(code))
        .select_related("school_class__school", "lesson")
        .order_by(services.OPEN_FIRST, "-opened_at")
        .first()
    )
    if session is None:
        raise Http404
    return session


@login_required
@require_POST
def start(request):
    school_class = get_object_or_404(
        SchoolClass.objects.for_user(request.user).active(),
        pk=_int(request.POST.get("school_class")),
    )
    lesson = None
    if request.POST.get("lesson"):
        from lessons.models import LessonPage

        lesson = (
            LessonPage.objects.live().filter(pk=_int(request.POST["lesson"])).first()
        )
    moment = request.POST.get("moment")
    session = services.start_session(
        school_class=school_class,
        started_by=request.user,
        moment=moment if moment in Moment.values else Moment.STANDALONE,
        lesson=lesson,
    )
    if lesson is not None:
        # In a lesson run the pupils' screens go to this check-in (schools.runs).
        from schools.runs.services import follow_check_in

        follow_check_in(session)
    # The next check-in starts with the class of this one chosen (presentation mode).
    request.session[LAST_CLASS] = school_class.pk
    return _to_live(session, _slide(request.POST) if lesson else None)


# A check-in started from a slide opens on the board and leads back to that slide.
LAST_CLASS = "checkins:last_class"


def _slide(data):
    number = _int(data.get("dia"))
    return number if number and 0 < number < 1000 else None


def _to_live(session, slide):
    url = reverse("checkins:live", args=[session.code])
    return redirect(f"{url}?dia={slide}" if slide else url)


def _result_cells(session, cells):
    """The question texts and option words beside the results engine's numbers."""
    shaped = []
    for question in questions_for_session(session):
        cell = cells[question["name"]]
        rows = []
        if not cell["suppressed"]:
            rows = [
                {
                    "label": option["label"],
                    "percentage": cell["percentages"][str(option["value"])],
                }
                for option in question["options"]
            ]
        shaped.append(
            {
                "name": question["name"],
                "title": question["title"],
                "suppressed": cell["suppressed"],
                "rows": rows,
            }
        )
    return shaped


def _status(session):
    """What the board shows: while the check-in is open only how many have answered (the
    counts would show each answer as it comes in); once it has ended, its figures."""
    is_open = session.is_open
    return {
        "answered": session.n,
        "expected": session.expected,
        "open": is_open,
        "results": None if is_open else results.session_results(session),
    }


@never_cache
@login_required
@require_GET
def live(request, code):
    session = _teacher_session(request, code)
    join_url = request.build_absolute_uri(reverse("checkins:join"))
    answer_url = request.build_absolute_uri(
        reverse("checkins:answer", args=[session.code])
    )
    qr = segno.make(answer_url, error="m").svg_inline(
        scale=8, title=_("QR code to join"), svgclass="qr", lineclass=None
    )
    status = _status(session)
    cells = _result_cells(session, status["results"]) if status["results"] else None
    context = {
        "session": session,
        "status": status,
        "join_url": join_url,
        "answer_url": answer_url,
        "qr": qr,
        "cells": cells,
        "perturbation": results.perturbation_parameters(),
    }
    slide = _slide(request.GET) if session.lesson else None
    if slide:
        context["slide"] = slide
        context["back_url"] = f"{session.lesson.url}klas/#dia-{slide}"
        return render(request, "schools/session_board.html", context)
    return render(request, "schools/session_live.html", context)


@never_cache
@login_required
@require_GET
def status(request, code):
    return JsonResponse(_status(_teacher_session(request, code)))


@login_required
@require_POST
def close(request, code):
    session = _teacher_session(request, code)
    services.close_session(session=session)
    return _to_live(session, _slide(request.POST) if session.lesson else None)


@login_required
@require_GET
def class_results(request, pk):
    """A teacher's own class: check-ins held, lessons given, and the class's results (from
    five answers), from the same engine and sections as the coordinators' dashboard."""
    from schools.clock import today
    from schools.dashboard import sections as dashboard
    from schools.dashboard.forms import DashboardFilters
    from schools.models import LessonDelivery

    school_class = get_object_or_404(
        SchoolClass.objects.for_user(request.user).select_related("school"), pk=pk
    )
    viewer = results.Viewer.teacher({school_class.pk})
    form = DashboardFilters({}, viewer=viewer)
    form.is_valid()
    sections = [
        section
        for section in dashboard.build(viewer, form)
        if section.key in ("over_time", "before_after", "by_lesson")
    ]
    deliveries = (
        LessonDelivery.objects.filter(school_class=school_class)
        .select_related("lesson")
        .order_by("-delivered_on")
    )
    return render(
        request,
        "schools/class_results.html",
        {
            "school_class": school_class,
            "sessions_held": school_class.sessions.count(),
            "deliveries": deliveries[:50],
            "lessons_given": deliveries.count(),
            "sections": sections,
            "threshold": viewer.threshold,
            "rules": {**results.rules_in_force(), "viewer_is_teacher": True},
            "today": today(),
        },
    )
