"""Every cache bounded in bytes: filling each with distinct documents stays under its
bound, its count is close to what tracemalloc sees, and /metrics shows the sums."""

from __future__ import annotations

import ast
import gc
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import jobframe
from jobframe.api import Context, default_schema
from jobframe.api.execution.document_cache import PARSED, VALIDATED
from jobframe.api.execution.executor import PLANS
from jobframe.caches import ByteLRU, bound_caches, cache_bytes
from jobframe.loading import Served
from tests.web.conftest import client_of

schema = default_schema()


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


def test_metrics_show_the_response_caches_bound_before_it_holds_anything(served: Served) -> None:
    """An empty cache read as none (its length is 0): the bound showed 0, what
    `--response-cache-mb 0` shows, until the first answer was kept."""
    lines = client_of(served, response_cache_mb=8).get("/metrics").text.splitlines()
    assert 'jobframe_cache_max_bytes{cache="response"} 8.388608e+06' in lines


PACKAGE = Path(jobframe.__file__).parent
MEMOISED = {
    ("api/types/ids.py", "encode_id"): "canon node IRIs, never a request's text; the last 65,536",
    ("api/limits/cost_limit.py", "_weights"): "one entry per schema",
    ("api/limits/cost_limit.py", "_parsed"): "the code's own documents; the last 16",
    ("api/limits/walk.py", "schema_sizes"): "one entry per schema",
    ("api/schema.py", "schema_for"): "one entry per set of limits apps are made with",
    ("checks/terms.py", "declared"): "one entry: the vocabulary file",
    ("checks/terms.py", "closest"): "terms read from canon files; the last 1,024",
    ("checks/shacl_sparql.py", "compile_shapes"): "one entry: the shapes file",
    ("checks/shapes.py", "shapes_graph"): "one entry: the shapes file",
    ("frames/quotes.py", "quoted_kinds"): "no arguments",
    ("frames/text.py", "_names"): "the layouts of the frame templates in the code",
    ("frames/wordings.py", "translations"): "no arguments",
    ("loading/snapshots.py", "_code_digest"): "no arguments",
    ("web/observability.py", "self.requests.labels"): "operation labels, capped",
    ("web/observability.py", "self.latency.labels"): "operation labels, capped",
}
"""Every memo outside `caches.ByteLRU`, and why what it keeps cannot grow with requests or
canons: a cache of what users send must count its bytes (`caches.ByteLRU`)."""
_MEMO = {"cache", "lru_cache", "functools.cache", "functools.lru_cache"}


def _memoised(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if ast.unparse(called) in _MEMO:
                    yield node.name
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in _MEMO and node.args:
            yield ast.unparse(node.args[0])  # functools.cache(f), memoising f


def _memos() -> set[tuple[str, str]]:
    return {
        (path.relative_to(PACKAGE).as_posix(), name)
        for path in PACKAGE.rglob("*.py")
        for name in _memoised(ast.parse(path.read_text("utf-8")))
    }


def test_every_memo_outside_the_byte_bounded_caches_is_one_that_cannot_grow() -> None:
    assert _memos() - MEMOISED.keys() == set(), "bound it in bytes (caches.ByteLRU) or add why"


def test_every_listed_memo_is_still_there() -> None:
    assert MEMOISED.keys() - _memos() == set()


def test_the_memo_scan_finds_each_way_of_memoising() -> None:
    found = set(
        _memoised(
            ast.parse(
                "@cache\ndef a(x): ...\n@functools.lru_cache(maxsize=None)\ndef b(x): ...\n"
                "c = functools.cache(d)\n"
            )
        )
    )
    assert found == {"a", "b", "d"}
