from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms import worker


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})


@never_cache
@require_GET
def healthz_worker(request):
    """For monitoring, not the load balancer (an app server serves without a worker):
    503 when no background worker runs or tasks have waited past TASK_BACKLOG_SECONDS."""
    try:
        state = worker.status()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    if state is None:
        return JsonResponse({"status": "ok", "worker": None, "detail": "no queue"})
    healthy = state["workers"] > 0 and state["backlog"] == 0
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **state},
        status=200 if healthy else 503,
    )


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes: too many failed sign-ins for this name from this address."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request, "cms/locked_out.html", {"cooloff_minutes": minutes}, status=429
    )
