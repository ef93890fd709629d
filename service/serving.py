"""The canon being served, and safe reloads that replace it only with a checked canon.

A request takes one immutable `Served` snapshot when it starts and uses it to the end, so a
reload never changes the canon under a request in flight. A reload builds and checks the new
canon completely (in a worker thread) and swaps the snapshot in one assignment; when the new
canon has errors, the last good canon stays and the failed attempt is recorded.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from .canon import Canon
from .checking import CanonSource, CheckReport
from .findings import Finding
from .snapshots import checked

log = logging.getLogger("jobframe.reload")


@dataclass(frozen=True, slots=True)
class ReloadAttempt:
    """One attempt to (re)load the canon, successful or not."""

    at: datetime
    trigger: str
    succeeded: bool
    version: str | None
    """The version loaded, or None when the attempt failed."""
    errors: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class Served:
    """What one request sees: the checked canon, when it was loaded, the last reload attempt."""

    report: CheckReport
    loaded_at: datetime
    last_reload: ReloadAttempt

    @property
    def canon(self) -> Canon:
        assert self.report.canon is not None, "only a canon without errors is served"
        return self.report.canon


def release_memory() -> None:
    """Settle memory after a canon is built: free, freeze, and return to the system.

    Building a canon allocates far more than it keeps (the store, its index); glibc keeps
    freed memory in its arenas, so without the trim the process grows with every reload.
    The canon itself is millions of immutable objects: frozen, they are left out of the
    cyclic garbage collector's full passes (535 ms each at 100,000 role-levels, stalling
    every request in flight). The canon holds no reference cycles, so a replaced canon is
    still freed, by reference counting.
    """
    gc.collect()
    gc.freeze()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018 - only glibc has it
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _load_libc()


def _now() -> datetime:
    return datetime.now(UTC)


def first_load(source: CanonSource) -> Served | CheckReport:
    """The snapshot to start serving, or the failing report when the canon has errors."""
    report = checked(source)
    if report.canon is None:
        return report
    attempt = ReloadAttempt(_now(), "startup", True, report.canon.version, ())
    served = Served(report, attempt.at, attempt)
    release_memory()
    return served


class CanonHolder:
    """Holds the current snapshot; `reload` replaces it only with a canon that passes."""

    def __init__(self, source: CanonSource, served: Served) -> None:
        self.source = source
        self.current = served
        self.attempts: Counter[tuple[str, bool]] = Counter()
        """Reload attempts by (trigger, succeeded), for metrics."""
        self._lock = asyncio.Lock()

    async def reload(self, trigger: str) -> ReloadAttempt:
        """Read and check the source again; swap it in if it has no errors. One at a time."""
        async with self._lock:
            report = await asyncio.to_thread(checked, self.source)
            if report.canon is None:
                attempt = ReloadAttempt(_now(), trigger, False, None, report.errors)
                log.error(
                    "reload (%s) refused, still serving %s:\n%s",
                    trigger,
                    self.current.canon.version,
                    "\n".join(f"  {f}" for f in report.errors),
                )
                self.current = replace(self.current, last_reload=attempt)
            else:
                attempt = ReloadAttempt(_now(), trigger, True, report.canon.version, ())
                log.info("reload (%s): now serving %s", trigger, report.canon.version)
                self.current = Served(report, attempt.at, attempt)
            self.attempts[(trigger, attempt.succeeded)] += 1
        await asyncio.to_thread(release_memory)
        return attempt
