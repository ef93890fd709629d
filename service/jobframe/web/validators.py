"""Only good answers are validators: the one place that decides an answer's ETag,
Cache-Control and Vary, and whether `If-None-Match` gets 304.

The decision comes from the typed outcome of the request (`Outcome`), which the GraphQL
view records from its `ExecutionResult` and `GraphQLHTTP` completes, never from the bytes
of the answer. An answer with errors, a spent budget or this process's own load or reload
time has no ETag and says `no-store`: a cache that kept it, or revalidated it with a 304,
would go on serving an error (or another replica's time) after the cause has passed.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import GraphQLError

from ..api import ErrorCode
from ..budget import BudgetSpent

OUTCOME_KEY = "jobframe.outcome"
"""Scope key of the request's `Outcome`; absent when the view answered no execution (a
plain-text refusal, a 500): such an answer is no validator either."""

VARY = b"Accept, Accept-Language, Content-Type"
"""Every request header the GraphQL answer's bytes depend on: `Accept` (the
graphql-response+json status and type), `Accept-Language` (the frames' language) and
`Content-Type` (how the body is parsed, part of the ETag)."""

NO_STORE = b"no-store"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one GraphQL execution produced, as far as caching is concerned."""

    errors: bool = False
    """The answer carries at least one GraphQL error."""
    spent: bool = False
    """The request ran out of its time budget (or its client went away)."""
    local: bool = False
    """The answer holds this process's own load or reload time."""

    @classmethod
    def of_errors(cls, errors: list[GraphQLError] | None) -> Outcome:
        """The outcome of an execution that produced these errors."""
        return cls(errors=bool(errors), spent=any(_spent(e) for e in errors or ()))

    @property
    def validator(self) -> bool:
        """Whether the answer may carry an ETag, be stored and be revalidated by a 304."""
        return not (self.errors or self.spent or self.local)

    @property
    def reusable(self) -> bool:
        """Whether this process may answer the same request from its response cache: an
        error that follows from the request and the canon is, a spent budget or a
        process's own time is not."""
        return not (self.spent or self.local)


def _spent(error: GraphQLError) -> bool:
    code = (error.extensions or {}).get("code")
    return isinstance(error.original_error, BudgetSpent) or code == _SPENT


_SPENT = ErrorCode.TIME_BUDGET_EXCEEDED.value
NOT_A_VALIDATOR = Outcome(errors=True)
"""The outcome assumed when the view recorded none."""


def caching_headers(
    outcome: Outcome, etag: bytes, cache_control: bytes
) -> tuple[tuple[bytes, bytes], ...]:
    """ETag, Cache-Control and Vary of an answer with this outcome."""
    if not outcome.validator:
        return ((b"cache-control", NO_STORE), (b"vary", VARY))
    return ((b"etag", etag), (b"cache-control", cache_control), (b"vary", VARY))


def not_modified(outcome: Outcome, etag: bytes, if_none_match: bytes) -> bool:
    """Whether the answer is a 304: only a good answer, named by the request's ETags."""
    return outcome.validator and etag in (t.strip() for t in if_none_match.split(b","))
