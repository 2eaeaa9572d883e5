"""The throttles' counter: one per client and window, shared by every app server."""

import time

import pytest

from schools.checkins.throttling import Window


def test_a_window_counts_in_one_shared_counter_that_expires(shared_cache):
    window = Window("test-window", 60)
    assert [window.add() for _ in range(3)] == [1, 2, 3]
    # Another app server (another Window, its own connection) adds to the same counter.
    assert Window("test-window", 60, now=window.now).add() == 4
    assert window.count() == 4
    # The next window starts again at one.
    assert Window("test-window", 60, now=window.now + 60).add() == 1


@pytest.mark.parametrize("shared_cache", ["redis"], indirect=True)
def test_a_window_counter_in_redis_expires_after_its_window(shared_cache):
    from django.core.cache import cache, caches

    window = Window("expiring", 1)
    window.add()
    client = caches["default"]._cache.get_client()
    ttl = client.ttl(cache.make_and_validate_key(window.key))
    assert 0 < ttl <= 2
    time.sleep(ttl + 0.2)
    assert window.count() == 0
