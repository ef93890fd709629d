"""Reading a workbook (`.xlsx`) or a folder of CSV files (`<sheet>.csv`) into tables.

Both give the same `Tables`: sheet and column names matched ignoring case and surrounding
white space, every cell as text (a whole number as its digits, whatever the cell's type),
blank rows skipped with the numbers of the others kept. A file that cannot be read is
named here; what the sheets hold is checked by the import (`canon_files.py`), so every
problem of a workbook is reported at once.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from pathlib import Path

from openpyxl.utils import get_column_letter

from ..findings import Finding, FindingKind, Location, Severity
from ..formats import csv_value
from ..inputs import CSV_FILE, InputRefused, opened, read_chunks
from . import xlsx
from .layout import SHEETS_BY_NAME, VERBATIM, Row, Table, Tables
from .ooxml import unescape
from .problems import WorkbookError, normal

MAX_ROWS = 1_048_576
"""Rows read of a sheet: Excel's own limit."""
MAX_COLUMNS = 256
"""Columns named in a sheet's header row, which bound every row's cells: the widest sheet of
the layout has 8, and 256 is the older Excel's own limit (IV), room for notes columns."""


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


def table(sheet: str, rows: Iterable[tuple[int, Sequence[tuple[int, str]]]], source: str) -> Table:
    """A table from its rows as written (row number, cells by column index from 0), row 1
    being the header. The header bounds the cells of every row: a cell past it costs one
    problem, whatever the row's width; the row cap holds while the rows stream."""
    header: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    read: list[Row] = []
    problems: list[Finding] = []
    unnamed: set[int] = set()
    for number, cells in rows:
        if number == 1:
            header = _header(cells, sheet, source, problems)
            named = tuple(n for n in dict.fromkeys(header) if n)
            continue
        if number > MAX_ROWS:
            too_long = f"the sheet has more than {MAX_ROWS:,} rows"
            problems.append(_problem(source, f"{sheet}!{number}:{number}", too_long, _SPLIT))
            break
        if not any(text.strip() for _, text in cells):
            continue
        row: dict[str, str] = dict.fromkeys(named, "")
        for index, text in cells:
            column = header[index] if index < len(header) else ""
            if column and not row[column]:
                row[column] = text if column in VERBATIM else text.strip()
            elif not column and text.strip() and index not in unnamed:
                unnamed.add(index)
                place = f"{sheet}!{get_column_letter(index + 1)}{number}"
                problems.append(_problem(source, place, _UNNAMED, _NAME_IT))
        read.append(Row(number, row))
    return Table(sheet, header, tuple(read), source, tuple(problems))


def _header(
    cells: Sequence[tuple[int, str]], sheet: str, source: str, problems: list[Finding]
) -> tuple[str, ...]:
    """The column names of row 1, up to the last one named and at most `MAX_COLUMNS`."""
    names = [""] * min(1 + max((i for i, t in cells if t.strip()), default=-1), MAX_COLUMNS)
    for index, text in cells:
        if index < len(names):
            names[index] = normal(text)
        elif text.strip():
            wide = f"the header row names more than {MAX_COLUMNS:,} columns"
            place = f"{sheet}!{get_column_letter(index + 1)}1"
            problems.append(_problem(source, place, wide, "keep to the layout's columns"))
            break
    return tuple(names)


_SPLIT = "keep each sheet within Excel's own limit of rows"
_UNNAMED = "a value in a column with no name in the header row"
_NAME_IT = "name the column in row 1, or clear its cells"


def _problem(source: str, place: str, message: str, hint: str) -> Finding:
    location = Location(file=source, cell=place)
    return Finding(FindingKind.WORKBOOK, Severity.ERROR, location, message, hint)


def _workbook(path: Path) -> Tables:
    hint = (
        "open it in a spreadsheet program and save it as an Excel workbook (.xlsx), "
        "or give a folder of CSV files"
    )
    tables: dict[str, Table] = {}
    try:
        with xlsx.sheets(path) as found:
            for title, rows in found:
                name = _sheet_name(title)
                texts = ((n, [(i, cell_text(v)) for i, v in cells]) for n, cells in rows)
                tables.setdefault(name, table(name, texts, str(path)))
    except (InputRefused, xlsx.TooLarge) as refused:
        raise _refused(path, str(refused), _SMALLER) from None
    except xlsx.Unreadable as error:
        raise _refused(path, str(error), hint) from None
    except OSError as error:
        raise _refused(path, f"not an .xlsx workbook ({error.strerror or error})", hint) from None
    return tables


_SMALLER = "split it, or import a folder of CSV files"


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
    """The sheet's CSV file read as it streams, line by line through the bounded reader
    (bytes and seconds), so that only its rows are ever held and the row cap stops it."""

    def refused(message: str, hint: str, line: int | None = None) -> Table:
        place = f"{sheet}!{line}:{line}" if line else sheet
        return Table(sheet, (), (), str(file), (_problem(str(file), place, message, hint),))

    try:
        with opened(file, CSV_FILE) as stream:
            lines = _lines(read_chunks(stream.read, CSV_FILE))
            first = next(lines, "")
            delimiter = max(",;\t", key=first.split("\n", 1)[0].count) if first else ","
            reader = csv.reader(itertools.chain((first,), lines), delimiter=delimiter)
            try:
                # csv_value undoes formats.csv_cell: `'=1+2` (so no spreadsheet runs it) is `=1+2`
                numbered = (
                    (n, list(enumerate(map(csv_value, cells)))) for n, cells in enumerate(reader, 1)
                )
                return table(sheet, numbered, str(file))
            except csv.Error as error:
                return refused(
                    f"`{file.name}` is not CSV: {error}", "save it again as CSV", reader.line_num
                )
    except _NotUTF8 as error:
        return refused(f"`{file.name}` is {error.args[0]}", _UTF8, error.args[1])
    except InputRefused as error:
        return refused(str(error), "split the sheet")
    except OSError as error:
        return refused(f"`{file.name}` cannot be read: {error.strerror or error}", "check it")


class _NotUTF8(ValueError):
    """(what the file is instead, its line)"""


def _lines(chunks: Iterator[bytes]) -> Iterator[str]:
    """The text lines of a UTF-8 file's chunks, each with its line end, decoded one at a
    time (UTF-8 never holds a line end inside a character); _NotUTF8 names the line."""
    number, left = 0, b""
    for chunk in chunks:
        if number == 0 and not left and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _NotUTF8("UTF-16, not UTF-8", None)
        pieces = (left + chunk).splitlines(keepends=True)
        left = pieces.pop() if pieces and not pieces[-1].endswith(b"\n") else b""
        for piece in pieces:
            number += 1
            yield _decoded(piece, number)
    if left:
        yield _decoded(left, number + 1)


def _decoded(line: bytes, number: int) -> str:
    try:
        return line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        byte = line[error.start]
        guess = " (it looks like Latin-1 or Windows-1252)" if _is_cp1252(line) else ""
        raise _NotUTF8(f"not UTF-8{guess}: byte 0x{byte:02X} on line {number}", number) from None


_UTF8 = "save it as CSV UTF-8 (in Excel: Save As, CSV UTF-8 (Comma delimited))"


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
