"""Checking a workbook's sheets and header rows against the layout, before any row is read.

A misspelt sheet or column would otherwise lose its data silently: each unknown one is a
problem naming the closest name of the layout, and each missing one names where it goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ..canon import NearNames
from .layout import SHEETS, SHEETS_BY_NAME, Sheet, Table, Tables
from .problems import Problems, did_you_mean, normal, quoted

_SHEET_NAMES = NearNames(SHEETS_BY_NAME)


@dataclass
class Checked:
    """The tables of known sheets by layout name, and the required columns they lack (their
    empty cells are not reported again, row by row)."""

    tables: dict[str, Table] = field(default_factory=dict)
    lacking: set[tuple[str, str]] = field(default_factory=set)

    def table(self, sheet: str) -> Table:
        """The sheet's table; an empty one when the workbook leaves an optional sheet out."""
        return self.tables.get(sheet) or Table(sheet, SHEETS_BY_NAME[sheet].columns)


def check_sheets(tables: Tables, problems: Problems) -> Checked:
    """Report unknown and missing sheets and bad header rows; every problem a table carries
    from its reading is reported first."""
    checked = Checked()
    for table in tables.values():
        problems.found.extend(table.problems)
        name = normal(table.sheet)
        sheet = SHEETS_BY_NAME.get(name)
        if sheet is None:
            near = _SHEET_NAMES.closest(name, 1)
            hint = f"rename it: {did_you_mean(name, near)}" if near else "remove it"
            problems.add(
                table,
                table.sheet,
                f"unknown sheet `{table.sheet}`; the sheets are {quoted(SHEETS_BY_NAME)}",
                hint,
            )
        elif name in checked.tables:
            problems.add(table, table.sheet, f"a second sheet `{name}`", "merge the two")
        else:
            checked.tables[name] = table
            if table.header or not table.problems:
                _check_header(sheet, table, problems, checked)
    for sheet in SHEETS:
        if sheet.needed and sheet.name not in checked.tables:
            problems.add(
                Table(sheet.name, (), source=_any_source(tables)),
                sheet.name,
                f"the workbook has no sheet `{sheet.name}` ({sheet.row} per row)",
                f"add a sheet `{sheet.name}` with the header row {quoted(sheet.columns)}",
            )
    return checked


def _any_source(tables: Tables) -> str | None:
    """The workbook's file, to name with a missing sheet (a CSV folder's files differ)."""
    sources = {t.source for t in tables.values()}
    return sources.pop() if len(sources) == 1 else None


def _check_header(sheet: Sheet, table: Table, problems: Problems, checked: Checked) -> None:
    near = NearNames(sheet.columns)
    seen: set[str] = set()
    for index, raw in enumerate(table.header):
        name = normal(raw)
        place = f"{table.sheet}!{get_column_letter(index + 1)}1"
        if not name:
            continue
        if name not in sheet.columns:
            closest = near.closest(name, 1)
            problems.add(
                table,
                place,
                f"unknown column `{name}` in sheet `{table.sheet}`; its columns are "
                + quoted(sheet.columns),
                f"rename it: {did_you_mean(name, closest)}" if closest else "remove it",
            )
        elif name in seen:
            problems.add(table, place, f"a second column `{name}`", "remove one of the two")
        seen.add(name)
    free = len(table.header) + 1
    for column in sheet.required:
        if column not in seen:
            checked.lacking.add((sheet.name, column))
            problems.add(
                table,
                f"{table.sheet}!{get_column_letter(free)}1",
                f"sheet `{table.sheet}` has no column `{column}`",
                f"add `{column}` to its header row (row 1)",
            )
            free += 1
