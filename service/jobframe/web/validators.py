"""Only good answers are validators: the one place that decides an answer's ETag,
Cache-Control and Vary, and whether `If-None-Match` gets 304.

The decision comes from the typed outcome of the request (`Outcome`), which the GraphQL
view records from its `ExecutionResult` and `GraphQLHTTP` completes, never from the bytes
of the answer. An answer with errors, a spent budget or this process's own load or reload
time has no ETag and says `no-store`: a cache that kept it, or revalidated it with a 304,
would go on serving an error (or another replica's time) after the cause has passed; an
answer whose status is not 200 is no validator either (RFC 9110 section 13.2.1: conditions
apply to 2xx answers only).

`If-None-Match` is read as RFC 9110 section 13.1.2 says, for the GraphQL route and the
viewer's files alike (`matches`): `*` names any current representation, otherwise each
entity-tag of the list (over every field line) is compared weakly (`W/"x"` matches `"x"`).
A POST that matches gets 304 like a GET, not the 412 the RFC gives unsafe methods: a
GraphQL POST is a query, its answer the same bytes a GET would have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graphql import GraphQLError
from starlette.datastructures import Headers
from starlette.staticfiles import StaticFiles

from ..api import ErrorCode
from ..budget import BudgetSpent

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
    outcome: Outcome, status: int, etag: bytes, cache_control: bytes
) -> tuple[tuple[bytes, bytes], ...]:
    """ETag, Cache-Control and Vary of an answer with this outcome and status."""
    if not (outcome.validator and status == 200):
        return ((b"cache-control", NO_STORE), (b"vary", VARY))
    return ((b"etag", etag), (b"cache-control", cache_control), (b"vary", VARY))


def not_modified(
    outcome: Outcome, status: int, etag: bytes, headers: Iterable[tuple[bytes, bytes]]
) -> bool:
    """Whether the answer is a 304: only a good 200 answer, named by the request's
    `If-None-Match` (`headers` are the request's raw header lines)."""
    return outcome.validator and status == 200 and matches(etag, headers)


_ENTITY_TAG = re.compile(rb'\s*(?:(?:W/)?("[^"]*")\s*)?(?:,|$)')
"""One member of an `If-None-Match` list (its opaque tag captured), or an empty member."""


def matches(etag: bytes, headers: Iterable[tuple[bytes, bytes]]) -> bool:
    """Whether the request's `If-None-Match` names the representation whose ETag is `etag`
    (RFC 9110 section 13.1.2, weak comparison): `*` names any, otherwise one of the listed
    entity-tags must have `etag`'s opaque tag. A malformed list names nothing."""
    opaque = etag.removeprefix(b"W/")
    for name, value in headers:
        if name.lower() != b"if-none-match":
            continue
        if value.strip() == b"*":
            return True
        if opaque in _listed(value):
            return True
    return False


def _listed(value: bytes) -> list[bytes]:
    """The opaque tags of one field line; none if any member is not an entity-tag."""
    tags, position = [], 0
    while position < len(value):
        member = _ENTITY_TAG.match(value, position)
        if member is None or member.end() == position:
            return []
        if member.group(1) is not None:
            tags.append(member.group(1))
        position = member.end()
    return tags


class Assets(StaticFiles):
    """The viewer's files, whose `If-None-Match` is read by `matches` like GraphQL's (the
    file's ETag is Starlette's, of its size and time); without one, `If-Modified-Since`."""

    def is_not_modified(self, response_headers: Headers, request_headers: Headers) -> bool:
        if "if-none-match" not in request_headers:
            return super().is_not_modified(response_headers, request_headers)
        etag = response_headers.get("etag")
        return etag is not None and matches(etag.encode("latin-1"), request_headers.raw)
