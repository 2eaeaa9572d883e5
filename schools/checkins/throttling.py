"""Limits per client without keeping client addresses: the address is hashed with the
secret key and the date, and the hash lives only in the cache, for minutes."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle

from cms.client_address import client_address


def client_key(request):
    ident = client_address(request)  # the lockout's rule: NUM_PROXIES behind a proxy
    message = f"{timezone.now().date().isoformat()}:{ident}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[
        :32
    ]


class HashedScopedRateThrottle(ScopedRateThrottle):
    """DRF's scoped rate, counted per fixed window with one counter in the shared cache.

    DRF's own throttle keeps a list of every request's time in the window and reads and
    writes it whole on every request: a school's pupils share one address, so at 600 a
    minute that is hundreds of timestamps per answer. A counter per window is constant
    work (one increment). The price: a burst at the edge of two windows may reach twice the
    rate for a moment, which these limits (against scripts, not pupils) can bear."""

    def get_ident(self, request):
        return client_key(request)

    def allow_request(self, request, view):
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        ident = self.get_cache_key(request, view)
        if ident is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.key = f"{ident}:{window}"
        self.window_end = (window + 1) * self.duration
        try:
            count = self.cache.incr(self.key)
        except ValueError:  # the first request of this window
            count = (
                1
                if self.cache.add(self.key, 1, self.duration + 1)
                else self.cache.incr(self.key)
            )
        return count <= self.num_requests

    def wait(self):
        return max(self.window_end - self.now, 0)


class FailureLimit:
    """Counts failures (a wrong join code) per client; a whole school shares one address,
    so the limit is generous for typos and far too low for guessing 300 million codes."""

    def __init__(self, scope, *, limit, seconds):
        self.scope, self.limit, self.seconds = scope, limit, seconds

    def _key(self, request):
        return f"failures:{self.scope}:{client_key(request)}"

    def exceeded(self, request):
        return cache.get(self._key(request), 0) >= self.limit

    def record(self, request):
        key = self._key(request)
        cache.add(key, 0, self.seconds)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, self.seconds)


WRONG_CODES = FailureLimit("join-code", limit=30, seconds=300)
