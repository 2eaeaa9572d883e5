"""Limits per client without keeping client addresses: the address is hashed with the
secret key and the date, and the hash lives only in the cache, for minutes."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle


def client_key(request):
    ident = BaseThrottle().get_ident(request)  # honours NUM_PROXIES behind a proxy
    message = f"{timezone.now().date().isoformat()}:{ident}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[
        :32
    ]


class HashedScopedRateThrottle(ScopedRateThrottle):
    def get_ident(self, request):
        return client_key(request)


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
