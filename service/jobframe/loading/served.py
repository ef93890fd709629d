"""A checked canon ready to serve: the snapshot every request of a service reads from.

A request takes one immutable `Served` snapshot when it starts and uses it to the end, so a
reload (see `holder.py`) never changes the canon under a request in flight.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from ..canon import Canon
from ..changes import ChangeReport
from ..checks import KEPT_BYTES
from ..findings import Finding
from ..frames import CanonReport
from ..sources import CanonSource, ProbeError, SourceProbe, SparqlEndpoint
from .checking import CanonChecker
from .content import ShrinkPolicy, guarded
from .snapshots import checked

log = logging.getLogger("jobframe.reload")


class ReloadTrigger(StrEnum):
    """What asked for a (re)load: the value is what logs, metrics and `lastReload` show."""

    STARTUP = "startup"
    WATCH = "watch"
    """A canon file changed (`serve --watch`, `watcher.py`)."""
    SYNC = "sync"
    """The source's version changed (`serve --sync-interval`, `follower.py`)."""
    ADMIN = "admin"
    """`POST /admin/reload`."""
    API = "api"
    """The Python API (`jobframe.hold`)."""


@dataclass(frozen=True, slots=True)
class ReloadAttempt:
    """One attempt to (re)load the canon, successful or not."""

    at: datetime
    trigger: ReloadTrigger
    succeeded: bool
    version: str | None
    """The version loaded, or None when the attempt failed."""
    errors: tuple[Finding, ...]
    changes: ChangeReport | None = None
    """What a successful reload changed from the canon served before it; None for the
    startup load and for a refused reload (or when comparing failed)."""
    already_served: bool = False
    """The reload found the version served, after a good reload: nothing was swapped and
    the served canon's own `last_reload` (what brought it, with its changes) is kept, so a
    reload racing another (an admin's after a sync's) does not wipe the real change report."""


@dataclass(frozen=True, slots=True)
class Served:
    """What one request sees: the checked canon, when it was loaded, the last reload attempt."""

    report: CanonReport
    loaded_at: datetime
    last_reload: ReloadAttempt
    source_version: str | None = None
    """The source's version (`sources.SourceProbe`) read just before this canon was: a
    replica reloads when the source's version differs (`loading/follower.py`)."""
    checker: CanonChecker | None = field(default=None, compare=False, repr=False)
    """The checker that checked this canon at startup, for the reloads to re-check only what
    changed since (`holder.py` takes it over); it holds nothing when the canon was
    restored from a snapshot or is too large to keep (`CanonChecker.kept_bytes`)."""

    @property
    def canon(self) -> Canon:
        assert self.report.canon is not None, "only a canon without errors is served"
        return self.report.canon

    @property
    def state(self) -> str:
        """What a response may depend on besides the request, the same on every replica in
        the same situation: the canon's version and the outcome of the last reload attempt
        (a refused reload changes what `canon { lastReload }` answers, not the version), and
        the version a reload replaced (its `changes` are from that version).
        Keys the response cache and ETags; load and reload times are per replica, and
        answers holding them are neither cached nor tagged (`api/replica.py`)."""
        attempt = self.last_reload
        errors = tuple(str(f) for f in attempt.errors)
        since = attempt.changes.old_version if attempt.changes is not None else None
        parts = (
            self.canon.version,
            attempt.trigger,
            attempt.succeeded,
            attempt.version,
            errors,
            since,
        )
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


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


def now() -> datetime:
    return datetime.now(UTC)


def probed_version(source: CanonSource, probe: SourceProbe | None = None) -> str | None:
    """The source's version before reading it; None for files (the check's own digest of
    the bytes it read, `CheckReport.content`, is exact) or when the endpoint cannot say."""
    if not isinstance(source, SparqlEndpoint) and probe is None:
        return None
    try:
        return (probe or SourceProbe(source)).version()
    except ProbeError as error:
        log.warning("%s", error)
    except Exception:  # the version only spares needless reloads: never fail a load for it
        log.exception("could not read the version of %s", source)
    return None


def first_load(
    source: CanonSource, kept_bytes: int = KEPT_BYTES, policy: ShrinkPolicy | None = None
) -> Served | CanonReport:
    """The snapshot to start serving, or the failing report when the canon has errors or
    no role-levels (unless `policy` allows it: `content.guarded`). A canon of up to
    `kept_bytes` of Turtle keeps its check for reloads (`CanonChecker`)."""
    version = probed_version(source)
    checker = CanonChecker(kept_bytes)
    report = guarded(checked(source, checker=checker), None, policy or ShrinkPolicy.of())
    if report.canon is None:
        return report
    attempt = ReloadAttempt(now(), ReloadTrigger.STARTUP, True, report.canon.version, ())
    served = Served(report, attempt.at, attempt, version or report.content, checker)
    release_memory()
    return served
