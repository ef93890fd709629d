"""The time budget of one request: set by the HTTP layer, checked as fields resolve."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from graphql import GraphQLError

from .errors import ErrorCode

_deadline: ContextVar[float] = ContextVar("jobframe_deadline", default=math.inf)


class TimeBudgetExceeded(GraphQLError):
    def __init__(self) -> None:
        super().__init__(
            "the request ran out of its time budget",
            extensions={"code": ErrorCode.TIME_BUDGET_EXCEEDED.value},
        )


def check_budget() -> None:
    """Called as fields resolve: stops a request that has used up its time."""
    if time.monotonic() > _deadline.get():
        raise TimeBudgetExceeded()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Run the block with `seconds` of budget; fields resolved after that raise."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)
