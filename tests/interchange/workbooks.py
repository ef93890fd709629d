"""Small workbooks written inline, as a CSV folder or an .xlsx, for the interchange tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

import openpyxl

from jobframe.findings import Finding
from jobframe.interchange import Tables, WorkbookError, canon_files

SMALL: dict[str, str] = {
    "functions": "function\nOperations\n",
    "families": "family,function\nField Operations,Operations\n",
    "levels": "code,title,track,rank\nP2,Specialist,P,2\nP3,Senior Specialist,P,3\n",
    "dimensions": "name,running_name,display_order\nScope,scope,1\nImpact,impact,2\n",
    "level_statements": (
        "level,dimension,text,family\n"
        "P3,Scope,A program,\n"
        "P3,Impact,Org results,\n"
        "P2,Scope,A project,\n"
        "P2,Impact,Team results,\n"
    ),
    "role_levels": "family,level\nField Operations,P3\n",
    "responsibilities": (
        "family,level,order,source,text\n"
        "Field Operations,P3,1,JFM,Runs the program\n"
        "Field Operations,P3,2,JFM,Grows the team\n"
    ),
    "rubric": (
        "family,level,rubric,source,text\n"
        "Field Operations,P3,complexity,JFM,Solves hard problems.\n"
        "Field Operations,P3,knowledge,JFM,Applies deep knowledge.\n"
    ),
    "sources": "name,notation\nJFM,jfm\n",
}
"""A whole canon in nine sheets: one role-level with two responsibilities and its rubric."""

NASTY = [
    'He said "hi"',
    "back\\slash and \\u0041, not an escape",
    "line\nbreak",
    "carriage\r\nreturn and a lone \r",
    "tab\there",
    "😀 non-BMP 𝄞 and a combining é",
    "\x01 control \x7f and \x00",
    '"""triple quotes""" and \'single\'',
    "=SUM(A1) looks like a formula",
    "_x000D_ looks like an OOXML escape",
    "  leading and trailing white space  ",
    "\u2028 line separator \ufeff byte-order mark",
]
"""Texts that a careless writer or reader would change: quotes, escapes, line breaks, control
characters, non-BMP characters, formulas, OOXML escapes and surrounding white space."""


def csv_folder(folder: Path, sheets: Mapping[str, str]) -> Path:
    """Each sheet's CSV text as `<sheet>.csv` in the folder (UTF-8)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in sheets.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
    return folder


def xlsx(path: Path, sheets: Mapping[str, str]) -> Path:
    """Each sheet's CSV text as a sheet of a workbook, every cell a string."""
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, text in sheets.items():
        sheet = book.create_sheet(name)
        for row in csv.reader(io.StringIO(text)):
            sheet.append(row)
    book.save(path)
    return path


def edited(sheets: Mapping[str, str], sheet: str, old: str, new: str) -> dict[str, str]:
    """The sheets with one text replaced in one sheet (which must hold it once)."""
    assert sheets[sheet].count(old) == 1, (sheet, old)
    return {**sheets, sheet: sheets[sheet].replace(old, new)}


def problems(tables: Tables) -> tuple[Finding, ...]:
    """Every problem the import finds in the tables (none: the test fails)."""
    try:
        canon_files(tables)
    except WorkbookError as error:
        return error.findings
    raise AssertionError("the workbook has no problem")


def cells(tables: Tables) -> dict[str, list[dict[str, str]]]:
    """The tables' contents: sheet -> rows of column -> cell."""
    return {name: [dict(row.cells) for row in t.rows] for name, t in tables.items()}
