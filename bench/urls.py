"""The site's own URLs plus two benchmark views. They go first because cms.urls ends with
Wagtail's catch-all.

- /bench/ceiling/: touches no database, template or session (bench/site.py).
- /bench/insert/?session=<id>: POST, one INSERT of a check-in answer for that session and
  nothing else: no token, no validation, no counters, no result cells (bench/ingest.py
  compares the check-in endpoint with it)."""

from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms import urls as cms_urls
from schools.models import CheckInAnswer


def ceiling(request):
    return HttpResponse(b"ok\n", content_type="text/plain")


@csrf_exempt
@require_POST
def bare_insert(request):
    CheckInAnswer.objects.create(
        session_id=int(request.GET["session"]),
        answered_on=timezone.localdate(),
        mood=4,
    )
    return HttpResponse(b"stored\n", status=201, content_type="text/plain")


urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("bench/insert/", bare_insert),
    *cms_urls.urlpatterns,
]
