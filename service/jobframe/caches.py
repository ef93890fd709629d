"""Every cache bounded in bytes: one least-recently-used map that counts what it holds.

Each cache of the service (parsed documents, validation results, plans, whole responses)
is a `ByteLRU` with a name, a byte bound and a `size` function giving the memory one entry
holds (measured or estimated; each estimate is justified where it is defined and checked
against tracemalloc in the tests). A cache never holds more than its bound: an entry alone
over it is not kept, and least recently used entries are dropped until a new one fits.
The caches made here are listed by `cache_bytes()`, which `/metrics` reports.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

ENTRY_OVERHEAD = 160
"""Bytes one entry costs besides what its size function counts: its slot in the ordered
dict (a link and a hash-table entry, ~100 bytes on CPython 3.11) and the size kept with it."""

_caches: weakref.WeakValueDictionary[str, ByteLRU[object, object]] = weakref.WeakValueDictionary()


class ByteLRU(Generic[K, V]):
    """A thread-safe LRU bounded by the bytes its entries hold."""

    def __init__(self, name: str, max_bytes: int, size: Callable[[K, V], int]) -> None:
        self.name = name
        self.max_bytes = max_bytes
        self.bytes = 0
        self._size = size
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()
        _caches[name] = self  # type: ignore[assignment]

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: K, value: V, size: int | None = None) -> V:
        """Keep `value` under `key` (unless it alone is over the bound); returns it. `size`,
        when given, is what the entry holds, for a value whose size depends on more than
        itself (what it keeps alive)."""
        size = ENTRY_OVERHEAD + (self._size(key, value) if size is None else size)
        with self._lock:
            self._drop(key)
            if size <= self.max_bytes:
                self._entries[key] = (value, size)
                self.bytes += size
                self._evict()
        return value

    def discard(self, key: K) -> None:
        """Forget `key`, if it is kept."""
        with self._lock:
            self._drop(key)

    def resize(self, max_bytes: int) -> None:
        """A new bound (an operator's setting), dropping what no longer fits."""
        with self._lock:
            self.max_bytes = max_bytes
            self._evict()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, key: K) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old[1]

    def _evict(self) -> None:
        while self.bytes > self.max_bytes and self._entries:
            _, (_, size) = self._entries.popitem(last=False)
            self.bytes -= size


def cache_bytes() -> dict[str, tuple[int, int]]:
    """(bytes held, bound) of every cache alive in this process, by name."""
    return {name: (cache.bytes, cache.max_bytes) for name, cache in list(_caches.items())}


def bound_caches(bounds: dict[str, int]) -> None:
    """Set the byte bound of the named caches (the settings of `jobframe serve`)."""
    for name, max_bytes in bounds.items():
        cache = _caches.get(name)
        if cache is not None:
            cache.resize(max_bytes)
