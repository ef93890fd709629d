"""The error codes a GraphQL client can see, and how each error gets one.

Every error a client sees carries `extensions.code`, one of `ErrorCode`: a closed set that
clients switch on and the documentation lists in full. A code comes from where the error
was made, never from its wording (a reworded message upstream would change the codes
clients see): JobFrame's own errors are coded where raised, a syntax error by its type and
where the parser stopped, a validation error by the rule that found it (`coded_rule`), a
variable that does not coerce where the executor is built (`execution/executor.py`). A fault in a
resolver is masked for the client as `Unexpected error.` and logged in full.
"""

from __future__ import annotations

from enum import StrEnum

from graphql import GraphQLError, GraphQLSyntaxError, Lexer, Source, TokenKind
from graphql.validation import ASTValidationRule, MaxIntrospectionDepthRule
from graphql.validation.rules.custom.no_schema_introspection import (
    NoSchemaIntrospectionCustomRule,
)
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


def spent_error(spent: BudgetSpent) -> GraphQLError:
    """The one error of a request that ran out of its budget (or lost its client)."""
    return coded(str(spent), ErrorCode.TIME_BUDGET_EXCEEDED)


def not_found(error: NotFound) -> GraphQLError:
    """A NOT_FOUND error saying what was asked and the closest names the canon has."""
    return coded(
        str(error),
        ErrorCode.NOT_FOUND,
        what=error.what,
        asked=error.asked,
        closest=list(error.closest),
    )


def with_code(error: GraphQLError, code: ErrorCode) -> GraphQLError:
    """The same error (type, message, locations), carrying `code`."""
    error.extensions = {**(error.extensions or {}), "code": code.value}
    return error


def coded_syntax_error(
    error: GraphQLSyntaxError, text: str, max_tokens: int | None
) -> GraphQLSyntaxError:
    """TOO_MANY_TOKENS where the parser stopped at the token past `max_tokens` (it stops
    there with a syntax error of its own), else GRAPHQL_PARSE_FAILED."""
    past = _token_start(text, max_tokens + 1) if max_tokens is not None else None
    over = past is not None and past in (error.positions or ())
    with_code(error, ErrorCode.TOO_MANY_TOKENS if over else ErrorCode.GRAPHQL_PARSE_FAILED)
    return error


def _token_start(text: str, nth: int) -> int | None:
    """Where the text's nth token starts, as graphql-core's parser counts them (comments
    skipped, the end not counted); None when the text ends or cannot be read before it."""
    lexer = Lexer(Source(text))
    try:
        for _ in range(nth):
            token = lexer.advance()
            if token.kind == TokenKind.EOF:
                return None
    except GraphQLSyntaxError:
        return None
    return token.start


def coded_rule(rule: type[ASTValidationRule], code: ErrorCode) -> type[ASTValidationRule]:
    """The validation rule, each error it reports carrying `code`."""

    class Coded(rule):  # type: ignore[misc, valid-type]
        def report_error(self, error: GraphQLError) -> None:
            super().report_error(with_code(error, code))

    Coded.__name__ = Coded.__qualname__ = f"Coded{rule.__name__}"
    return Coded


INTROSPECTION_DEPTH_RULE = coded_rule(MaxIntrospectionDepthRule, ErrorCode.INTROSPECTION_TOO_DEEP)
NO_INTROSPECTION_RULE = coded_rule(
    NoSchemaIntrospectionCustomRule, ErrorCode.INTROSPECTION_DISABLED
)
CODED_RULES: dict[type[ASTValidationRule], type[ASTValidationRule]] = {
    MaxIntrospectionDepthRule: INTROSPECTION_DEPTH_RULE,
}
"""graphql-core's own rules whose errors have a code besides GRAPHQL_VALIDATION_FAILED, by
the coded rule validation runs in their place (`execution/document_cache.py`)."""


def code_of(error: GraphQLError) -> str:
    """The error's own code, else a spent budget or a fault, else a request error."""
    own = (error.extensions or {}).get("code")
    if own:
        return str(own)
    if isinstance(error.original_error, BudgetSpent):
        return ErrorCode.TIME_BUDGET_EXCEEDED.value
    if error.original_error is not None:
        return ErrorCode.INTERNAL_SERVER_ERROR.value
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
