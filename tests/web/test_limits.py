"""Hostile or oversized requests get a coded GraphQL error and a 4xx where the spec says so,
never a 500, a stack trace or a file path."""

from __future__ import annotations

import logging
import re

import pytest

from jobframe.api.execution.document_cache import PARSED
from jobframe.loading import Served
from tests.web.conftest import client_of

ROLE = 'roleLevel(family: "Clinical Trials Operations", level: "M5")'
NESTED = (
    "frames",
    "sections",
    "rows",
    "fields",
    "line",
    "parts",
    "... on Quotation",
    "source",
    "node",
    "... on Responsibility",
    "source",
)
DEEP = "{ " + ROLE + "".join(f" {{ {f}" for f in NESTED) + " { id" + " }" * (len(NESTED) + 2)
"""The deepest path through the schema: 13 levels, counting the leaf."""
SPEC = {"Accept": "application/graphql-response+json"}


def code(response: object) -> str:
    errors = response.json()["errors"]  # type: ignore[attr-defined]
    return str(errors[0]["extensions"]["code"])


def assert_nothing_leaks(text: str) -> None:
    assert "Traceback" not in text
    assert not re.search(r"/(work|tmp|root|home|usr)/", text)
    assert ".py" not in text


def test_too_deep_a_query_is_refused(served: Served) -> None:
    plain = client_of(served, raise_server_exceptions=False, max_depth=5).post(
        "/graphql", json={"query": DEEP}
    )
    assert plain.status_code == 200 and code(plain) == "QUERY_TOO_DEEP"
    spec = client_of(served, raise_server_exceptions=False, max_depth=5).post(
        "/graphql", json={"query": DEEP}, headers=SPEC
    )
    assert spec.status_code == 400 and code(spec) == "QUERY_TOO_DEEP"
    assert spec.headers["content-type"].startswith("application/graphql-response+json")
    assert_nothing_leaks(spec.text)


def test_the_default_depth_admits_the_deepest_query_the_schema_needs(served: Served) -> None:
    response = client_of(served, raise_server_exceptions=False).post(
        "/graphql", json={"query": DEEP}, headers=SPEC
    )
    assert response.status_code == 200 and "errors" not in response.json()


def test_too_many_aliases_are_refused(served: Served) -> None:
    query = "{ " + " ".join(f"a{i}: dimensions {{ label }}" for i in range(30)) + " }"
    response = client_of(served, raise_server_exceptions=False).post(
        "/graphql", json={"query": query}, headers=SPEC
    )
    assert response.status_code == 400 and code(response) == "TOO_MANY_ALIASES"


def test_too_many_tokens_are_refused(served: Served) -> None:
    query = "{ " + " ".join("dimensions { label }" for _ in range(600)) + " }"
    response = client_of(served, raise_server_exceptions=False).post(
        "/graphql", json={"query": query}, headers=SPEC
    )
    assert response.status_code == 400 and code(response) == "TOO_MANY_TOKENS"
    assert_nothing_leaks(response.text)


def test_too_large_a_body_is_refused_with_413(served: Served) -> None:
    response = client_of(served, raise_server_exceptions=False, max_body_bytes=1000).post(
        "/graphql", json={"query": "{ dimensions { label } }", "padding": "x" * 2000}
    )
    assert response.status_code == 413 and code(response) == "BODY_TOO_LARGE"


def test_a_spent_time_budget_gives_one_error_and_no_data(served: Served) -> None:
    """Spent before its worker thread came, the request is not even parsed."""
    client = client_of(served, raise_server_exceptions=False, time_budget=0.0)
    PARSED.clear()
    response = client.post(
        "/graphql", json={"query": f"{{ {ROLE} {{ frames {{ text }} }} }}"}, headers=SPEC
    )
    assert response.status_code == 400 and len(PARSED) == 0
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": "the request ran out of its time budget",
                "extensions": {"code": "TIME_BUDGET_EXCEEDED"},
            }
        ],
    }


def test_a_fault_in_a_resolver_is_masked_for_clients_and_logged_in_full(
    served: Served, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("secret detail at /srv/canon/private.ttl")

    monkeypatch.setattr("jobframe.api.types.nodes.build_frame", broken)
    with caplog.at_level(logging.ERROR):
        response = client_of(served, raise_server_exceptions=False).post(
            "/graphql", json={"query": f"{{ {ROLE} {{ frame(kind: SMART) {{ text }} }} }}"}
        )
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["message"] == "Unexpected error."
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert "secret detail" not in response.text
    assert "secret detail at /srv/canon/private.ttl" in caplog.text


def test_a_not_found_answer_keeps_its_own_code(served: Served) -> None:
    response = client_of(served, raise_server_exceptions=False).post(
        "/graphql", json={"query": '{ roleLevel(family: "Nope", level: "M5") { label } }'}
    )
    assert code(response) == "NOT_FOUND"
    assert "closest" in response.json()["errors"][0]["extensions"]


def test_production_turns_off_introspection_and_graphiql(served: Served) -> None:
    production = client_of(served, raise_server_exceptions=False, production=True)
    introspection = production.post("/graphql", json={"query": "{ __schema { types { name } } }"})
    assert introspection.json()["data"] is None
    assert code(introspection) == "INTROSPECTION_DISABLED"
    page = production.get("/graphql", headers={"Accept": "text/html"})
    assert "graphiql" not in page.text.lower()
    assert (
        production.post("/graphql", json={"query": "{ dimensions { label } }"}).status_code == 200
    )
    assert (
        client_of(served, raise_server_exceptions=False)
        .post("/graphql", json={"query": "{ __schema { types { name } } }"})
        .json()["data"]
    )


def deep(depth: int) -> str:
    """A query `depth` levels deep as the depth limit counts them: the top-level field is at
    depth 0, its leaf field at `depth` (families -> nodes -> function -> families -> …)."""
    cycle = ("families", "nodes", "function")
    fields = [cycle[i % 3] for i in range(depth)]
    leaf = "totalCount" if fields[-1] == "families" else "label"
    return "{ " + " { ".join(fields) + f" {{ {leaf}" + " }" * len(fields) + " }"


def aliased(count: int) -> str:
    return "{ " + " ".join(f"a{i}: dimensions {{ label }}" for i in range(count)) + " }"


def tokens(count: int) -> str:
    """A query of exactly `count` tokens: `{ … }` is 2 of them, each fragment spread with its
    definition (`...Fk` and `fragment Fk on Query { __typename }`) 9, each `__typename` 1."""
    fragments, padding = divmod(count - 2, 9)
    spreads = " ".join(f"...F{k}" for k in range(fragments))
    defined = " ".join(f"fragment F{k} on Query {{ __typename }}" for k in range(fragments))
    return "{ " + spreads + " __typename" * padding + " } " + defined


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        (deep(12), None),
        (deep(13), "QUERY_TOO_DEEP"),
        (aliased(20), None),
        (aliased(21), "TOO_MANY_ALIASES"),
        (tokens(2000), None),
        (tokens(2001), "TOO_MANY_TOKENS"),
    ],
    ids=["depth-12", "depth-13", "aliases-20", "aliases-21", "tokens-2000", "tokens-2001"],
)
def test_the_default_limits_admit_their_bound_and_refuse_one_more(
    served: Served, query: str, refused: str | None
) -> None:
    response = client_of(served, raise_server_exceptions=False).post(
        "/graphql", json={"query": query}, headers=SPEC
    )
    if refused is None:
        assert response.status_code == 200, response.text
        assert "errors" not in response.json() and response.json()["data"]
    else:
        assert response.status_code == 400 and code(response) == refused
        assert response.json().get("data") is None


def test_the_limits_are_the_configured_ones_not_the_defaults(served: Served) -> None:
    client = client_of(
        served, raise_server_exceptions=False, max_depth=3, max_aliases=2, max_tokens=30
    )

    def answer(query: str) -> str | None:
        response = client.post("/graphql", json={"query": query})
        return code(response) if "errors" in response.json() else None

    assert answer(deep(3)) is None and answer(deep(4)) == "QUERY_TOO_DEEP"
    assert answer(aliased(2)) is None and answer(aliased(3)) == "TOO_MANY_ALIASES"
    assert answer(tokens(30)) is None and answer(tokens(31)) == "TOO_MANY_TOKENS"


def padded(size: int) -> bytes:
    """A JSON request body of exactly `size` bytes (the query padded with spaces)."""
    head, tail = b'{"query": "{ dimensions { label } }', b'"}'
    return head + b" " * (size - len(head) - len(tail)) + tail


def test_a_body_of_exactly_max_body_bytes_is_read_and_one_byte_more_is_413(
    served: Served,
) -> None:
    client = client_of(served, raise_server_exceptions=False)
    limit = 100_000
    assert len(padded(limit)) == limit
    at_limit = client.post(
        "/graphql", content=padded(limit), headers={"Content-Type": "application/json"}
    )
    assert at_limit.status_code == 200 and at_limit.json()["data"]["dimensions"]
    over = client.post(
        "/graphql", content=padded(limit + 1), headers={"Content-Type": "application/json"}
    )
    assert over.status_code == 413
    assert over.json() == {
        "errors": [
            {
                "message": f"the request body is larger than {limit} bytes",
                "extensions": {"code": "BODY_TOO_LARGE"},
            }
        ]
    }
    assert over.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "query,variables",
    [
        ('{ roleLevl(family: "x", level: "y") { label } }', {}),
        ('{ roleLevel(family: "a", level: "b") { frame(kind: SMRT) { title } } }', {}),
        (
            "query($k: FrameKind!) { "
            'roleLevel(family: "a", level: "b") { frame(kind: $k) { title } } }',
            {"k": "SMRT"},
        ),
    ],
    ids=["field", "enum value", "variable"],
)
def test_production_errors_suggest_no_schema_names(
    served: Served, query: str, variables: dict[str, str]
) -> None:
    body = {"query": query, "variables": variables}
    production = client_of(served, production=True).post("/graphql", json=body).json()
    development = client_of(served).post("/graphql", json=body).json()
    assert "Did you mean" in development["errors"][0]["message"]
    assert "Did you mean" not in production["errors"][0]["message"]
    assert "SMART" not in production["errors"][0]["message"]
    assert "roleLevels" not in production["errors"][0]["message"]


def test_production_names_no_suggestion_and_keeps_every_other_limit(served: Served) -> None:
    production = client_of(served, production=True, max_depth=3)
    typo = production.post("/graphql", json={"query": "{ roleLevl { label } }"}).json()
    assert typo["errors"][0]["message"] == "Cannot query field 'roleLevl' on type 'Query'."
    deep = production.post("/graphql", json={"query": DEEP}).json()
    assert deep["errors"][0]["extensions"]["code"] == "QUERY_TOO_DEEP"
