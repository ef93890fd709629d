"""Marking answers that differ between replicas of the same canon, so they are never cached
or given an ETag: when a process loaded its canon and when it last tried to reload are its
own, while everything else a response holds is the same on every replica."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_marks: ContextVar[list[str] | None] = ContextVar("jobframe_replica_specific", default=None)


@contextmanager
def watching_replica_fields() -> Iterator[list[str]]:
    """Collect the replica-specific fields resolved in the block (run in the same task)."""
    marks: list[str] = []
    token = _marks.set(marks)
    try:
        yield marks
    finally:
        _marks.reset(token)


def replica_specific(field: str) -> None:
    """Called by a resolver whose value is this process's own (a load or reload time)."""
    marks = _marks.get()
    if marks is not None:
        marks.append(field)
