"""Every cache bounded in bytes: filling each with distinct documents stays under its
bound, its count is close to what tracemalloc sees, and /metrics shows the sums."""

from __future__ import annotations

import gc
import tracemalloc

from jobframe.api import Context, schema
from jobframe.api.document_cache import PARSED, VALIDATED
from jobframe.api.executor import PLANS
from jobframe.caches import ByteLRU, bound_caches, cache_bytes
from jobframe.loading import Served
from tests.web.conftest import client_of


def aliased(i: int, count: int = 100) -> str:
    return "{ " + " ".join(f"a{i}x{j}: __typename" for j in range(count)) + " }"


def test_a_cache_never_holds_more_than_its_bound() -> None:
    cache: ByteLRU[int, bytes] = ByteLRU("test", 10_000, lambda _, value: len(value))
    for key in range(1_000):
        cache.put(key, b"x" * 900)
        assert cache.bytes <= 10_000
    assert 0 < len(cache) <= 10
    cache.put(-1, b"x" * 20_000)
    assert cache.get(-1) is None and cache.bytes <= 10_000


def test_distinct_documents_fill_the_parse_validation_and_plan_caches_within_their_bounds(
    served: Served,
) -> None:
    bounds = {"parse": 2_000_000, "validation": 500_000, "plan": 1_000_000}
    bound_caches(bounds)
    try:
        context = Context(served=served, iri_base="https://example.org/", language=None)
        for i in range(200):
            schema.execute_sync(aliased(i, 30), context_value=context)  # refused: aliases
            schema.execute_sync(
                f"{{ r{i}: roleLevels(first: 2) {{ nodes {{ label }} }} }}", context_value=context
            )
        sizes = cache_bytes()
        for name, bound in bounds.items():
            assert 0 < sizes[name][0] <= bound, name
    finally:
        bound_caches({"parse": 32 * 2**20, "validation": 8 * 2**20, "plan": 32 * 2**20})


def test_the_parse_cache_counts_what_tracemalloc_sees_within_a_factor_of_two(
    served: Served,
) -> None:
    context = Context(served=served, iri_base="https://example.org/", language=None)
    PARSED.clear()
    VALIDATED.clear()
    PLANS.operations.clear()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(20):
        schema.execute_sync(aliased(1000 + i, 15), context_value=context)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    counted = PARSED.bytes + VALIDATED.bytes + PLANS.operations.bytes
    assert counted / 2 <= held <= counted * 2, (held, counted)


def test_metrics_show_each_caches_bytes_and_their_sum(served: Served) -> None:
    client = client_of(served)
    client.post("/graphql", json={"query": "{ roleLevels(first: 3) { nodes { label } } }"})
    lines = client.get("/metrics").text.splitlines()
    held = {
        line.split('"')[1]: float(line.split()[-1])
        for line in lines
        if line.startswith("jobframe_cache_bytes{")
    }
    assert set(held) >= {"parse", "validation", "plan", "response"}
    assert held["response"] > 0 and held["parse"] > 0
    total = next(
        float(line.split()[-1]) for line in lines if line.startswith("jobframe_caches_bytes ")
    )
    assert total >= sum(held[name] for name in ("parse", "validation", "plan", "response"))
