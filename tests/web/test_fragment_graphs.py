"""Any graph of fragments (chains, diamonds, cycles, wide spreads, up to the token limit) is
answered within the time budget, never with a 5xx or an unexpected error: the walk of the
document visits each fragment once and checks the budget (`api/limits/walk.py`)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from jobframe.api.errors import ErrorCode
from jobframe.loading import Served
from tests.web.conftest import client_of

BUDGET = 2.0
MARGIN = 3.0
"""Seconds allowed past the budget on a shared, noisy machine."""
CODES = {code.value for code in ErrorCode} - {ErrorCode.INTERNAL_SERVER_ERROR.value}
LEAVES = (
    "__typename",
    "a<n>: __typename",
    "dimensions { label }",
    "levels(first: <first>) { totalCount }",
    "roleLevels(first: <first>) { nodes { label frames { text } } }",
    "families { nodes { roleLevels { nodes { id } } } }",
    "__schema { types { name fields { name } } }",
    '__type(name: "RoleLevel") { fields { name } }',
)
PAGES = st.sampled_from([0, 1, 5, 100, 101, -1, -1_000_000, 2**31 - 1])


@st.composite
def fragment_graphs(draw: st.DrawFn) -> str:
    """A document: an operation spreading some of `count` fragments on Query, each fragment
    spreading others (forward only, so a DAG: chains and diamonds; or back too, so cycles)
    and holding some leaves."""
    count = draw(st.integers(1, 40))
    cyclic = draw(st.booleans())
    bodies = []
    for i in range(count):
        targets = range(count) if cyclic else range(i + 1, count)
        spreads = draw(st.lists(st.sampled_from(targets), max_size=4)) if targets else []
        leaves = draw(st.lists(st.sampled_from(LEAVES), max_size=2))
        parts = [f"...F{j}" for j in spreads] + [
            leaf.replace("<n>", f"{i}_{k}").replace("<first>", str(draw(PAGES)))
            for k, leaf in enumerate(leaves)
        ]
        bodies.append(f"fragment F{i} on Query {{ {' '.join(parts) or '__typename'} }}")
    wide = draw(st.integers(1, 200))
    top = " ".join(f"...F{draw(st.integers(0, count - 1))}" for _ in range(wide))
    return "{ " + top + " } " + " ".join(bodies)


def chain(n: int) -> str:
    return (
        "{ ...F0 } "
        + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n))
        + f" fragment F{n} on Query {{ dimensions {{ label }} }}"
    )


def assert_answered_in_time(client: TestClient, query: str) -> None:
    started = time.monotonic()
    response = client.post("/graphql", json={"query": query})
    assert time.monotonic() - started < BUDGET + MARGIN, query
    assert response.status_code < 500, response.text[:300]
    codes = {e["extensions"]["code"] for e in response.json().get("errors", [])}
    assert codes <= CODES, response.text[:300]


def test_chains_of_fragments_up_to_the_token_limit_are_answered_in_time(served: Served) -> None:
    client = client_of(served, raise_server_exceptions=False, time_budget=BUDGET)
    for n in (10, 21, 25, 60, 200, 230):  # 230: over the token limit
        assert_answered_in_time(client, chain(n))


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.slow
@given(query=fragment_graphs())
def test_any_graph_of_fragments_is_answered_in_time(served: Served, query: str) -> None:
    client = client_of(served, raise_server_exceptions=False, time_budget=BUDGET)
    assert_answered_in_time(client, query)
