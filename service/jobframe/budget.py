"""The work budget of one request: a deadline and a cancel flag, checked inside long work.

The HTTP layer opens a budget per request. It lives in a ContextVar, so it follows the
request into the worker thread that executes it, and every stage can check it without
knowing about HTTP: resolvers check it per field, and every loop whose length comes from the
canon or the request (searching, ranking the closest names, writing a frame's RDF) checks it
as it goes. A request whose client has gone is cancelled the same way. Outside a request
(the CLI, the Python API) nothing is ever spent.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


class BudgetSpent(Exception):
    """The request ran out of its time budget, or its client went away."""

    def __init__(self) -> None:
        super().__init__("the request ran out of its time budget")


@dataclass(slots=True)
class Budget:
    deadline: float = math.inf
    """`time.monotonic()` after which the work stops."""
    cancelled: bool = False
    """Set from the event loop when the client disconnects; read by the worker thread."""
    pace: Callable[[], None] | None = None
    """Called at every check while set: the costly lane's way of making room
    (`api/limits/lane.py`)."""

    def spent(self) -> bool:
        if self.pace is not None:
            self.pace()
        return self.cancelled or time.monotonic() > self.deadline


_UNLIMITED = Budget()
_current: ContextVar[Budget] = ContextVar("jobframe_budget", default=_UNLIMITED)
_open = 0
"""Budgets open now: the requests this process is working on."""
_counting = threading.Lock()


def open_budgets() -> int:
    """Requests being worked on now, each under its own budget."""
    return _open


def in_request() -> bool:
    """Whether the current work is a request's, under a budget of its own."""
    return _current.get() is not _UNLIMITED


def check_budget() -> None:
    """Stop the current request's work when its budget is spent (raises BudgetSpent)."""
    if _current.get().spent():
        raise BudgetSpent()


def budgeted(work: Callable[[], T]) -> Callable[[], T]:
    """`work`, refused (BudgetSpent) before it starts when the budget is already spent: a
    request waiting for a worker thread may have outlived its budget or lost its client
    (under a flood of abandoned requests, each one still parsed and validated when its
    thread came, and an honest request queued behind them for a minute)."""

    def checked_first() -> T:
        check_budget()
        return work()

    return checked_first


def within_budget(items: Iterable[T], every: int = 512) -> Iterator[T]:
    """The items, checking the budget every `every` of them: for loops over canon data."""
    budget = _current.get()
    for count, item in enumerate(items):
        if count % every == 0 and budget.spent():
            raise BudgetSpent()
        yield item


def acquire_within_budget(lock: threading.Semaphore) -> None:
    """Wait for `lock` for as long as the budget lasts (raises BudgetSpent after that, or as
    soon as the request is cancelled); the caller releases it."""
    opened = _current.get()
    while not lock.acquire(timeout=min(0.1, max(0.0, opened.deadline - time.monotonic()))):
        if opened.spent():
            raise BudgetSpent()


@contextmanager
def paced(pace: Callable[[], None]) -> Iterator[None]:
    """Call `pace` at every check of the current request's budget while the block runs;
    outside a request, nothing."""
    opened = _current.get()
    if opened is _UNLIMITED:
        yield
        return
    opened.pace = pace
    try:
        yield
    finally:
        opened.pace = None


@contextmanager
def budget(seconds: float) -> Iterator[Budget]:
    """Run the block with `seconds` of budget; the Budget can also be cancelled."""
    global _open
    opened = Budget(deadline=time.monotonic() + seconds)
    token = _current.set(opened)
    with _counting:
        _open += 1
    try:
        yield opened
    finally:
        _current.reset(token)
        with _counting:
            _open -= 1
