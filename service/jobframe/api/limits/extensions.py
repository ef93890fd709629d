"""Limits on what one GraphQL request may ask.

Tokens use Strawberry's own extension; depth, aliases and the estimated cost come from one
walk of the document (`walk.py`, `cost_limit.py`). Extensions are passed as factories so
that no request shares an extension instance.
The body size and the time budget are enforced by the HTTP layer (`web/graphql_http.py`),
the resolvers and long loops (`budget.py`). The defaults and their
`serve` options are rows of the settings table (`settings.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields

from graphql import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    SchemaExtension,
)

from ...settings import Settings
from ..errors import NO_INTROSPECTION_RULE, MaskFaults
from .cost_limit import WalkLimits
from .empty_selections import EmptySelections


@dataclass(frozen=True, slots=True)
class Limits:
    """The request limits among a service's settings: each field is a setting, whose default,
    flag and help the settings table declares (`Limits.of`, not a default here)."""

    max_depth: int
    max_aliases: int
    max_tokens: int
    max_query_cost: int
    max_body_bytes: int
    time_budget: float
    production: bool

    @classmethod
    def of(cls, settings: Settings | None = None) -> Limits:
        """The limits of `settings`, the settings' defaults when not given."""
        settings = settings or Settings()
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})

    def extensions(self) -> list[Callable[[], SchemaExtension]]:
        """Schema extension factories: a fresh instance per request.

        The validation rules are a list built once and shared: new rule classes would be
        a new key of Strawberry's ValidationCache, and no query's validation would ever be
        reused (measured: +6 ms on a four-frames query).
        """
        rules: list[type[ASTValidationRule]] = [EmptySelections]
        factories: list[Callable[[], SchemaExtension]] = [
            lambda: AddValidationRules(rules),
            lambda: MaxTokensLimiter(max_token_count=self.max_tokens),
            lambda: WalkLimits(self.max_depth, self.max_aliases, self.max_query_cost),
            MaskFaults,
        ]
        if self.production:
            factories += [lambda: AddValidationRules([NO_INTROSPECTION_RULE]), HideSuggestions]
        return factories


_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)


def without_suggestion(message: str) -> str:
    """The message without graphql-core's "Did you mean 'roleLevel'?" tail."""
    return _SUGGESTION.sub("", message)


class HideSuggestions(SchemaExtension):
    """Under --production, errors name no field, argument, enum value or type the client did
    not write: suggestions would reveal the schema that introspection hides."""

    def on_validate(self) -> Iterator[None]:
        yield
        for error in self.execution_context.pre_execution_errors or []:
            error.message = without_suggestion(error.message)

    def on_execute(self) -> Iterator[None]:
        yield
        for error in getattr(self.execution_context.result, "errors", None) or []:
            error.message = without_suggestion(error.message)
