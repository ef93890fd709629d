"""What a request carries in its ASGI scope, read and written only through these functions.

The snapshot a request runs on is pinned when the request starts (`Observability`, the
outermost layer) and again where a route answers from a newer one (GraphQL pins the one it
executes on, an admin reload the one it brought); every layer after that reads the same
snapshot, so the version header, the log line and the answer name one canon. Typed here,
so that reading `GraphQLHTTP` leads to `Context`, to the resolvers and to `frames/`.
"""

from __future__ import annotations

from typing import cast

from starlette.types import Scope

from ..loading import Served
from .validators import NOT_A_VALIDATOR, Outcome

_SERVED = "jobframe.served"
_LANGUAGE = "jobframe.language"
_ERRORS = "jobframe.errors"
_GONE = "jobframe.client_gone"
_OUTCOME = "jobframe.outcome"


def pin_served(scope: Scope, served: Served) -> None:
    """The snapshot the rest of the request uses."""
    scope[_SERVED] = served


def served_of(scope: Scope) -> Served:
    """The snapshot pinned for the request."""
    return cast(Served, scope[_SERVED])


def set_language(scope: Scope, language: str | None) -> None:
    """The language frames are in when the query names none (`Context.language`)."""
    scope[_LANGUAGE] = language


def language_of(scope: Scope) -> str | None:
    return cast("str | None", scope.get(_LANGUAGE))


def set_outcome(scope: Scope, outcome: Outcome) -> None:
    """What the execution's answer is, typed (`validators.py`), for the HTTP layer's caching."""
    scope[_OUTCOME] = outcome


def outcome_of(scope: Scope) -> Outcome:
    """The outcome recorded for the request; none when the view answered no execution (a
    plain-text refusal, a 500), and such an answer is no validator either."""
    return cast(Outcome, scope.get(_OUTCOME, NOT_A_VALIDATOR))


def set_errors(scope: Scope, errors: bool) -> None:
    """Whether the GraphQL answer carries errors (`Observability`'s outcome label)."""
    scope[_ERRORS] = errors


def has_errors(scope: Scope) -> bool:
    return bool(scope.get(_ERRORS))


def set_client_gone(scope: Scope) -> None:
    """The client disconnected before its answer: its work was cancelled."""
    scope[_GONE] = True


def client_gone(scope: Scope) -> bool:
    return bool(scope.get(_GONE))
