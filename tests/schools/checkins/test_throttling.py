"""The throttles' counter: one per client and window, shared by every app server."""

import time

import pytest

from schools.checkins.throttling import Batches, Window, rate_batch


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


def test_a_rate_counter_is_asked_once_per_batch(shared_cache):
    window = Window("batched", 60, batches=Batches())
    numbers = [window.add(batch=8) for _ in range(16)]
    assert numbers == list(range(1, 17))
    assert window.count() == 16  # two batches taken, not sixteen increments
    window.add(batch=8)
    assert window.count() == 24


def test_batches_of_several_servers_never_let_more_than_the_limit_through(shared_cache):
    limit, batch = 20, 8
    servers = [Batches(), Batches(), Batches()]
    now = time.time()
    numbers = [
        Window("limited", 60, now=now, batches=servers[turn % 3]).add(batch=batch)
        for turn in (0, 1, 0, 0, 2, 1, 0, 2, 2, 1, 0, 0, 1, 2) * 4
    ]
    assert len(set(numbers)) == len(numbers)  # each number is given once
    allowed = sum(number <= limit for number in numbers)
    assert allowed <= limit
    assert allowed >= limit - (batch - 1) * (len(servers) - 1)


def test_a_rate_batch_is_a_small_share_of_its_limit():
    assert rate_batch(600) == 8  # the pupils' rate: one round trip per 8 requests
    assert rate_batch(120) == 1  # the results' rate: counted exactly
    assert rate_batch(3) == 1
    assert all(rate_batch(limit) - 1 <= limit * 0.016 for limit in range(1, 10_000))
