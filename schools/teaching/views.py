"""A teacher's home (/mijn/) and its forms. Every class, plan and favourite is looked up
within what the signed-in user may see: anything else is a 404, never "it exists"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from schools.models import FavouriteLesson, Moment, PlannedLesson
from schools.teaching import home as reads
from schools.teaching import services
from schools.teaching.forms import MoveForm, PlanSeriesForm, series_choices
from schools.teaching.review import awaiting_review_count


def _home(request, *, plan_errors=None, move_errors=None, status=200):
    series = list(series_choices())
    weeks = reads.week_choices()
    context = {
        "classes": reads.build(request.user),
        "sessions": reads.recent_check_ins(request.user),
        "favourites": reads.favourites_for(request.user),
        "series_list": series,
        "weeks": weeks,
        "week_values": {value for value, _label in weeks},
        "plan_errors": plan_errors or {},
        "move_errors": move_errors or {},
        "awaiting_review": awaiting_review_count(request.user),
        "can_write": request.user.has_perm("wagtailadmin.access_admin"),
        "moments": Moment.choices,
    }
    return render(request, "schools/teaching/home.html", context, status=status)


@never_cache
@login_required
@require_GET
def home(request):
    return _home(request)


def _class_or_404(request, pk):
    return get_object_or_404(reads.classes_for(request.user), pk=pk)


def _errors(error):
    return [
        message for messages_ in error.message_dict.values() for message in messages_
    ]


@login_required
@require_POST
def plan_series(request, pk):
    school_class = _class_or_404(request, pk)
    form = PlanSeriesForm(request.POST)
    if form.is_valid():
        try:
            planned = services.plan_series(
                school_class=school_class,
                series=form.cleaned_data["series"],
                start_week=form.cleaned_data["week"],
                user=request.user,
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(
                request,
                _("%(series)s is planned for %(class)s: %(count)s lessons, one a week.")
                % {
                    "series": form.cleaned_data["series"].title,
                    "class": school_class.name,
                    "count": len(planned),
                },
            )
            return redirect(f"{reverse('teaching:home')}#klas-{school_class.pk}")
    else:
        errors = [message for field in form.errors.values() for message in field]
    return _home(request, plan_errors={school_class.pk: errors}, status=400)


def _planned_or_404(request, pk):
    return get_object_or_404(
        PlannedLesson.objects.for_user(request.user)
        .filter(school_class__in=reads.classes_for(request.user))
        .select_related("school_class", "lesson"),
        pk=pk,
    )


@login_required
@require_POST
def move_planned(request, pk):
    planned = _planned_or_404(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            services.move_planned(planned=planned, week=form.cleaned_data["week"])
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(
                request,
                _("%(lesson)s is moved.") % {"lesson": planned.lesson.title},
            )
            return redirect(
                f"{reverse('teaching:home')}#klas-{planned.school_class_id}"
            )
    else:
        errors = [message for field in form.errors.values() for message in field]
    return _home(request, move_errors={planned.pk: errors}, status=400)


@login_required
@require_POST
def remove_planned(request, pk):
    planned = _planned_or_404(request, pk)
    services.remove_planned(planned=planned)
    messages.success(
        request,
        _("%(lesson)s is no longer planned for %(class)s.")
        % {"lesson": planned.lesson.title, "class": planned.school_class.name},
    )
    return redirect(f"{reverse('teaching:home')}#klas-{planned.school_class_id}")


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and url.startswith("/"):
        return url
    return ""


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def favourite(request, lesson_pk):
    """Keep a lesson, or stop keeping it. The lesson page and the library are the same
    for every teacher (and cached so), so they only link here: her own state is shown
    on this page and on her home, never on theirs."""
    from lessons.models import LessonPage

    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_pk)
    if request.method == "POST":
        if request.POST.get("action") == "remove":
            services.remove_favourite(user=request.user, lesson=lesson)
            messages.success(
                request, _("%(lesson)s is no longer saved.") % {"lesson": lesson.title}
            )
        else:
            services.save_favourite(user=request.user, lesson=lesson)
            messages.success(
                request,
                _("%(lesson)s is saved. You find it on My classes.")
                % {"lesson": lesson.title},
            )
        return redirect(_next_url(request) or request.path)
    saved = FavouriteLesson.objects.filter(user=request.user, lesson=lesson).exists()
    return render(
        request,
        "schools/teaching/favourite.html",
        {"lesson": lesson, "saved": saved, "next": _next_url(request)},
    )
