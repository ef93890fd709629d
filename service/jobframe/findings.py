"""Problems found in a canon, as values a maintainer can act on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any

from .errors import JobFrameError


class FindingKind(StrEnum):
    """What kind of check found a problem; a closed set, each documented for maintainers."""

    MISSING = "missing"
    """The canon folder does not exist or holds no Turtle files (a wrong `--canon` path)."""
    EMPTY = "empty"
    """A canon file holds no triples (a warning: it adds nothing to the canon)."""
    OUTSIDE = "outside"
    """A canon file links outside the canon folder and is not read."""
    SYNTAX = "syntax"
    """A Turtle file does not parse, or cannot be read as UTF-8 (a byte-order mark is a
    warning)."""
    SOURCE = "source"
    """A SPARQL endpoint cannot be read, or answers with invalid N-Triples."""
    UNKNOWN_TERM = "unknown-term"
    """A class, property or individual of the JobFrame namespace that the vocabulary does not
    declare: a typo, named with the closest declared term."""
    SHAPES = "shapes"
    """A node breaks a SHACL shape of `ontology/shapes.ttl`."""
    LANGUAGE = "language"
    """A label, notation or text has no value in the canon's default language (a warning), or
    the default language is not a BCP 47 tag."""
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
    UNSAFE = "unsafe"
    """A text holds a control character other than tab and line feed, a name (a label, a
    notation, a code) any control character, or a link is not http, https or mailto: what a
    page, a comment or a terminal showing it could be made to run."""
    COMPLETENESS = "completeness"
    """A role-level lacks a canon field, so its frames omit lines (a warning)."""
    LOST = "lost"
    """A canon that lost its content: it has no role-levels, or a reload would remove more
    than `--max-canon-shrink` percent of the served ones (a wiped or half-loaded store, an
    emptied folder); refused, the last good canon kept, unless `--allow-canon-shrink`."""
    WORKBOOK = "workbook"
    """A workbook or CSV sheet, column or cell that cannot become canon (named `levels!B7`):
    missing, unknown, empty, not a whole number, not a language tag, or not UTF-8."""


class Severity(Enum):
    """An error stops a canon from being served; a warning only reports."""

    ERROR = "error"
    WARNING = "warning"


def printable(name: str) -> str:
    """A file name as text that any encoder accepts: bytes that are not UTF-8 (kept by Python
    as lone surrogates) become U+FFFD, so a log line or a JSON answer naming it never fails;
    invisible characters are escaped (`visible`)."""
    return visible(name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def visible(text: str) -> str:
    """Text with every character that prints as nothing or moves the cursor (controls, a
    byte-order mark, zero-width and non-ASCII spaces) written as an escape such as `\\ufeff`,
    so a message never hides what is wrong in an invisible character."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def _escape(character: str) -> str:
    code = ord(character)
    return _ESCAPES.get(character) or (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")


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
    cell: str | None = None
    """A workbook cell in spreadsheet notation (`levels!B7`), or a sheet's name."""

    def __str__(self) -> str:
        file = printable(self.file) if self.file is not None else None
        parts = (file, self.line, self.column, self.cell)
        place = ":".join(str(p) for p in parts if p is not None)
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

    def __post_init__(self) -> None:
        # Messages repeat canon text and parser output: nothing in them may be invisible.
        object.__setattr__(self, "message", visible(self.message))
        object.__setattr__(self, "hint", visible(self.hint))

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity.value} [{self.kind.value}] {self.message}"
        return f"{text} (fix: {self.hint})" if self.hint else text


def finding_json(finding: Finding) -> dict[str, Any]:
    """The finding as `jobframe check --format json` and the admin reload's answer give it."""
    place = finding.location
    return {
        "kind": finding.kind.value,
        "severity": finding.severity.value,
        "file": printable(place.file) if place.file is not None else None,
        "line": place.line,
        "column": place.column,
        "cell": place.cell,
        "node": place.node,
        "message": finding.message,
        "hint": finding.hint,
    }


class CanonError(JobFrameError):
    """A canon that cannot be served; carries every finding that says why."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))
