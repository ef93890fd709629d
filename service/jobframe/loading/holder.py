"""The canon a service is serving, and safe reloads that replace it only with a checked canon.

A reload checks the new canon completely (in a worker thread; the checker kept between
reloads re-reads and re-checks only what changed, with the report a full check gives) and
swaps the snapshot in one assignment; when the new canon has errors, or lost its content
(`loading.guarded`: no role-levels, or more of them removed than the policy allows), the
last good canon stays and the failed attempt is recorded. Every trigger (watch, sync, admin)
reloads through `CanonHolder.reload`, so each is refused alike. A reload that succeeds also
says what it changed (nodes, and the role-levels whose frames change), compared in the same
worker thread and bounded, so a reload of a huge canon never holds the event loop or grows
without limit.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import replace

from ..canon import Canon
from ..changes import ChangeReport, compare_canons, summary
from ..sources import CanonSource, SourceProbe
from .background import in_background
from .checking import CanonChecker
from .content import ShrinkPolicy, guarded
from .served import ReloadAttempt, ReloadTrigger, Served, now, probed_version, release_memory
from .snapshots import checked

log = logging.getLogger("jobframe.reload")

COMPARED_ROLE_LEVELS = 1_000
"""Role-levels whose frames a reload renders and compares, at most (about 2 ms each on the
benchmark machine); role-levels reached beyond it are listed as not compared."""
LISTED_NODES = 10_000
"""Changed nodes a reload lists, at most; the counts are always exact."""


def compare(old: Canon, new: Canon) -> ChangeReport | None:
    """What a reload changed, within the bounds above; None (logged) if comparing fails:
    a reload never fails for its report."""
    try:
        return compare_canons(
            old, new, listed_nodes=LISTED_NODES, compared_role_levels=COMPARED_ROLE_LEVELS
        )
    except Exception:
        log.exception("could not compare the reloaded canon with the one it replaces")
        return None


class CanonHolder:
    """Holds the current snapshot; `reload` replaces it only with a canon that passes."""

    def __init__(
        self, source: CanonSource, served: Served, policy: ShrinkPolicy | None = None
    ) -> None:
        self.source = source
        self.current = served
        self.policy = policy or ShrinkPolicy.of()
        """What a reload may remove of the served canon (`loading.guarded`)."""
        self.attempts: Counter[tuple[ReloadTrigger, bool]] = Counter()
        """Reload attempts by (trigger, succeeded), for metrics."""
        self.last_changes: ChangeReport | None = None
        """What the last successful reload changed, for metrics (kept after a refused one)."""
        self.changed_role_levels = 0
        """Role-levels whose frames changed, summed over every reload, for metrics."""
        self.probe = SourceProbe(source)
        self.seen = served.source_version
        """The source's version at the last load or reload attempt, good or refused: a
        replica following the source (`follower.py`) reloads only when it differs."""
        self.checker = served.checker or CanonChecker()
        """Kept between reloads, so a reload re-checks only what changed (`CanonChecker`)."""
        self._lock = asyncio.Lock()

    @property
    def canon(self) -> Canon:
        """The canon served now: the last one that passed."""
        return self.current.canon

    def reload_now(self) -> ReloadAttempt:
        """`reload` for a program with no event loop running (the Python API): the source
        read and checked again, swapped in only if it passes. From async code, await
        `reload(ReloadTrigger.API)` instead."""
        return asyncio.run(self.reload(ReloadTrigger.API))

    async def reload(self, trigger: ReloadTrigger) -> ReloadAttempt:
        """Read and check the source again; swap it in if it has no errors. One at a time."""
        async with self._lock:
            seen = await in_background(probed_version, self.source, self.probe)
            report = await in_background(checked, self.source, checker=self.checker)
            report = guarded(report, self.current.canon, self.policy)
            self.seen = seen
            version = report.canon.version if report.canon is not None else None
            if version == self.current.canon.version and self.current.last_reload.succeeded:
                attempt = ReloadAttempt(now(), trigger, True, version, (), already_served=True)
                log.info("reload (%s): %s is already served", trigger, version)
            elif report.canon is None:
                attempt = ReloadAttempt(now(), trigger, False, None, report.errors)
                log.error(
                    "reload (%s) refused, still serving %s:\n%s",
                    trigger,
                    self.current.canon.version,
                    "\n".join(f"  {f}" for f in report.errors),
                )
                self.current = replace(self.current, last_reload=attempt)
            else:
                changes = await in_background(compare, self.current.canon, report.canon)
                attempt = ReloadAttempt(now(), trigger, True, report.canon.version, (), changes)
                self._log_success(trigger, report.canon.version, changes)
                self.current = Served(report, attempt.at, attempt, seen)
                if changes is not None:
                    self.last_changes = changes
                    self.changed_role_levels += len(changes.changed_role_levels)
            self.attempts[(trigger, attempt.succeeded)] += 1
        await in_background(release_memory)
        return attempt

    async def reload_or_keep(self, trigger: ReloadTrigger, logger: logging.Logger) -> None:
        """Reload, for a trigger that goes on whatever happens (the watcher, the follower):
        an unexpected failure is logged to the trigger's `logger` and the last good canon
        stays."""
        try:
            await self.reload(trigger)
        except Exception:
            logger.exception(
                "reload (%s) failed; still serving %s", trigger, self.current.canon.version
            )

    def _log_success(
        self, trigger: ReloadTrigger, version: str, changes: ChangeReport | None
    ) -> None:
        if changes is None:
            log.info("reload (%s): now serving %s", trigger, version)
            return
        counts = changes.counts
        fields = {
            "canon_version": version,
            "previous_version": changes.old_version,
            "nodes_added": counts.added,
            "nodes_removed": counts.removed,
            "nodes_changed": counts.changed,
            "role_levels_changed": len(changes.changed_role_levels),
            "role_levels_not_compared": len(changes.not_compared),
        }
        log.info(
            "reload (%s): now serving %s; %s",
            trigger,
            version,
            summary(changes),
            extra={"fields": fields},
        )
