"""Reading a workbook (`.xlsx`) or a folder of CSV files (`<sheet>.csv`) into tables.

Both give the same `Tables`: sheet and column names matched ignoring case and surrounding
white space, every cell as text (a whole number as its digits, whatever the cell's type),
blank rows skipped with the numbers of the others kept. A file that cannot be read is
named here; what the sheets hold is checked by the import (`canon_files.py`), so every
problem of a workbook is reported at once.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from ..findings import Finding, FindingKind, Location, Severity
from ..formats import csv_value
from .layout import SHEETS_BY_NAME, VERBATIM, Row, Table, Tables
from .ooxml import unescape
from .problems import WorkbookError, normal

MAX_WORKBOOK_BYTES = 512 * 1024 * 1024
"""Largest workbook read: its file, and what its parts unpack to (checked before unpacking),
and each CSV file (512 MiB, as for a canon file)."""
MAX_ROWS = 1_048_576
"""Rows read of a sheet: Excel's own limit."""


def read_tables(path: Path) -> Tables:
    """The tables of a workbook (`.xlsx`) or of a folder of `<sheet>.csv` files.

    Raises `WorkbookError` when the path cannot be read at all; a sheet that cannot be read
    (a CSV file that is not UTF-8) is a table carrying its problem.
    """
    if path.is_dir():
        return _csv_folder(path)
    if not path.is_file():
        raise _refused(path, "no workbook or folder of CSV files here", "check the path")
    return _workbook(path)


def _refused(path: Path, message: str, hint: str) -> WorkbookError:
    location = Location(file=str(path))
    return WorkbookError((Finding(FindingKind.WORKBOOK, Severity.ERROR, location, message, hint),))


def _sheet_name(name: str) -> str:
    """A known sheet by its layout name; any other as written."""
    return normal(name) if normal(name) in SHEETS_BY_NAME else name.strip()


def cell_text(value: object) -> str:
    """A cell's value as text: 3 and 3.0 are "3", 3.5 is "3.5", a date is ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unescape(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def table(sheet: str, rows: Iterable[Sequence[str]], source: str) -> Table:
    """A table from its rows of cell texts, the first being the header row."""
    header: tuple[str, ...] = ()
    read: list[Row] = []
    problems: list[Finding] = []
    unnamed: set[int] = set()
    for number, cells in enumerate(rows, start=1):
        if number == 1:
            names = [normal(c) for c in cells]
            while names and not names[-1]:
                names.pop()
            header = tuple(names)
            continue
        if number > MAX_ROWS:
            too_long = f"the sheet has more than {MAX_ROWS:,} rows"
            problems.append(_problem(source, f"{sheet}!{number}:{number}", too_long, _SPLIT))
            break
        if not any(c.strip() for c in cells):
            continue
        row: dict[str, str] = dict.fromkeys(header, "")
        for index, text in enumerate(cells):
            column = header[index] if index < len(header) else ""
            if column and not row[column]:
                row[column] = text if column in VERBATIM else text.strip()
            elif not column and text.strip() and index not in unnamed:
                unnamed.add(index)
                place = f"{sheet}!{get_column_letter(index + 1)}{number}"
                problems.append(_problem(source, place, _UNNAMED, _NAME_IT))
        read.append(Row(number, row))
    return Table(sheet, header, tuple(read), source, tuple(problems))


_SPLIT = "keep each sheet within Excel's own limit of rows"
_UNNAMED = "a value in a column with no name in the header row"
_NAME_IT = "name the column in row 1, or clear its cells"


def _problem(source: str, place: str, message: str, hint: str) -> Finding:
    location = Location(file=source, cell=place)
    return Finding(FindingKind.WORKBOOK, Severity.ERROR, location, message, hint)


def _workbook(path: Path) -> Tables:
    hint = "save it as an Excel workbook (.xlsx), or give a folder of CSV files"
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise _refused(path, f"not an .xlsx workbook ({error})", hint) from None
    if max(unpacked, path.stat().st_size) > MAX_WORKBOOK_BYTES:
        raise _refused(
            path,
            f"the workbook unpacks to {unpacked:,} bytes, over {MAX_WORKBOOK_BYTES:,}",
            "split it, or import a folder of CSV files",
        )
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # any parser failure on untrusted input is a finding
        raise _refused(path, f"the workbook cannot be read ({error})", hint) from None
    tables: dict[str, Table] = {}
    try:
        for sheet in book.worksheets:
            name = _sheet_name(sheet.title)
            rows = ([cell_text(v) for v in values] for values in sheet.iter_rows(values_only=True))
            tables.setdefault(name, table(name, rows, str(path)))
    except Exception as error:  # a malformed sheet part, say
        raise _refused(path, f"the workbook cannot be read ({error})", hint) from None
    finally:
        book.close()
    return tables


def _csv_folder(folder: Path) -> Tables:
    files = sorted(
        p for p in folder.iterdir() if p.suffix.casefold() == ".csv" and not p.name.startswith(".")
    )
    if not files:
        raise _refused(
            folder, "no CSV files in this folder", "save each sheet as `<sheet>.csv` in it"
        )
    tables: dict[str, Table] = {}
    for file in files:
        name = _sheet_name(file.stem)
        tables.setdefault(name, _csv(file, name))
    return tables


def _csv(file: Path, sheet: str) -> Table:
    def refused(message: str, hint: str, line: int | None = None) -> Table:
        place = f"{sheet}!{line}:{line}" if line else sheet
        return Table(sheet, (), (), str(file), (_problem(str(file), place, message, hint),))

    if not file.is_file() or file.stat().st_size > MAX_WORKBOOK_BYTES:
        return refused(f"not a file of at most {MAX_WORKBOOK_BYTES:,} bytes", "split the sheet")
    data = file.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return refused(f"`{file.name}` is UTF-16, not UTF-8", _UTF8)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        guess = " (it looks like Latin-1 or Windows-1252)" if _is_cp1252(data) else ""
        return refused(
            f"`{file.name}` is not UTF-8{guess}: byte 0x{byte:02X} on line {line}", _UTF8, line
        )
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # csv_value undoes formats.csv_cell: `'=1+2` (written so no spreadsheet runs it) is `=1+2`
        return table(sheet, [[csv_value(c) for c in row] for row in reader], str(file))
    except csv.Error as error:
        return refused(
            f"`{file.name}` is not CSV: {error}", "save it again as CSV", reader.line_num
        )


_UTF8 = "save it as CSV UTF-8 (in Excel: Save As, CSV UTF-8 (Comma delimited))"


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
