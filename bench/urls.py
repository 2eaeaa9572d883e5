"""The site's own URLs plus /bench/ceiling/, a view that touches no database, template or
session. It goes first because cms.urls ends with Wagtail's catch-all."""

from django.http import HttpResponse
from django.urls import path

from cms import urls as cms_urls


def ceiling(request):
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [path("bench/ceiling/", ceiling), *cms_urls.urlpatterns]
