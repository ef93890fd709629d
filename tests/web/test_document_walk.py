"""One walk of a GraphQL document (issue 20, findings 1 and 2): fragments are walked once,
within the time budget, and every numeric argument is checked before the cost is estimated."""

from __future__ import annotations

import time
from pathlib import Path

import httpx2
import pytest

from jobframe.api.types.pagination import MAX_PAGE
from jobframe.loading import Served
from tests.servers import jobframe_serve
from tests.web.conftest import client_of

SPEC = {"Accept": "application/graphql-response+json"}
ISSUE_QUERY = (
    "{ functions(first: 100) { edges { node { families { nodes { roleLevels { nodes {"
    " frames { lines { text sources { quote node { iri } } } } } } } } } } } }"
)
"""Refused alone on 1,000 role-levels: its estimate is over the limit."""
MARGIN = 3.0
"""Seconds allowed past the time budget on a shared, noisy machine."""


def fragment_bomb(n: int, leaf: str = "__typename") -> str:
    """N fragments, each spreading the next twice: 2^N spreads once expanded (882 bytes and
    2,097,152 leaves at N=21), far under the token limit."""
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n))
    return "{ ...F0 } " + chain + f" fragment F{n} on Query {{ {leaf} }}"


def with_negative_sibling(query: str, first: int = -1_000_000) -> str:
    """The query with a sibling connection asking for a negative page."""
    sibling = f"b: roleLevels(first: {first}) {{ nodes {{ frames {{ text }} }} }}"
    return query.removesuffix("}") + sibling + " }"


def test_a_fragment_bomb_is_answered_within_the_time_budget(served: Served) -> None:
    """Before: N=21 answered 200 with data after 10.3 s, whatever the budget."""
    client = client_of(served, raise_server_exceptions=False, time_budget=2.0)
    started = time.monotonic()
    response = client.post("/graphql", json={"query": fragment_bomb(21)}, headers=SPEC)
    assert time.monotonic() - started < 2.0 + MARGIN
    assert response.status_code < 500


def test_a_fragment_bomb_of_aliases_is_refused_for_its_aliases(served: Served) -> None:
    """Every spread of a fragment counts its aliases again: 2^21 of them here."""
    client = client_of(served, raise_server_exceptions=False, time_budget=2.0)
    started = time.monotonic()
    response = client.post(
        "/graphql", json={"query": fragment_bomb(21, "a: __typename")}, headers=SPEC
    )
    assert time.monotonic() - started < 2.0 + MARGIN
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "TOO_MANY_ALIASES"
    assert error["message"] == "2097152 aliases found. Allowed: 20"


def test_a_fragment_bomb_of_costly_fields_is_refused_for_its_cost(served: Served) -> None:
    client = client_of(served, raise_server_exceptions=False, time_budget=2.0)
    started = time.monotonic()
    response = client.post(
        "/graphql", json={"query": fragment_bomb(21, "dimensions { label }")}, headers=SPEC
    )
    assert time.monotonic() - started < 2.0 + MARGIN
    assert response.status_code == 400
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["QUERY_TOO_COSTLY"]


def test_a_negative_first_beside_a_costly_query_is_refused_and_nothing_runs(
    thousand: Served,
) -> None:
    """Before: the sibling made the estimate negative (-267,896) and the refused query ran."""
    client = client_of(thousand, raise_server_exceptions=False)
    alone = client.post("/graphql", json={"query": ISSUE_QUERY}, headers=SPEC)
    assert alone.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    response = client.post(
        "/graphql", json={"query": with_negative_sibling(ISSUE_QUERY)}, headers=SPEC
    )
    assert response.status_code == 400
    body = response.json()
    assert body.get("data") is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "first"}
    assert error["message"] == (
        f"Query.roleLevels(first:) must be between 0 and {MAX_PAGE}, got -1000000"
    )


@pytest.mark.parametrize("first", [-1, MAX_PAGE + 1, 2**31 - 1])
def test_a_page_size_out_of_bounds_is_bad_user_input_naming_it(served: Served, first: int) -> None:
    query = "query($n: Int!) { families { nodes { roleLevels(first: $n) { totalCount } } } }"
    response = client_of(served).post("/graphql", json={"query": query, "variables": {"n": first}})
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "first"}
    assert "JobFamily.roleLevels(first:)" in error["message"]
    assert response.json()["data"] is None


def test_page_sizes_at_their_bounds_are_answered(served: Served) -> None:
    client = client_of(served)
    for first in (0, MAX_PAGE):
        response = client.post(
            "/graphql",
            json={"query": f"{{ dimensions {{ label }} levels(first: {first}) {{ totalCount }} }}"},
        )
        assert "errors" not in response.json()


def test_a_real_server_refuses_the_bomb_and_the_negative_page_and_stays_quick(
    tmp_path: Path,
) -> None:
    """Over a socket of `jobframe serve`, as the probe sent them."""
    with jobframe_serve(tmp_path / "serve.log", "--time-budget", "2") as url:
        started = time.monotonic()
        bomb = httpx2.post(f"{url}/graphql", json={"query": fragment_bomb(21)}, timeout=30)
        assert time.monotonic() - started < 2.0 + MARGIN
        assert bomb.status_code < 500
        negative = httpx2.post(
            f"{url}/graphql",
            json={"query": with_negative_sibling("{ dimensions { label } }")},
            timeout=30,
        )
        assert negative.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        cheap = httpx2.post(f"{url}/graphql", json={"query": "{ __typename }"}, timeout=30)
        assert cheap.json()["data"] == {"__typename": "Query"}
