"""Whole GraphQL responses kept in memory, per served state.

A frame is a pure function of (served state, query, variables), so a whole response can be
reused until the canon or its reload status changes. A reload needs no invalidation step: the
state (`Served.state`) is part of every lookup, and entries of an older state are dropped as
soon as a new one is stored. The bound counts what an entry really holds in memory, not only
its body.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..caches import ENTRY_OVERHEAD as OVERHEAD
from ..caches import ByteLRU
from .validators import NOT_A_VALIDATOR, Outcome


@dataclass(frozen=True, slots=True)
class CachedResponse:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    outcome: Outcome = NOT_A_VALIDATOR
    """What the execution produced (errors, a spent budget, a process's own time), as the
    view recorded it: it decides the caching headers (`validators.py`) and the access log's
    outcome, on the first answer and on every answer from the cache."""


ENTRY_OVERHEAD = 256
"""Bytes an entry costs besides its key, headers and body: the response object, its header
tuples and its slot in the LRU (measured with tracemalloc: 251 bytes with two headers)."""


def entry_size(key: str, response: CachedResponse) -> int:
    """The memory one entry holds, as the cache counts it."""
    headers = sum(len(name) + len(value) for name, value in response.headers)
    return ENTRY_OVERHEAD + len(key) + headers + len(response.body)


class ResponseCache:
    """LRU of responses bounded by the memory they hold (`caches.ByteLRU`); one served
    state at a time."""

    def __init__(self, max_bytes: int) -> None:
        self.version: str | None = None
        self.entries: ByteLRU[str, CachedResponse] = ByteLRU(
            "response", max_bytes, lambda key, response: entry_size(key, response) - OVERHEAD
        )

    @property
    def size(self) -> int:
        return self.entries.bytes

    @property
    def max_bytes(self) -> int:
        return self.entries.max_bytes

    def get(self, version: str, key: str) -> CachedResponse | None:
        return self.entries.get(key) if version == self.version else None

    def put(self, version: str, key: str, response: CachedResponse) -> None:
        if version != self.version:
            self.entries.clear()
            self.version = version
        self.entries.put(key, response)

    def __len__(self) -> int:
        return len(self.entries)
