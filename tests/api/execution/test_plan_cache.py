"""Plans are compiled once per document, and once per value of the variables its `@skip`
and `@include` read; the cache counts what an operation keeps alive."""

from __future__ import annotations

from typing import Any

import pytest

from jobframe.api import Context, default_schema
from jobframe.api.execution import plan_cache
from jobframe.api.execution.executor import PLANS
from jobframe.loading import Served
from tests.api.execution.answers import answer, both

schema = default_schema()


def compiled_during(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every plan compiled from now on."""
    seen: list[Any] = []
    real = plan_cache.compile_plan

    def counting(run: Any) -> Any:
        seen.append(run)
        return real(run)

    monkeypatch.setattr(plan_cache, "compile_plan", counting)
    return seen


def test_a_document_run_again_is_not_compiled_again(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    PLANS.operations.clear()
    compiled = compiled_during(monkeypatch)
    query = "{ tracks { label } } # plan cache"
    for _ in range(3):
        assert schema.execute_sync(query, context_value=Context(served)).errors is None
    assert len(compiled) == 1


def test_skip_and_include_by_variable_give_one_plan_each(served: Served) -> None:
    query = "query ($yes: Boolean!) { tracks { label @include(if: $yes) iri @skip(if: $yes) } }"
    for yes in (True, False, True):
        assert both(served, query, {"yes": yes})
    assert "label" in answer(served, query, {"yes": True})["data"]["tracks"][0]
    assert "iri" in answer(served, query, {"yes": False})["data"]["tracks"][0]


def test_an_operation_keeps_at_most_its_variants_of_plans(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    PLANS.operations.clear()
    monkeypatch.setattr(plan_cache, "VARIANTS", 2)
    compiled = compiled_during(monkeypatch)
    query = """query ($a: Boolean!, $b: Boolean!) {
      tracks { label @include(if: $a) iri @skip(if: $b) } }"""
    combinations = [(a, b) for a in (True, False) for b in (True, False)]
    for a, b in combinations * 2:
        assert answer(served, query, {"a": a, "b": b})["errors"] is None
    assert len(compiled) == 2 + 2 * 2  # two kept; the other two compiled every time
    assert len(PLANS.operations) == 1


def test_a_plan_counts_the_text_its_operation_keeps_alive(served: Served) -> None:
    """An operation keeps its whole document through its locations: a 90,000-character
    comment was counted as the few nodes beside it, so the plan cache held ten times its
    bound (outside attack: 19.45 MB counted, 197 MB of memory)."""
    context = Context(served=served, iri_base="https://example.org/", language=None)
    PLANS.operations.clear()
    comment = "# " + "x" * 90_000 + "\n"
    assert schema.execute_sync(comment + "{ dimensions { label } }", context_value=context).data
    assert PLANS.operations.bytes > 90_000
