"""Workbook problems as findings that name their cell (`levels!B7`), collected all at once.

An import reports every problem of the workbook in one pass, each with the sheet, row and
column in spreadsheet notation and a fix, so one round of edits can fix them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ..canon import NearNames
from ..findings import CanonError, Finding, FindingKind, Location, Severity
from .layout import Row, Table


class WorkbookError(CanonError):
    """A workbook (or CSV folder) that cannot become a canon; carries every problem found."""


def normal(name: str) -> str:
    """A sheet or column name as matched: surrounding white space removed, case ignored."""
    return name.strip().casefold()


def column_letter(table: Table, column: str) -> str | None:
    """The letter of the column headed `column` in the table, None when it has none."""
    for index, name in enumerate(table.header):
        if normal(name) == column:
            return get_column_letter(index + 1)
    return None


def cell(table: Table, column: str | None, row: int) -> str:
    """`sheet!B7`; `sheet!7:7` (the whole row) when the column is not in the header."""
    letter = column_letter(table, column) if column is not None else None
    return f"{table.sheet}!{letter}{row}" if letter else f"{table.sheet}!{row}:{row}"


def quoted(names: Iterable[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


@dataclass
class Problems:
    """Every problem found so far, in the order found."""

    found: list[Finding] = field(default_factory=list)

    def add(
        self,
        table: Table,
        place: str,
        message: str,
        hint: str,
        kind: FindingKind = FindingKind.WORKBOOK,
    ) -> None:
        """A problem at `place` (a cell, a row or the sheet) of the table's file."""
        location = Location(file=table.source, cell=place)
        self.found.append(Finding(kind, Severity.ERROR, location, message, hint))

    def at(
        self,
        table: Table,
        row: Row,
        column: str,
        message: str,
        hint: str,
        kind: FindingKind = FindingKind.WORKBOOK,
    ) -> None:
        """A problem in one cell, or on the line the row came from."""
        if row.origin is not None:
            self.found.append(Finding(kind, Severity.ERROR, row.origin, message, hint))
        else:
            self.add(table, cell(table, column, row.number), message, hint, kind)

    def raise_any(self) -> None:
        if self.found:
            raise WorkbookError(tuple(self.found))


def did_you_mean(asked: str, near: Iterable[str]) -> str:
    found = tuple(near)
    return f"did you mean {quoted(found)}?" if found else ""


MAX_SUGGESTED = 1_000
"""Unknown names of one sheet given the closest known ones: a workbook that misspells more
has one systematic error, and each suggestion costs a ranking."""


class Registry:
    """The names one sheet defines, each with its IRI and where it is defined; names the
    closest ones when asked for an unknown name (bounded work, see `canon.NearNames`)."""

    def __init__(self, sheet: str, what: str) -> None:
        self.sheet = sheet
        self.what = what
        self.iris: dict[str, str] = {}
        self.places: dict[str, str] = {}
        self._near: NearNames | None = None
        self._asked: dict[str, tuple[str, ...]] = {}

    def add(self, name: str, iri: str, place: str) -> None:
        self.iris[name] = iri
        self.places[name] = place
        self._near = None
        self._asked.clear()

    def closest(self, asked: str, limit: int = 3) -> tuple[str, ...]:
        """The closest names, for the first MAX_SUGGESTED unknown names asked."""
        found = self._asked.get(asked)
        if found is None:
            if len(self._asked) >= MAX_SUGGESTED:
                return ()
            if self._near is None:
                self._near = NearNames(self.iris)
            found = self._asked[asked] = self._near.closest(asked, limit)
        return found

    def hint(self, asked: str) -> str:
        """How to fix a reference to an unknown name."""
        near = self.closest(asked, 1)
        add = f"add a row for it to sheet `{self.sheet}`"
        return f"{did_you_mean(asked, near)} Otherwise {add}" if near else add
