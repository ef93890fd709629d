"""The error codes a GraphQL client can see, and how each error gets one.

Every error a client sees carries `extensions.code`, one of `ErrorCode`: a closed set that
clients switch on and the documentation lists in full. A fault in a resolver is masked for
the client as `Unexpected error.` and logged in full.
"""

from __future__ import annotations

import re
from enum import StrEnum

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from ..budget import BudgetSpent
from ..canon import NotFound


class ErrorCode(StrEnum):
    """`extensions.code` of every GraphQL error the service answers."""

    NOT_FOUND = "NOT_FOUND"
    """The family, level or role-level asked for is not in the canon; `closest` lists others."""
    BAD_REQUEST = "BAD_REQUEST"
    """The HTTP request is not a GraphQL request: a body that is not a JSON object in UTF-8,
    or `query`, `variables` or `extensions` of the wrong JSON type (HTTP 400)."""
    BAD_USER_INPUT = "BAD_USER_INPUT"
    """An argument or variable is out of range, malformed or of the wrong type (a page size
    over 100, a bad cursor, a number for a `String!` variable)."""
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    """The query is not valid GraphQL syntax."""
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    """The query asks for fields or arguments the schema does not have."""
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    """The query nests deeper than `--max-depth`."""
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    """The query has more aliases than `--max-aliases`."""
    TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
    """The query has more tokens than `--max-tokens`."""
    QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
    """The query's estimated cost is over `--max-query-cost`; `estimate` and `limit` say by
    how much, and nothing was executed. Ask for smaller pages or fewer fields."""
    BODY_TOO_LARGE = "BODY_TOO_LARGE"
    """The request body is larger than `--max-body-bytes` (HTTP 413)."""
    TIME_BUDGET_EXCEEDED = "TIME_BUDGET_EXCEEDED"
    """The request ran out of `--time-budget`; it answers no data and is never cached."""
    INTROSPECTION_TOO_DEEP = "INTROSPECTION_TOO_DEEP"
    """An introspection query nests `fields`, `interfaces` or `possibleTypes` too deeply."""
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
    """Introspection was asked of a service run with `--production`."""
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
    """A fault inside the service, answered as `Unexpected error.` and logged in full."""


def coded(message: str, code: ErrorCode, **extensions: object) -> GraphQLError:
    """A GraphQL error a client can act on, with its code and any further extensions."""
    return GraphQLError(message, extensions={"code": code.value, **extensions})


def not_found(error: NotFound) -> GraphQLError:
    """A NOT_FOUND error saying what was asked and the closest names the canon has."""
    return coded(
        str(error),
        ErrorCode.NOT_FOUND,
        what=error.what,
        asked=error.asked,
        closest=list(error.closest),
    )


_CODES = (
    (re.compile(r"exceeds maximum operation depth"), ErrorCode.QUERY_TOO_DEEP),
    (re.compile(r"aliases found\. Allowed"), ErrorCode.TOO_MANY_ALIASES),
    (re.compile(r"Document contains more than \d+ tokens"), ErrorCode.TOO_MANY_TOKENS),
    (re.compile(r"^Syntax Error"), ErrorCode.GRAPHQL_PARSE_FAILED),
    (re.compile(r"^Maximum introspection depth exceeded"), ErrorCode.INTROSPECTION_TOO_DEEP),
    (re.compile(r"introspection", re.IGNORECASE), ErrorCode.INTROSPECTION_DISABLED),
)
"""Errors raised by graphql-core and Strawberry's limiters, known by their messages."""


def code_of(error: GraphQLError) -> str:
    """The error's own code, else what kind of request error it is, else a fault."""
    own = (error.extensions or {}).get("code")
    if own:
        return str(own)
    if error.path is None and error.message.startswith("Variable '$"):
        return ErrorCode.BAD_USER_INPUT.value  # a variable the client sent does not coerce
    if isinstance(error.original_error, BudgetSpent):
        return ErrorCode.TIME_BUDGET_EXCEEDED.value
    if error.original_error is not None:
        return ErrorCode.INTERNAL_SERVER_ERROR.value
    for pattern, code in _CODES:
        if pattern.search(error.message):
            return code.value
    if error.path is None:
        return ErrorCode.GRAPHQL_VALIDATION_FAILED.value
    return ErrorCode.INTERNAL_SERVER_ERROR.value


def add_code(error: GraphQLError) -> GraphQLError:
    error.extensions = {**(error.extensions or {}), "code": code_of(error)}
    return error


def is_fault(error: GraphQLError) -> bool:
    return code_of(error) == ErrorCode.INTERNAL_SERVER_ERROR.value


class MaskFaults(MaskErrors):
    """Masks a fault in a resolver as `Unexpected error.` (INTERNAL_SERVER_ERROR); answers
    with a code of their own (NOT_FOUND, TIME_BUDGET_EXCEEDED, …) pass unchanged."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_fault)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": ErrorCode.INTERNAL_SERVER_ERROR.value}
        return masked
