"""Requests that are not GraphQL requests, or carry input that cannot be used, are the
client's mistake: a 4xx with a coded GraphQL error, never a 500 and never a logged fault."""

from __future__ import annotations

import logging

import pytest

from jobframe.loading import Served
from tests.web.conftest import client_of

JSON = {"content-type": "application/json"}
USES_F = b'"query":"query($f: String!) { roleLevel(family: $f, level: \\"M5\\") { label } }"'

BODIES = {
    "a number": b"42",
    "null": b"null",
    "a string": b'"x"',
    "a leading NUL byte": b"\x00{}",
    "bytes that are not UTF-8 in a string": b'{"query":"\xff\xfe"}',
    "a lone surrogate in a variable": b"{" + USES_F + b',"variables":{"f":"\\ud800"}}',
    "2,000 nested arrays in variables": (
        b'{"query":"{ __typename }","variables":{"a":' + b"[" * 2000 + b"]" * 2000 + b"}}"
    ),
    "variables that are a list": b'{"query":"{ __typename }","variables":[1]}',
    "a query that is a number": b'{"query":5}',
    "extensions that are a string": b'{"query":"{ __typename }","extensions":"x"}',
}


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_a_body_that_is_not_a_graphql_request_is_400_bad_request(
    served: Served, body: bytes
) -> None:
    client = client_of(served, raise_server_exceptions=False)
    response = client.post("/graphql", content=body, headers=JSON)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    again = client.post("/graphql", json={"query": "{ __typename }"})
    assert again.json()["data"] == {"__typename": "Query"}


@pytest.mark.parametrize("variables", ["[1]", '{"a": "\\ud800"}', "{not json", '"x"'], ids=str)
def test_get_variables_that_are_not_a_json_object_are_400_bad_request(
    served: Served, variables: str
) -> None:
    response = client_of(served, raise_server_exceptions=False).get(
        "/graphql", params={"query": "{ __typename }", "variables": variables}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_variable_of_the_wrong_type_is_bad_user_input_and_logs_no_traceback(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = client_of(served).post(
            "/graphql", content=b"{" + USES_F + b',"variables":{"f":123}}', headers=JSON
        )
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "String cannot represent a non string value: 123" in error["message"]
    assert not [r for r in caplog.records if r.exc_info or "\n" in r.getMessage()]


def test_too_deep_introspection_has_its_own_code_with_introspection_on(served: Served) -> None:
    nested = "fields { type { " * 3
    query = "{ __schema { types { " + nested + "fields { name }" + " } }" * 3 + " } } }"
    response = client_of(served).post("/graphql", json={"query": query})
    [error] = response.json()["errors"]
    assert error["message"] == "Maximum introspection depth exceeded"
    assert error["extensions"]["code"] == "INTROSPECTION_TOO_DEEP"


@pytest.mark.parametrize("query", ["{}", "query A {}", "{ roleLevels { nodes {} } }"])
def test_an_empty_selection_set_is_a_syntax_error_not_a_fault(served: Served, query: str) -> None:
    """Found by fuzzing: `{}` parsed, and the depth limiter failed on it (max of nothing)."""
    for response in (
        client_of(served).post("/graphql", json={"query": query}),
        client_of(served).get("/graphql", params={"query": query}),
    ):
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


@pytest.mark.parametrize("depth", [956, 1000, 1022])
def test_json_nested_just_under_orjsons_limit_is_read_not_a_500(served: Served, depth: int) -> None:
    """Found by fuzzing: Python's json ran out of recursion where orjson's 1,024 had let it in."""
    nested = b"[" * depth + b"]" * depth
    client = client_of(served, raise_server_exceptions=False)
    body = b'{"query":"{ __typename }","variables":{"v":' + nested + b"}}"
    posted = client.post("/graphql", content=body, headers=JSON)
    got = client.get(
        "/graphql", params={"query": "{ __typename }", "variables": '{"v":' + nested.decode() + "}"}
    )
    for response in (posted, got):
        assert response.status_code == 200
        assert response.json()["data"] == {"__typename": "Query"}


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("POST", {"content": b"{ __typename }", "headers": {"content-type": "text/plain"}}, 400),
        ("POST", {"json": {"query": "{ __typename }", "operationName": "Nope"}}, 400),
        ("GET", {"params": {"query": "mutation { x }"}}, 400),
        ("PUT", {}, 405),
    ],
    ids=["unsupported media type", "unknown operation", "mutation by GET", "PUT"],
)
def test_strawberrys_own_refusals_are_coded_json_too(
    served: Served, method: str, kwargs: dict[str, object], status: int
) -> None:
    response = client_of(served).request(method, "/graphql", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
