"""Problems found in a canon, as values a maintainer can act on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """An error stops a canon from being served; a warning only reports."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding applies: a place in a file, a canon node, or both."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    node: str | None = None

    def __str__(self) -> str:
        place = ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)
        if self.node is not None:
            return f"{place} <{self.node}>" if place else f"<{self.node}>"
        return place or "(canon)"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: what kind, how bad, where, what is wrong and how to fix it."""

    kind: str
    severity: Severity
    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity.value} [{self.kind}] {self.message}"
        return f"{text} (fix: {self.hint})" if self.hint else text


class CanonError(Exception):
    """A canon that cannot be served; carries every finding that says why."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))
