"""The site's own URLs plus three benchmark views. They go first because cms.urls ends with
Wagtail's catch-all.

- /bench/ceiling/: touches no database, template or session (bench/site.py).
- /bench/count/?session=<id>: POST, the check-in's one statement in its bare form and
  nothing else: an UPDATE that adds one answer (n, mood_4 and its key sum) to the
  session, with the spent-token INSERT reading its result, in one statement and one
  implicit transaction, as schools.checkins.recording does on PostgreSQL. No token check,
  no validation, no cap, code or open-session condition, no throttle, no DRF
  (bench/ingest.py compares the check-in endpoint with it).
- /bench/insert/?session=<id>: POST, one INSERT of a spent-token row and nothing else:
  the cheapest write there is, for scale."""

import functools
import secrets
import uuid

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms import urls as cms_urls
from schools.models import CheckInSession, UsedToken
from schools.results.perturbation import KEY_RANGE


@functools.cache
def _count_sql():
    quote = connection.ops.quote_name
    session = quote(CheckInSession._meta.db_table)
    token = quote(UsedToken._meta.db_table)
    return (
        f"WITH claim AS (UPDATE {session} SET n = n + 1, mood_4 = mood_4 + 1, "
        f"mood_4_key = (mood_4_key + %s) %% {KEY_RANGE} WHERE id = %s RETURNING id) "
        f"INSERT INTO {token} (nonce, key, session_id) SELECT %s, %s, claim.id FROM claim"
    )


def ceiling(request):
    return HttpResponse(b"ok\n", content_type="text/plain")


@csrf_exempt
@require_POST
def bare_count(request):
    params = [
        secrets.randbelow(KEY_RANGE),
        int(request.GET["session"]),
        secrets.token_hex(16),
        uuid.uuid4(),
    ]
    with connection.cursor() as cursor:
        cursor.execute(_count_sql(), params)
        counted = cursor.rowcount == 1
    return HttpResponse(
        b"counted\n" if counted else b"no such session\n",
        status=201 if counted else 404,
        content_type="text/plain",
    )


@csrf_exempt
@require_POST
def bare_insert(request):
    UsedToken.objects.create(
        nonce=secrets.token_hex(16),
        key=uuid.uuid4(),
        session_id=int(request.GET["session"]),
    )
    return HttpResponse(b"stored\n", status=201, content_type="text/plain")


urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("bench/count/", bare_count),
    path("bench/insert/", bare_insert),
    *cms_urls.urlpatterns,
]
