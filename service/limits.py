"""Limits on what one GraphQL request may ask, and the error codes a breach answers with.

Depth, aliases and tokens use Strawberry's own extensions, passed as factories so that no
request shares an extension instance. The body size and the time budget are enforced by the
HTTP layer (`http_cache.py`) and the direct resolvers (`api/fast_fields.py`). Every error a
client sees carries `extensions.code` (`api/schema.py` adds it); a fault in a resolver is
masked for the client and logged in full.
"""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import ClassVar

from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)


@dataclass(frozen=True, slots=True)
class Limits:
    """Safe defaults: the deepest query the schema needs is 10 levels; a frames page ~200 tokens."""

    max_depth: int = 12
    max_aliases: int = 20
    max_tokens: int = 2000
    max_body_bytes: int = 100_000
    time_budget_seconds: float = 10.0
    production: bool = False

    ENV: ClassVar[dict[str, str]] = {
        "max_depth": "JOBFRAME_MAX_DEPTH",
        "max_aliases": "JOBFRAME_MAX_ALIASES",
        "max_tokens": "JOBFRAME_MAX_TOKENS",
        "max_body_bytes": "JOBFRAME_MAX_BODY_BYTES",
        "time_budget_seconds": "JOBFRAME_TIME_BUDGET",
        "production": "JOBFRAME_PRODUCTION",
    }

    def to_env(self) -> dict[str, str]:
        return {var: str(getattr(self, name)) for name, var in self.ENV.items()}

    @classmethod
    def from_env(cls) -> Limits:
        values: dict[str, object] = {}
        for name, var in cls.ENV.items():
            raw = os.environ.get(var)
            if raw is None:
                continue
            default = getattr(cls(), name)
            values[name] = (
                raw.lower() in ("1", "true", "yes")
                if isinstance(default, bool)
                else type(default)(raw)
            )
        return cls(**values)  # type: ignore[arg-type]

    def extensions(self) -> list[Callable[[], SchemaExtension]]:
        """Schema extension factories: a fresh instance per request.

        The depth and alias limiters' validation rules are built once and shared: each
        limiter instance would otherwise bring new rule classes, which Strawberry's
        ValidationCache takes as a new key, so no query's validation would ever be reused
        (measured: +6 ms on a four-frames query).
        """
        rules = [
            *QueryDepthLimiter(max_depth=self.max_depth).validation_rules,
            *MaxAliasesLimiter(max_alias_count=self.max_aliases).validation_rules,
        ]
        factories: list[Callable[[], SchemaExtension]] = [
            lambda: AddValidationRules(rules),
            lambda: MaxTokensLimiter(max_token_count=self.max_tokens),
            MaskFaults,
        ]
        if self.production:
            factories.append(DisableIntrospection)
        return factories


INTERNAL = "INTERNAL_SERVER_ERROR"
_CODES = (
    (re.compile(r"exceeds maximum operation depth"), "QUERY_TOO_DEEP"),
    (re.compile(r"aliases found\. Allowed"), "TOO_MANY_ALIASES"),
    (re.compile(r"Document contains more than \d+ tokens"), "TOO_MANY_TOKENS"),
    (re.compile(r"^Syntax Error"), "GRAPHQL_PARSE_FAILED"),
    (re.compile(r"introspection", re.IGNORECASE), "INTROSPECTION_DISABLED"),
)


def code_of(error: GraphQLError) -> str:
    """The error's own code, else what kind of request error it is, else a fault."""
    own = (error.extensions or {}).get("code")
    if own:
        return str(own)
    if error.original_error is not None:
        return INTERNAL
    for pattern, code in _CODES:
        if pattern.search(error.message):
            return code
    return "GRAPHQL_VALIDATION_FAILED" if error.path is None else INTERNAL


def add_code(error: GraphQLError) -> GraphQLError:
    error.extensions = {**(error.extensions or {}), "code": code_of(error)}
    return error


class MaskFaults(MaskErrors):
    """Masks a fault in a resolver as `Unexpected error.` (INTERNAL_SERVER_ERROR); answers
    with a code of their own (NOT_FOUND, TIME_BUDGET_EXCEEDED, …) pass unchanged."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: code_of(error) == INTERNAL)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": INTERNAL}
        return masked


TIME_BUDGET_EXCEEDED = "TIME_BUDGET_EXCEEDED"
_deadline: ContextVar[float] = ContextVar("jobframe_deadline", default=math.inf)


class TimeBudgetExceeded(GraphQLError):
    def __init__(self) -> None:
        super().__init__(
            "the request ran out of its time budget", extensions={"code": TIME_BUDGET_EXCEEDED}
        )


def check_budget() -> None:
    """Called as fields resolve: stops a request that has used up its time."""
    if time.monotonic() > _deadline.get():
        raise TimeBudgetExceeded()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)
