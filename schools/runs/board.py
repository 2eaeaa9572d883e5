"""The teacher's side of a lesson run: started from the board, the board tells the server
which slide it shows, and each activity slide gets a panel: how many have answered, the
reveal, and then the class's result. The teacher's own classes only."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from schools.checkins.services import CheckInError, normalise_code
from schools.checkins.views import LAST_CLASS, _int
from schools.models import LessonRun, OptionCount, RunActivity, SchoolClass
from schools.results.activities import activity_results, can_reveal, min_answers
from schools.runs import services


def _teacher_run(request, code):
    run = (
        LessonRun.objects.for_user(request.user)
        .filter(code=normalise_code(code))
        .select_related("lesson", "check_in", "school_class")
        .order_by("-started_at")
        .first()
    )
    if run is None:
        raise Http404
    return services.settle(run)


def _back_to_board(run, data):
    slide = _int(data.get("dia"))
    url = f"{run.lesson.url}klas/"
    return redirect(f"{url}#dia-{slide}" if 0 < slide < 1000 else url)


@login_required
@require_POST
def start(request):
    from lessons.models import LessonPage

    school_class = get_object_or_404(
        SchoolClass.objects.for_user(request.user).active(),
        pk=_int(request.POST.get("school_class")),
    )
    lesson = get_object_or_404(
        LessonPage.objects.live(), pk=_int(request.POST.get("lesson"))
    )
    run = services.start_run(
        school_class=school_class, lesson=lesson, started_by=request.user
    )
    request.session[LAST_CLASS] = school_class.pk
    return _back_to_board(run, request.POST)


@login_required
@require_POST
def move(request, code):
    """The board shows another slide: which activity is on it, if any, and whether it is a
    check-in slide. Answers with the version the pupils' screens follow."""
    run = _teacher_run(request, code)
    run = services.move_board(
        run=run,
        activity_id=request.POST.get("activity", "")[:64],
        check_in=request.POST.get("check_in") == "1",
    )
    return JsonResponse({"v": run.version, "show": run.showing})


def _panel(request, run, activity_id, *, status=200, error=""):
    activity = RunActivity.objects.filter(run=run, activity=activity_id).first()
    if activity is None:
        activity = services.open_activity(run, activity_id) if run.is_live else None
    if activity is None:
        raise Http404
    counts = {c.option: c for c in OptionCount.objects.filter(activity=activity)}
    return render(
        request,
        "schools/runs/board_panel.html",
        {
            "run": run,
            "activity": activity,
            "definition": activity.definition,
            "results": activity_results(activity, counts),
            "can_reveal": can_reveal(activity),
            "error": error,
        },
        status=status,
    )


@never_cache
@login_required
@require_GET
def panel(request, code, activity):
    return _panel(request, _teacher_run(request, code), activity)


@login_required
@require_POST
def reveal(request, code, activity):
    run = _teacher_run(request, code)
    try:
        services.reveal(run=run, activity_id=activity)
    except services.TooFewAnswers as error:
        message = str(error) % {"count": min_answers()}
        return _panel(request, run, activity, status=409, error=message)
    except CheckInError as error:
        return _panel(request, run, activity, status=error.status, error=str(error))
    if request.headers.get("X-Requested-With") == "fetch":
        return _panel(request, run, activity)
    return _back_to_board(run, request.POST)


@login_required
@require_POST
def end(request, code):
    run = _teacher_run(request, code)
    services.end_run(run=run)
    return _back_to_board(run, request.POST)
