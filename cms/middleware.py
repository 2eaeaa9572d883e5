import hashlib

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.views import serve as wagtail_serve

VERSION_KEY = "page-cache-version"


def bump_page_cache_version(**kwargs):
    """Any publish, unpublish, move or delete, and any change to a view restriction, makes
    every cached page stale at once."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def normalised_query(params):
    """A query as the cache keys it: sorted, empty values left out (an empty filter in a
    submitted form means the same as no filter)."""
    if hasattr(params, "lists"):
        pairs = [(name, value) for name, values in params.lists() for value in values]
    else:
        pairs = list(params.items())
    return urlencode(sorted((name, str(value)) for name, value in pairs if value != ""))


class AnonymousPageCacheMiddleware:
    """Published Wagtail pages from the shared cache, for visitors and for signed-in staff.

    A lesson page takes Wagtail about 20 ms to route and render; from the cache it costs two
    lookups. Signed-in staff get a variant of their own (the menu has "Mijn klassen"), and
    only of pages that say they look the same for everyone signed in (their context's
    `page_cache_signed_in`: the lesson page, its print and the library; not presentation
    mode, which lists her own classes). A session gets that copy from the cache only once
    her user row has let this session's password in since the account was last saved (a
    switched-off account, a new password: `_vouched_for`). Whatever used a CSRF token is
    never stored (the token belongs to one browser). Other sessions (no one signed in) get
    the visitors' page. Responses that set a cookie or say they are private are never
    stored (Wagtail says so for every page with a view restriction). PAGE_CACHE_SECONDS
    bounds how long a change that publishes no page (a theme's name, a site setting) can
    stay unseen; a hit does not renew it.

    The cache stays bounded: a response is stored only under the query the page says it
    answers (its context's `page_cache_query`, a dict of parameters; none for most pages,
    None for "do not store"), so an unknown or invalid query string renders fresh and
    stores nothing."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if (
            key
            and not getattr(request, "_page_cache_hit", False)
            and self._storable(request, response)
        ):
            cache.set(key, response, self.timeout)
            if request._page_cache_signed_in:
                _vouch_for(request)  # her user row was read and let her in
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            not self.timeout
            or view_func is not wagtail_serve
            or request.method not in ("GET", "HEAD")
        ):
            return None
        request._page_cache_signed_in = _signed_in(request)
        audience = "staff" if request._page_cache_signed_in else "visitor"
        version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
        url = f"{request.path}?{normalised_query(request.GET)}"
        path = hashlib.sha256(url.encode()).hexdigest()
        request._page_cache_key = (
            f"page:{version}:{get_language()}:{audience}:{request.method}:{path}"
        )
        if request._page_cache_signed_in and not _vouched_for(request):
            return None  # rendered, which reads her user row; stored if she is let in
        response = cache.get(request._page_cache_key)
        request._page_cache_hit = response is not None
        return response

    @staticmethod
    def _storable(request, response):
        cache_control = response.get("Cache-Control", "")
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or "private" in cache_control
            or "no-store" in cache_control
        ):
            return False
        # A restricted page is never stored: Wagtail marks every response for a page with
        # a view restriction on it or above it private and no-store.
        context = getattr(response, "context_data", None) or {}
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a CSRF token was used
            return False
        if request._page_cache_signed_in and not (
            context.get("page_cache_signed_in") and request.user.is_authenticated
        ):  # (a session whose user was signed out elsewhere renders as a visitor)
            return False
        answers = context.get("page_cache_query", {})
        return answers is not None and normalised_query(answers) == normalised_query(
            request.GET
        )


def _signed_in(request):
    """Whether someone is signed in on this request, from the session alone (the user row
    is not read: a page from the cache needs only the session)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    from django.contrib.auth import SESSION_KEY

    return SESSION_KEY in request.session


STAFF_KEY = "page-cache-staff:%s"


def _vouch_for(request):
    """Remember that this user's sessions with this password were let in: the session's
    auth hash, which Django checks against the user row (a new password changes it)."""
    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY

    cache.set(
        STAFF_KEY % request.session[SESSION_KEY],
        request.session.get(HASH_SESSION_KEY),
        settings.SESSION_COOKIE_AGE,
    )


def _vouched_for(request):
    """Whether a signed-in session may have the staff's copy from the cache without her
    user row being read: her account was let in with this session's password since it
    last changed. Saving the user (switched off, a new password) forgets it
    (`forget_staff_member`), so her next request is rendered, and Django signs her out."""
    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY

    seen = cache.get(STAFF_KEY % request.session[SESSION_KEY])
    return seen is not None and seen == request.session.get(HASH_SESSION_KEY)


def forget_staff_member(instance, **kwargs):
    cache.delete(STAFF_KEY % instance.pk)


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
