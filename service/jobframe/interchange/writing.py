"""Writing tables as a workbook (`.xlsx`) or a folder of CSV files, in the layout's order.

Every sheet of the layout is written, an empty one as its header row, so an export doubles
as a template. In a workbook, every cell but a whole number is a text cell (a text that
starts with `=` stays text, never a formula) and the header row is bold and frozen. CSV
files are UTF-8 with a byte-order mark, which Excel needs to read them as UTF-8, and are
written by `formats.write_csv`: a cell a spreadsheet would run gets a leading `'`, which
reading a CSV folder removes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..findings import Finding, FindingKind, Location, Severity
from ..formats import write_csv
from .layout import INTEGERS, SHEETS, Table, Tables
from .ooxml import escape
from .problems import WorkbookError

MAX_CELL_CHARACTERS = 32_767
"""The most characters Excel keeps in a cell."""
_WHOLE = re.compile(r"-?[1-9][0-9]{0,14}|0")
"""A whole number written as a number cell: as its digits read back, within Excel's 15."""
MAX_WIDTH = 60
"""Widest column, in characters; longer texts wrap when shown."""


def sheet_rows(tables: Tables) -> list[tuple[str, tuple[str, ...], list[list[str]]]]:
    """(sheet, header, rows of cells) for every sheet of the layout, in order."""
    out = []
    for sheet in SHEETS:
        table = tables.get(sheet.name) or Table(sheet.name, sheet.columns)
        header = table.header or sheet.columns
        out.append((sheet.name, header, [[row.get(c) for c in header] for row in table.rows]))
    return out


def write_tables(tables: Tables, path: Path, format: Literal["xlsx", "csv"]) -> None:
    """Write the tables: a workbook at `path`, or `<sheet>.csv` files in the folder `path`."""
    if format == "csv":
        _write_csv(tables, path)
    else:
        _write_xlsx(tables, path)


def _write_csv(tables: Tables, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for sheet, header, rows in sheet_rows(tables):
        write_csv(folder / f"{sheet}.csv", header, rows)


def _write_xlsx(tables: Tables, path: Path) -> None:
    too_long = [
        Location(file=str(path), cell=f"{sheet}!{get_column_letter(j + 1)}{i}")
        for sheet, _, rows in sheet_rows(tables)
        for i, cells in enumerate(rows, start=2)
        for j, text in enumerate(cells)
        if len(text) > MAX_CELL_CHARACTERS
    ]
    if too_long:
        raise WorkbookError(
            tuple(
                Finding(
                    FindingKind.WORKBOOK,
                    Severity.ERROR,
                    where,
                    f"a text longer than Excel's {MAX_CELL_CHARACTERS:,} characters per cell",
                    "export as CSV instead (--format csv)",
                )
                for where in too_long
            )
        )
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    bold = Font(bold=True)
    for sheet, header, rows in sheet_rows(tables):
        ws = book.create_sheet(sheet)
        widths = [len(name) + 2 for name in header]
        for j, name in enumerate(header, start=1):
            ws.cell(row=1, column=j, value=name).font = bold
        for i, cells in enumerate(rows, start=2):
            for j, text in enumerate(cells, start=1):
                if not text:
                    continue
                if header[j - 1] in INTEGERS and _WHOLE.fullmatch(text):
                    ws.cell(row=i, column=j, value=int(text))
                else:
                    cell = ws.cell(row=i, column=j, value=escape(text))
                    cell.data_type = "s"
                first_line = text.split("\n", 1)[0]
                widths[j - 1] = max(widths[j - 1], min(len(first_line) + 2, MAX_WIDTH))
        ws.freeze_panes = "A2"
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        book.save(partial)
        os.replace(partial, path)  # a reader never sees half a workbook
    finally:
        partial.unlink(missing_ok=True)
