"""Problems found in a canon, as values a maintainer can act on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path


class FindingKind(StrEnum):
    """What kind of check found a problem; a closed set, each documented for maintainers."""

    MISSING = "missing"
    """The canon folder does not exist (a wrong `--canon` path)."""
    OUTSIDE = "outside"
    """A canon file links outside the canon folder and is not read."""
    SYNTAX = "syntax"
    """A Turtle file does not parse, or cannot be read as UTF-8."""
    SOURCE = "source"
    """A SPARQL endpoint cannot be read, or answers with invalid N-Triples."""
    SHAPES = "shapes"
    """A node breaks a SHACL shape of `ontology/shapes.ttl`."""
    CYCLE = "cycle"
    """A node is its own ancestor along the lineage properties."""
    ORPHAN = "orphan"
    """A node lacks a parent it needs, or points to a parent of the wrong class."""
    DANGLING = "dangling"
    """A canon node refers to an IRI that no canon file describes."""
    DUPLICATE = "duplicate"
    """Two nodes share a key that must be one of a kind (an order, a code, a rank)."""
    RANK_GAP = "rank-gap"
    """A track has no level at some rank between its lowest and highest."""
    COMPLETENESS = "completeness"
    """A role-level lacks a canon field, so its frames omit lines (a warning)."""


class Severity(Enum):
    """An error stops a canon from being served; a warning only reports."""

    ERROR = "error"
    WARNING = "warning"


def printable(name: str) -> str:
    """A file name as text that any encoder accepts: bytes that are not UTF-8 (kept by Python
    as lone surrogates) become U+FFFD, so a log line or a JSON answer naming it never fails."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def shown_file(file: str, canon_folder: str) -> str:
    """A file as shown to anyone who may read the service's answers: relative to the canon
    folder when inside it, else its name only; the full path stays in the log."""
    path = Path(file)
    try:
        inside = path.resolve().is_relative_to(Path(canon_folder).resolve())
    except (OSError, ValueError):
        inside = False
    shown = path.resolve().relative_to(Path(canon_folder).resolve()) if inside else path.name
    return printable(shown.as_posix() if isinstance(shown, Path) else shown)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding applies: a place in a file, a canon node, or both."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    node: str | None = None

    def __str__(self) -> str:
        file = printable(self.file) if self.file is not None else None
        place = ":".join(str(p) for p in (file, self.line, self.column) if p is not None)
        if self.node is not None:
            return f"{place} <{self.node}>" if place else f"<{self.node}>"
        return place or "(canon)"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: what kind, how bad, where, what is wrong and how to fix it."""

    kind: FindingKind
    severity: Severity
    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity.value} [{self.kind.value}] {self.message}"
        return f"{text} (fix: {self.hint})" if self.hint else text


class CanonError(Exception):
    """A canon that cannot be served; carries every finding that says why."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))
