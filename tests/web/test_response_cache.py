"""The response cache: bounded by the memory its entries hold (body, headers, key and a fixed
overhead, not the body alone), least recently used out first, one served state at a time."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from jobframe.loading import Served
from jobframe.web.response_cache import (
    ENTRY_OVERHEAD,
    CachedResponse,
    ResponseCache,
    entry_size,
)
from tests.web.conftest import client_of


def response(size: int) -> CachedResponse:
    return CachedResponse(200, ((b"content-type", b"application/json"),), b"x" * size)


def cost(size: int) -> int:
    """What an entry with a one-letter key and a body of `size` bytes counts for."""
    return entry_size("k", response(size))


def test_an_entry_counts_its_key_headers_body_and_overhead() -> None:
    assert cost(10) == ENTRY_OVERHEAD + 1 + len(b"content-type") + len(b"application/json") + 10


def test_a_new_cache_is_empty_and_of_no_version() -> None:
    cache = ResponseCache(max_bytes=10)
    assert (len(cache), cache.size, cache.version) == (0, 0, None)
    assert cache.get("v1", "a") is None


def test_an_entry_of_exactly_the_budget_is_kept_and_one_byte_more_is_not() -> None:
    cache = ResponseCache(max_bytes=cost(10))
    cache.put("v1", "f", response(10))
    assert cache.get("v1", "f") == response(10) and cache.size == cost(10)
    cache.put("v1", "b", response(11))
    assert cache.get("v1", "b") is None
    assert cache.get("v1", "f") == response(10) and cache.size == cost(10)


def test_storing_a_key_again_replaces_it_and_counts_it_once() -> None:
    cache = ResponseCache(max_bytes=cost(4) + cost(6))
    cache.put("v1", "a", response(4))
    cache.put("v1", "a", response(6))
    assert (len(cache), cache.size) == (1, cost(6))
    assert cache.get("v1", "a") == response(6)
    cache.put("v1", "b", response(4))
    assert (len(cache), cache.size) == (2, cost(4) + cost(6))


def test_the_least_recently_used_response_goes_first() -> None:
    cache = ResponseCache(max_bytes=2 * cost(5))
    cache.put("v1", "a", response(5))
    cache.put("v1", "b", response(5))
    assert cache.get("v1", "a") is not None  # now b is the least recently used
    cache.put("v1", "c", response(5))
    assert cache.get("v1", "b") is None
    assert cache.get("v1", "a") is not None and cache.get("v1", "c") is not None
    assert cache.size == 2 * cost(5)


def test_a_new_state_drops_every_response_of_the_old_one() -> None:
    cache = ResponseCache(max_bytes=2 * cost(5))
    cache.put("v1", "a", response(5))
    cache.put("v2", "b", response(3))
    assert (len(cache), cache.size, cache.version) == (1, cost(3), "v2")
    assert cache.get("v1", "a") is None and cache.get("v2", "a") is None


@pytest.mark.slow
def test_thousands_of_tiny_answers_stay_within_the_configured_memory(served: Served) -> None:
    """Counted by body alone, 1,000 cached 31-byte answers held 4 MB (orjson's 4 KB buffers).
    What the web layer still holds after them (allocated in `web/`: answers, their copies,
    cache entries) stays within the configured bound."""
    client = client_of(served, response_cache_mb=1)
    gc.collect()
    tracemalloc.start()
    try:
        for n in range(1000):
            client.post("/graphql", json={"query": f"{{ b{n}: __typename }}"})
        gc.collect()
        held = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, "*/web/*")])
    finally:
        tracemalloc.stop()
    assert sum(stat.size for stat in held.statistics("filename")) < 1.25 * 2**20
