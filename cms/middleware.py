import hashlib

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.views import serve as wagtail_serve

VERSION_KEY = "page-cache-version"


def bump_page_cache_version(**kwargs):
    """Any publish, unpublish, move or delete makes every cached page stale at once."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


class AnonymousPageCacheMiddleware:
    """Published Wagtail pages for visitors who are not signed in, from the shared cache.

    A lesson page takes Wagtail about 20 ms to route and render; from the cache it costs two
    lookups. Signed-in staff (a session cookie) always get a fresh page. Responses that set
    a cookie or say they are private are never stored. PAGE_CACHE_SECONDS bounds how long a
    change that publishes no page (a theme's name, a site setting) can stay unseen."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key and self._storable(response):
            cache.set(key, response, self.timeout)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            not self.timeout
            or view_func is not wagtail_serve
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return None
        version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        request._page_cache_key = (
            f"page:{version}:{get_language()}:{request.method}:{path}"
        )
        return cache.get(request._page_cache_key)

    @staticmethod
    def _storable(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
        )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY) everywhere, and a permissions
    policy. The Wagtail admin is the one exception: its own templates still carry inline
    script and style (Wagtail is moving away from them), so there only, script-src and
    style-src also allow 'unsafe-inline'. Nothing else is relaxed there: still no other host."""

    ADMIN_PREFIXES = ("/admin/",)
    # Redoc (the second API docs page) writes its styles at run time; styles only.
    INLINE_STYLE_PREFIXES = ("/api/v1/redoc/",)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(self.ADMIN_PREFIXES):
            parts.replace = {
                **(parts.replace or {}),
                "script-src": [SELF, UNSAFE_INLINE],
                "style-src": [SELF, UNSAFE_INLINE],
            }
        elif request.path_info.startswith(self.INLINE_STYLE_PREFIXES):
            parts.replace = {
                **(parts.replace or {}),
                "style-src": [SELF, UNSAFE_INLINE],
            }
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response


class DatabaseUnavailableMiddleware:
    """A database that does not answer (a restart, a failover) gives a short friendly 503
    with Retry-After, quickly (connect_timeout 3 s), instead of a 500. The API says the same
    in JSON (api.exceptions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if request.path_info.startswith("/api/"):
            from django.http import JsonResponse
            from django.utils.translation import gettext as _

            response = JsonResponse(
                {
                    "detail": _(
                        "The service is briefly unavailable. Try again in a moment."
                    )
                },
                status=503,
            )
        else:
            from django.template.response import SimpleTemplateResponse

            response = SimpleTemplateResponse("503.html", status=503).render()
        response["Retry-After"] = "5"
        return response
