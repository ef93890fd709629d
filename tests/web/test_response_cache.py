"""The response cache: bounded by the bytes of its bodies, least recently used out first, one
canon version at a time."""

from __future__ import annotations

from jobframe.web.response_cache import CachedResponse, ResponseCache


def response(size: int) -> CachedResponse:
    return CachedResponse(200, ((b"content-type", b"application/json"),), b"x" * size)


def test_a_new_cache_is_empty_and_of_no_version() -> None:
    cache = ResponseCache(max_bytes=10)
    assert (len(cache), cache.size, cache.version) == (0, 0, None)
    assert cache.get("v1", "a") is None


def test_a_body_of_exactly_the_budget_is_kept_and_one_byte_more_is_not() -> None:
    cache = ResponseCache(max_bytes=10)
    cache.put("v1", "fits", response(10))
    assert cache.get("v1", "fits") == response(10) and cache.size == 10
    cache.put("v1", "big", response(11))
    assert cache.get("v1", "big") is None
    assert cache.get("v1", "fits") == response(10) and cache.size == 10


def test_storing_a_key_again_replaces_it_and_counts_its_bytes_once() -> None:
    cache = ResponseCache(max_bytes=10)
    cache.put("v1", "a", response(4))
    cache.put("v1", "a", response(6))
    assert (len(cache), cache.size) == (1, 6)
    assert cache.get("v1", "a") == response(6)
    cache.put("v1", "b", response(4))
    assert (len(cache), cache.size) == (2, 10)


def test_the_least_recently_used_response_goes_first() -> None:
    cache = ResponseCache(max_bytes=10)
    cache.put("v1", "a", response(5))
    cache.put("v1", "b", response(5))
    assert cache.get("v1", "a") is not None  # now b is the least recently used
    cache.put("v1", "c", response(5))
    assert cache.get("v1", "b") is None
    assert cache.get("v1", "a") is not None and cache.get("v1", "c") is not None
    assert cache.size == 10


def test_a_new_version_drops_every_response_of_the_old_one() -> None:
    cache = ResponseCache(max_bytes=10)
    cache.put("v1", "a", response(5))
    cache.put("v2", "b", response(3))
    assert (len(cache), cache.size, cache.version) == (1, 3, "v2")
    assert cache.get("v1", "a") is None and cache.get("v2", "a") is None
