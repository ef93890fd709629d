"""Refuse a canon that lost its content: one rule for the first load and every reload.

A wiped, restarted or half-loaded SPARQL store, or an emptied canon folder, passes every
check (an empty canon breaks no shape); served, it answers NOT_FOUND to every query on
every replica at once. So a canon with no role-levels, or one that removes more than a
share of the role-levels being served, is refused with a `lost` finding and the last good
canon stays, unless the operator allows it (`--allow-canon-shrink`). Every load goes through
`guarded`: `first_load`, `CanonHolder.reload` (file, watch, sync and admin) and `jobframe
check` (which has no served canon, so only the empty rule applies).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from ..canon import Canon
from ..checks import CheckReport
from ..findings import Finding, FindingKind, Location, Severity
from ..settings import Settings

AnyReport = TypeVar("AnyReport", bound=CheckReport)
"""A check's report, completed or not: guarding keeps its kind."""

EMPTY_HINT = "restore the canon's source; to serve an empty canon, set --allow-canon-shrink"
SHRINK_HINT = (
    "restore the canon's source; if the removal is meant, restart the service on it (a first "
    "load compares with nothing) or set --allow-canon-shrink or a higher --max-canon-shrink"
)


@dataclass(frozen=True, slots=True)
class ShrinkPolicy:
    """How much of the served canon a load may lose (the settings `max_canon_shrink` and
    `allow_canon_shrink`)."""

    max_removed_percent: float
    """A reload removing more than this share of the served role-levels is refused."""
    allowed: bool
    """The operator accepts any loss, an empty canon included."""

    @classmethod
    def of(cls, settings: Settings | None = None) -> ShrinkPolicy:
        settings = settings or Settings()
        return cls(settings.max_canon_shrink, settings.allow_canon_shrink)


def lost_content(
    canon: Canon, served: Canon | None, policy: ShrinkPolicy, source: str
) -> Finding | None:
    """Why `canon`, read from `source`, may not replace `served` (None at the first load),
    or None if it may."""
    if policy.allowed:
        return None
    before = len(served.role_levels) if served is not None else 0
    if not canon.role_levels:
        was = f", where {before:,} are served" if served is not None else ""
        return _finding(source, f"the canon has no role-levels{was}", EMPTY_HINT)
    if served is None or before == 0:
        return None
    kept = {r.iri for r in canon.role_levels}
    removed = sum(1 for r in served.role_levels if r.iri not in kept)
    if removed * 100 <= policy.max_removed_percent * before:
        return None
    return _finding(
        source,
        f"the canon would remove {removed:,} of the {before:,} role-levels served "
        f"({removed * 100 / before:.0f}%, over the {policy.max_removed_percent:g}% "
        "that --max-canon-shrink allows)",
        SHRINK_HINT,
    )


def _finding(source: str, message: str, hint: str) -> Finding:
    return Finding(FindingKind.LOST, Severity.ERROR, Location(file=source), message, hint)


def guarded(report: AnyReport, served: Canon | None, policy: ShrinkPolicy) -> AnyReport:
    """The report, or, when its canon lost its content, the same report refused: the
    `lost` finding first and no canon, so every caller refuses it as it refuses errors."""
    if report.canon is None:
        return report
    finding = lost_content(report.canon, served, policy, report.source)
    if finding is None:
        return report
    return replace(report, findings=(finding, *report.findings), canon=None)
