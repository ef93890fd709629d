"""Every error code has a trigger, and each trigger gets its code from where the error is
made, not from its wording (issue 21: codes were matched by regex over graphql-core's and
Strawberry's messages, so a rewording upstream changed what clients see)."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLError

from jobframe.api import ErrorCode
from jobframe.api.errors import code_of
from jobframe.loading import Served

from ..web.conftest import client_of

ROLE = 'roleLevel(family: "Clinical Trials Operations", level: "M5")'
INTROSPECTION = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"
TRIGGERS: dict[ErrorCode, tuple[dict[str, Any], dict[str, Any]]] = {
    ErrorCode.NOT_FOUND: ({}, {"query": '{ roleLevel(family: "Nope", level: "M5") { label } }'}),
    ErrorCode.BAD_REQUEST: ({}, {"query": 1}),
    ErrorCode.BAD_USER_INPUT: (
        {},
        {
            "query": "query($n: Int!) { roleLevels(first: $n) { totalCount } }",
            "variables": {"n": "many"},
        },
    ),
    ErrorCode.GRAPHQL_PARSE_FAILED: ({}, {"query": "{ roleLevels "}),
    ErrorCode.GRAPHQL_VALIDATION_FAILED: ({}, {"query": "{ nope }"}),
    ErrorCode.QUERY_TOO_DEEP: (
        {"max_depth": 1},
        {"query": f"{{ {ROLE} {{ family {{ label }} }} }}"},
    ),
    ErrorCode.TOO_MANY_ALIASES: ({"max_aliases": 1}, {"query": "{ a: __typename b: __typename }"}),
    ErrorCode.TOO_MANY_TOKENS: ({"max_tokens": 10}, {"query": "{ " + "a " * 20 + "}"}),
    ErrorCode.QUERY_TOO_COSTLY: ({"max_query_cost": 1}, {"query": "{ dimensions { label } }"}),
    ErrorCode.BODY_TOO_LARGE: ({"max_body_bytes": 100}, {"query": "{ " + "a " * 200 + "}"}),
    ErrorCode.TIME_BUDGET_EXCEEDED: ({"time_budget": 0.0}, {"query": f"{{ {ROLE} {{ label }} }}"}),
    ErrorCode.INTROSPECTION_TOO_DEEP: ({}, {"query": INTROSPECTION}),
    ErrorCode.INTROSPECTION_DISABLED: (
        {"production": True},
        {"query": "{ __schema { types { name } } }"},
    ),
}
"""Each code's trigger: the settings changed and the request's JSON body. A fault
(INTERNAL_SERVER_ERROR) is triggered in tests/web/test_limits.py, by a broken resolver."""


def test_every_code_but_a_fault_has_a_trigger_here() -> None:
    assert set(TRIGGERS) == set(ErrorCode) - {ErrorCode.INTERNAL_SERVER_ERROR}


@pytest.mark.parametrize("code", list(TRIGGERS), ids=str)
def test_each_trigger_gets_its_code(served: Served, code: ErrorCode) -> None:
    settings, body = TRIGGERS[code]
    answer = client_of(served, raise_server_exceptions=False, **settings).post(
        "/graphql", json=body
    )
    codes = {error["extensions"]["code"] for error in answer.json()["errors"]}
    assert codes == {code.value}


def test_a_reworded_message_keeps_its_code() -> None:
    """Only where an error comes from decides its code: the messages graphql-core and
    Strawberry use for limits and syntax, given to a plain validation error, code nothing."""
    for message in (
        "Syntax Error: Unexpected Name",
        "Document contains more than 10 tokens. Parsing aborted.",
        "Maximum introspection depth exceeded",
        "GraphQL introspection has been disabled",
        "'q' exceeds maximum operation depth of 1",
        "Variable '$n' got invalid value",
    ):
        assert code_of(GraphQLError(message)) == ErrorCode.GRAPHQL_VALIDATION_FAILED.value
