"""Limits per client without keeping client addresses: the address is hashed with the
secret key and the date, and the hash lives only in the cache, for minutes.

Two kinds of limit, both counted per fixed window with one counter in the shared cache:
- a request rate per client (DRF's "pupils" rate), for the API and the pupil pages alike;
  each process takes numbers from the counter in small batches (`rate_batch`), so most
  requests do not wait for the cache;
- wrong join codes, per client and in all (a budget for the whole platform). Over either,
  a wrong code gets 429 instead of 404, but a valid code is always answered: a school is
  one address, and one pupil trying codes must not lock her school out of its check-in.
  What slows guessing is the request rate; the wrong-code limits make it visible (a 429,
  a warning in the log when the platform-wide budget runs out). docs/security.md has
  the figures."""

import hashlib
import hmac
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.throttling import ScopedRateThrottle

from cms.client_address import client_address
from schools.checkins import services

logger = logging.getLogger(__name__)


def client_key(request):
    ident = client_address(request)  # the lockout's rule: NUM_PROXIES behind a proxy
    message = f"{timezone.now().date().isoformat()}:{ident}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[
        :32
    ]


class Window:
    """A counter per fixed window of `seconds` in the shared cache.

    DRF's own throttle keeps a list of every request's time in the window and reads and
    writes it whole on every request: a school's pupils share one address, so at 600 a
    minute that is hundreds of timestamps per answer. A counter per window is constant
    work (one increment). The price: a burst at the edge of two windows may reach twice the
    rate for a moment, which these limits (against scripts, not pupils) can bear."""

    def __init__(self, key, seconds, *, now=None, batches=None):
        self.seconds = seconds
        self.now = time.time() if now is None else now
        window = int(self.now // seconds)
        self.key = f"{key}:{window}"
        self.end = (window + 1) * seconds
        self.batches = BATCHES if batches is None else batches

    def count(self):
        return cache.get(self.key, 0)

    def add(self, *, batch=1):
        """Count one more; the number this one got, unique in the window. With `batch` 1
        it is the count so far. With a larger batch this process takes `batch` numbers
        from the shared counter at once and hands them out one by one, so the shared cache
        is asked once per batch. A limit on the number still lets no more than `limit`
        through in a window (every number is given once); it may refuse a few early, up to
        (batch - 1) for every other process holding numbers it has not used yet."""
        if batch == 1:
            return self._add_to_shared(1)
        taken = self.batches.next(self.key)
        if taken is not None:
            return taken
        last = self._add_to_shared(batch)
        self.batches.keep(self.key, last - batch + 2, last, self.end)
        return last - batch + 1

    def _add_to_shared(self, amount):
        """Add `amount` to the shared counter; the total. In Redis one round trip (a
        pipeline that makes the counter with its expiry if it is new, and adds); Django's
        own `incr` asks whether the key exists first, a second round trip."""
        client = _redis_client()
        if client is not None:
            key = cache.make_and_validate_key(self.key)
            pipeline = client.pipeline(transaction=False)
            pipeline.set(key, 0, ex=self.seconds + 1, nx=True)
            pipeline.incrby(key, amount)
            return pipeline.execute()[1]
        try:
            return cache.incr(self.key, amount)
        except ValueError:  # the first of this window
            if cache.add(self.key, amount, self.seconds + 1):
                return amount
            return cache.incr(self.key, amount)

    def wait(self):
        return max(self.end - self.now, 0)


class Batches:
    """The numbers this process took from shared counters and has not handed out yet:
    key -> [next, last, window end]. Thread-safe (a gthread worker serves several
    requests at once); entries of windows that ended are dropped as new ones come."""

    PRUNE_AT = 1024

    def __init__(self):
        self._numbers = {}
        self._lock = threading.Lock()

    def clear(self):
        with self._lock:
            self._numbers.clear()

    def next(self, key):
        with self._lock:
            numbers = self._numbers.get(key)
            if numbers is None or numbers[0] > numbers[1]:
                return None
            numbers[0] += 1
            return numbers[0] - 1

    def keep(self, key, first, last, end):
        with self._lock:
            if len(self._numbers) >= self.PRUNE_AT:
                now = time.time()
                self._numbers = {k: v for k, v in self._numbers.items() if v[2] > now}
            self._numbers[key] = [first, last, end]


BATCHES = Batches()


def _redis_client():
    """The shared cache's Redis client, or None when the cache is not Redis (a laptop's
    local memory). Django's cache API has no "add one, and expire if new" in one call."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    # One client per cache (redis-py's Redis() builds its reply table anew each time;
    # Django makes one per call). It is thread-safe and shares the cache's pool.
    client = getattr(backend, "_window_client", None)
    if client is None:
        client = backend._window_client = backend._cache.get_client(write=True)
    return client


class HashedScopedRateThrottle(ScopedRateThrottle):
    """DRF's scoped rate per hashed client address, counted in a `Window`."""

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
        self.window = Window(ident, self.duration, now=self.timer())
        return self.window.add(batch=rate_batch(self.num_requests)) <= self.num_requests

    def wait(self):
        return self.window.wait()


def pupil_rate_exceeded(request):
    """True when this client has passed the "pupils" rate; counts this request. The
    pupil pages share the pupil API's rate and counter: one budget per school."""
    throttle = HashedScopedRateThrottle()
    throttle.scope = "pupils"
    limit, seconds = throttle.parse_rate(throttle.THROTTLE_RATES["pupils"])
    key = throttle.cache_format % {"scope": "pupils", "ident": client_key(request)}
    return Window(key, seconds).add(batch=rate_batch(limit)) > limit


def follower_rate_exceeded(code, pupils):
    """True when the screens that follow one lesson run (schools.runs, they carry its
    follower tag) have passed their own rate: FOLLOWER_PAGES_PER_PUPIL a minute for every
    pupil of the class; counts this request. They load a page at the board's pace, so they
    are counted per run, not against their school's "pupils" rate: a school whose classes
    follow their boards does not lock its own check-ins (or each other) out, and a screen
    that keeps reloading is stopped at its own run."""
    limit = settings.FOLLOWER_PAGES_PER_PUPIL * max(pupils, 1)
    return Window(f"follower-pages:{code}", 60).add(batch=rate_batch(limit)) > limit


def rate_batch(limit):
    """How many numbers of a request rate's counter a process takes at once: one round trip
    to the shared cache per batch instead of per request. At most 1/64 of the limit (so
    each process may count up to 1.5% of it early), at most 8, and 1 (exact) for limits
    under 128. Wrong codes are counted exactly (batch 1): they are few, and their limits
    small."""
    return max(1, min(RATE_BATCH_MAX, limit // 64))


RATE_BATCH_MAX = 8


class WrongCodes:
    """Wrong join codes, per client and for the whole platform, per window."""

    def __init__(self, *, per_client, in_all, seconds):
        self.per_client, self.in_all, self.seconds = per_client, in_all, seconds

    def _windows(self, request):
        return (
            Window(f"wrong-codes:{client_key(request)}", self.seconds),
            Window("wrong-codes:all", self.seconds),
        )

    def record(self, request):
        """Count a wrong code; True when it is one too many (answer 429)."""
        own, everyone = self._windows(request)
        over = own.add() > self.per_client
        total = everyone.add()
        if total == self.in_all + 1:
            logger.warning(
                "More than %s wrong join codes in %s seconds: someone may be guessing.",
                self.in_all,
                self.seconds,
            )
        return over or total > self.in_all


WRONG_CODES = WrongCodes(per_client=30, in_all=600, seconds=300)


class TooManyWrongCodes(services.CheckInError):
    status = 429
    message = _("Too many wrong codes. Wait a few minutes and try again.")


def find_session_for(request, code):
    """The session with this code, for a pupil's request: the one way the pupil pages
    and the pupil API look a code up. A valid code is always found; a wrong one raises
    SessionNotFound, or TooManyWrongCodes once this client or everyone together has
    typed too many."""
    try:
        return services.find_session(code)
    except services.SessionNotFound:
        if WRONG_CODES.record(request):
            raise TooManyWrongCodes from None
        raise
