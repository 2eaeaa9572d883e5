"""The results dashboard in the Wagtail admin (/admin/resultaten/), its exports and its
printed report. Coordinators see their scope; teachers see their own classes; everyone
else gets 403. Every figure comes from schools.results through schools.dashboard."""

import functools
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schools import clock, results
from schools.dashboard import exports
from schools.dashboard import sections as dashboard
from schools.dashboard.forms import DashboardFilters


class NoResults(Exception):
    """This user may not see results (the admin would turn PermissionDenied into a redirect)."""


def no_results_is_403(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NoResults:
            return render(request, "schools/dashboard/forbidden.html", status=403)

    return wrapped


def _context(request):
    viewer = results.viewer_for_request(request)
    if viewer is None:
        raise NoResults
    form = DashboardFilters(request.GET, viewer=viewer)
    valid = form.is_valid()
    through_week = None if viewer.is_teacher else results.last_complete_week()
    state = results.rollup_state()
    sections = dashboard.build(viewer, form, state=state) if valid else []
    query = request.GET.urlencode()
    return {
        "viewer": viewer,
        "form": form,
        "valid": valid,
        "sections": sections,
        "query": query,
        "described": form.described() if valid else [],
        "through_week": through_week,
        # The week under way counts once it is over (for coordinators; teachers see each
        # check-in once it is closed).
        "running_week": None if viewer.is_teacher else clock.week_of(clock.today()),
        "rollups_refreshed": state.refreshed_at if state else None,
        "threshold": viewer.threshold,
        "rules": {**results.rules_in_force(), "viewer_is_teacher": viewer.is_teacher},
        "today": clock.today(),
    }


@no_results_is_403
@require_GET
def dashboard_view(request):
    context = _context(request)
    return render(
        request,
        "schools/dashboard/index.html",
        context,
        status=200 if context["valid"] else 400,
    )


@no_results_is_403
@require_GET
def print_view(request):
    context = _context(request)
    return render(
        request,
        "schools/dashboard/print.html",
        context,
        status=200 if context["valid"] else 400,
    )


def _filename(extension):
    return f"resultaten-{clock.today().isoformat()}.{extension}"


@no_results_is_403
@require_GET
def export_csv(request):
    context = _context(request)
    if not context["valid"]:
        return dashboard_view(request)
    response = StreamingHttpResponse(
        exports.csv_lines(context["sections"], viewer=context["viewer"]),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


@no_results_is_403
@require_GET
def export_xlsx(request):
    context = _context(request)
    if not context["valid"]:
        return dashboard_view(request)
    target = tempfile.TemporaryFile()
    exports.xlsx_file(
        context["sections"],
        title=_("Lessons in happiness: results"),
        described=context["described"],
        viewer=context["viewer"],
        target=target,
    )
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=_filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
