"""The one walk of a GraphQL document (`api/limits/walk.py`): each fragment once, cycles refused
without looping, the budget checked, every Int argument bounded, introspection costed."""

from __future__ import annotations

import time

import pytest
from graphql import GraphQLError, get_introspection_query, get_named_type, parse

from jobframe.api.context import Context
from jobframe.api.limits.arguments import INT_BOUNDS
from jobframe.api.limits.cost import schema_weights, served_sizes
from jobframe.api.limits.extensions import Limits
from jobframe.api.limits.walk import Walked, walk_operation
from jobframe.api.schema import default_schema
from jobframe.budget import BudgetSpent, budget
from jobframe.loading import Served
from tests.web.test_document_walk import fragment_bomb

schema = default_schema()

DEEP_INTROSPECTION = "__schema { types { fields { type { fields { type { name } } } } } }"
"""As deep as graphql-core's introspection depth rule admits: it cost 0 before."""


def walked(served: Served, query: str) -> Walked | None:
    return walk_operation(
        schema._schema, schema_weights(schema), served_sizes(served), parse(query), None, None
    )


def test_a_fragment_bomb_is_walked_once_per_fragment(served: Served) -> None:
    """2^60 spreads once expanded; 61 fragments walked."""
    started = time.monotonic()
    result = walked(served, fragment_bomb(60, "a: dimensions { label }"))
    assert time.monotonic() - started < 1.0
    assert result is not None
    assert result.aliases == 2**60
    assert result.cost - result.overlaps == 2**60 * len(served.canon.dimensions)  # a dimension 1
    assert result.overlaps == 60 * 2  # each fragment spreads the next twice: one pair, both ways
    assert result.depth == 1


def test_a_fragment_cycle_is_refused_by_the_walk_without_looping(served: Served) -> None:
    """graphql-core's validation refuses cycles first; the walk must not loop on one."""
    cycle = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }"
    with pytest.raises(GraphQLError, match='Cannot spread fragment "A" within itself'):
        walked(served, cycle)
    answer = schema.execute_sync(cycle, context_value=Context(served))
    assert answer.errors is not None and answer.data is None


def test_the_walk_stops_when_the_budget_is_spent(served: Served) -> None:
    with budget(0.0), pytest.raises(BudgetSpent):
        walked(served, fragment_bomb(21))


def test_every_int_argument_of_the_schema_has_a_bound() -> None:
    """A new Int argument without one would be refused whatever its value."""
    unbounded = [
        (type_name, field_name, name)
        for type_name, gql_type in schema._schema.type_map.items()
        if not type_name.startswith("__")
        for field_name, field in (getattr(gql_type, "fields", None) or {}).items()
        for name, argument in getattr(field, "args", {}).items()
        if get_named_type(argument.type).name == "Int" and name not in INT_BOUNDS
    ]
    assert not unbounded


def test_introspection_is_estimated_and_the_ide_query_admitted(served: Served) -> None:
    ide = schema.execute_sync(get_introspection_query(), context_value=Context(served))
    assert ide.errors is None
    assert 1_000 < ide.extensions["cost"]["estimate"] <= Limits.of().max_query_cost


def test_a_nested_introspection_query_is_refused_by_its_cost(served: Served) -> None:
    """Before: estimate 0, answered 148 KB."""
    query = "{ " + " ".join(f"a{i}: {DEEP_INTROSPECTION}" for i in range(10)) + " }"
    answer = schema.execute_sync(query, context_value=Context(served))
    assert answer.data is None
    [error] = answer.errors or []
    assert error.extensions is not None and error.extensions["code"] == "QUERY_TOO_COSTLY"


def test_a_document_over_a_limit_is_refused_before_graphql_core_validates_it(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validating a fragment bomb cost more than walking it (35 of ~50 ms): CPU a cheap
    query waited on. A valid document within the limits is still validated."""
    from jobframe.api.execution import document_cache

    validated: list[str] = []
    real = document_cache.validate_document

    def counted(*args: object) -> object:
        validated.append("validated")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(document_cache, "validate_document", counted)
    document_cache.VALIDATED.clear()  # other tests run the suite's own documents, this one's too
    context = Context(served=served, iri_base="https://x/", language=None)
    bomb = fragment_bomb(21, "dimensions { label }") + " # not cached"
    refused = schema.execute_sync(bomb, context_value=context)
    assert refused.errors and refused.errors[0].extensions["code"] == "QUERY_TOO_COSTLY"
    assert validated == []
    admitted = schema.execute_sync("{ dimensions { label } } # not cached", context_value=context)
    assert admitted.errors is None and validated == ["validated"]


def test_a_repeated_field_costs_the_pairs_validation_compares_once(served: Served) -> None:
    """Outside attack: one field 400 times (valid: identical fields merge) took 0.19 s to
    validate, 2.7 s beside 15 others, estimated at 2, so outside the costly lane."""

    def estimate(repeats: int, first: int) -> int:
        query = f"{{ roleLevels(first: {first}) {{ nodes {{ {'label ' * repeats}}} }} }}"
        found = walked(served, query)
        assert found is not None
        return found.cost

    once = estimate(1, 1)
    assert estimate(400, 1) - once >= 400 * 399 > 20_000  # over the default limit
    assert estimate(20, 100) - estimate(1, 100) == 20 * 19  # not times the list around it
