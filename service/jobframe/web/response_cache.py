"""Whole GraphQL responses kept in memory, per canon version.

A frame is a pure function of (canon version, query, variables), so a whole response can be
reused until the canon changes. A reload needs no invalidation step: the version is part of
every lookup, and entries of older versions are dropped as soon as a new version is stored.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CachedResponse:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """LRU of responses bounded by their total body size; only one canon version at a time."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.version: str | None = None
        self._entries: OrderedDict[str, CachedResponse] = OrderedDict()

    def get(self, version: str, key: str) -> CachedResponse | None:
        if version != self.version:
            return None
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, version: str, key: str, response: CachedResponse) -> None:
        if len(response.body) > self.max_bytes:
            return
        if version != self.version:
            self._entries.clear()
            self.size = 0
            self.version = version
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self._entries[key] = response
        self.size += len(response.body)
        while self.size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.size -= len(evicted.body)

    def __len__(self) -> int:
        return len(self._entries)
