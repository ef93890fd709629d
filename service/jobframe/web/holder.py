"""The canon a service is serving, and safe reloads that replace it only with a checked canon.

A reload builds and checks the new canon completely (in a worker thread) and swaps the
snapshot in one assignment; when the new canon has errors, the last good canon stays and
the failed attempt is recorded.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import replace

from ..loading import ReloadAttempt, Served, checked, now, release_memory
from ..sources import CanonSource

log = logging.getLogger("jobframe.reload")


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
                attempt = ReloadAttempt(now(), trigger, False, None, report.errors)
                log.error(
                    "reload (%s) refused, still serving %s:\n%s",
                    trigger,
                    self.current.canon.version,
                    "\n".join(f"  {f}" for f in report.errors),
                )
                self.current = replace(self.current, last_reload=attempt)
            else:
                attempt = ReloadAttempt(now(), trigger, True, report.canon.version, ())
                log.info("reload (%s): now serving %s", trigger, report.canon.version)
                self.current = Served(report, attempt.at, attempt)
            self.attempts[(trigger, attempt.succeeded)] += 1
        await asyncio.to_thread(release_memory)
        return attempt
