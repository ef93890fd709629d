"""The report of checking a canon source: syntax, vocabulary terms, SHACL shapes, lineage
and languages, in one report (`checker.py` makes it).

Completed with the completeness of its canon (`frames.completed`), it is what `jobframe
check` prints, what the service serves (its canon and findings) and what decides whether a
reload may replace the canon being served.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..canon import Canon
from ..findings import Finding, Severity
from ..sources import SourceMap


@dataclass(frozen=True)
class CheckReport:
    """Findings of one check; `canon` is the compiled canon when there are no errors."""

    source: str
    findings: tuple[Finding, ...]
    canon: Canon | None
    triple_count: int
    content: str | None = None
    """Digest of exactly the file bytes that were checked (`sources.Reading.content`); None
    for an endpoint. Snapshots are stored under it, never under what the files hold now."""
    places: SourceMap = field(default_factory=lambda: SourceMap(()), compare=False, repr=False)
    """Where the checked files describe each node, so that findings made downstream of the
    check (completeness) name a file and line as the check's own do."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def passes(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def finding_order(finding: Finding) -> tuple[int, str, int, str]:
    place = finding.location
    return (
        0 if finding.severity is Severity.ERROR else 1,
        place.file or "",
        place.line or 0,
        place.node or "",
    )
