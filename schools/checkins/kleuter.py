"""The class tablet for kleuters (groep 1-2): one tap on a big face is the answer, then a
thank-you and the faces again for the next child. No reading needed: every screen is a
picture with a short word, and every word can be read aloud.

The mode is chosen, not asked for: a check-in on the class tablet (`?tablet=1`, the
teacher's "Open on the class tablet") whose question set is one question of faces. Each
face is a submit button of the form, so one tap answers also without JavaScript; with
JavaScript the same tap goes through the pupil API (checkin.js). Every answer takes the
one write path (schools.checkins.recording) with a one-time token issued for this page:
nothing is kept about the child, and a second tap with the same token counts nothing."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from schools.checkins import services
from schools.checkins.questions import (
    CHOOSE,
    answers_from_form,
    questions_for_session,
)
from schools.checkins.recording import record_check_in
from schools.checkins.throttling import (
    TooManyWrongCodes,
    find_session_for,
    pupil_rate_exceeded,
)


def is_tablet(request):
    return request.GET.get("tablet") == "1"


def is_kleuter(questions):
    """One question of faces (groep 1-2's set): answered with one tap."""
    return len(questions) == 1 and questions[0]["kind"] == "faces"


def applies(request, session):
    return is_tablet(request) and is_kleuter(questions_for_session(session))


def _full(session):
    return session.n >= session.cap


def answer(request, session, questions):
    """The faces (GET) or one tap on a face (POST) on the class tablet."""
    if request.method == "GET":
        if _full(session):
            return closed(request, session, full=True)
        return _faces(
            request,
            session,
            questions,
            token=services.issue_token(session=session),
            key=services.new_idempotency_key(),
        )
    data = request.POST
    question = questions[0]
    token, key = data.get("token", ""), data.get("key", "")
    chosen = {question["name"]: data.get(question["name"], "")}
    if chosen[question["name"]] == "":
        # No face: nothing to count (a child who does not tap has not answered).
        errors = [CHOOSE[question["kind"]]]
        return _faces(request, session, questions, token, key, errors, status=400)
    try:
        record_check_in(
            code=session.code,
            token=token,
            key=key,
            answers=answers_from_form(chosen, questions),
        )
    except services.TokenUsed:
        pass  # a second tap with the same form: the first one counted
    except (services.SessionClosed, services.ClassFull) as error:
        return closed(request, session, full=isinstance(error, services.ClassFull))
    except services.CheckInError as error:
        return render(
            request,
            "schools/pupil_join.html",
            {"error": str(error)},
            status=error.status,
        )
    except ValidationError as error:
        if "token" in getattr(error, "error_dict", {}):
            token = services.issue_token(session=session)
            key = services.new_idempotency_key()
        return _faces(
            request, session, questions, token, key, error.messages, status=400
        )
    return redirect(_tablet_url("checkins:thanks", session))


def _faces(request, session, questions, token, key, errors=(), status=200):
    context = {
        "session": session,
        "question": questions[0],
        "token": token,
        "key": key,
        "errors": errors,
        "tablet": True,
        "next_url": _tablet_url("checkins:answer", session),
        "thanks_url": _tablet_url("checkins:thanks", session),
        "countdown_seconds": settings.KLEUTER_COUNTDOWN_SECONDS,
    }
    return render(request, "schools/kleuter_answer.html", context, status=status)


def thanks(request, code):
    """The thank-you on a kleuter tablet, or None when the code is not one (then the
    usual thank-you page). A check-in that has closed or filled up meanwhile shows the
    closed screen instead: there is no next child to wait for."""
    if pupil_rate_exceeded(request):
        return render(request, "schools/pupil_wait.html", status=429)
    try:
        session = find_session_for(request, code)
    except TooManyWrongCodes:
        return render(request, "schools/pupil_wait.html", status=429)
    except services.SessionNotFound:
        return None
    if not is_kleuter(questions_for_session(session)):
        return None
    if not session.is_open or _full(session):
        return closed(request, session, full=session.is_open)
    return render(
        request,
        "schools/kleuter_thanks.html",
        {
            "session": session,
            "tablet": True,
            "next_url": _tablet_url("checkins:answer", session),
            "countdown_seconds": settings.KLEUTER_COUNTDOWN_SECONDS,
        },
    )


def closed(request, session, *, full=False):
    """The tablet's last screen: the check-in has ended, or every child has had a turn."""
    return render(
        request,
        "schools/kleuter_closed.html",
        {"session": session, "tablet": True, "full": full},
        status=409 if full else 410,
    )


def _tablet_url(name, session):
    return f"{reverse(name, args=[session.code])}?tablet=1"
