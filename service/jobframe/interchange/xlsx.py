"""Reading the sheets of an .xlsx workbook as the cells written in them, bounded whatever the
workbook declares.

openpyxl pads every row to the sheet's declared dimension: `A1:XFD1048576` makes a 12 KB file
17 billion empty cells. Here the file is opened once through the bounded reader, what its
parts unpack to is checked from the zip directory before anything is unpacked, and each sheet
part is parsed as it inflates through `inputs.streamed` (bounded in bytes and in seconds for
the whole parse), yielding only the cells it holds: an empty row costs nothing, a cell far to
the right costs one cell.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet._reader import WorkSheetParser

from ..errors import JobFrameError
from ..inputs import WORKBOOK, WORKBOOK_SHEET, InputRefused, opened, streamed

Cells = Sequence[tuple[int, object]]
"""A row's cells as written: (column index from 0, value), empty cells left out."""
SheetRows = Iterator[tuple[int, Cells]]
"""A sheet's rows as written, each with its row number; rows with no cell left out."""


class Unreadable(JobFrameError):
    """The file is not a workbook that can be read; the message says why."""


class TooLarge(Unreadable):
    """The workbook's parts unpack to more than it may hold."""


@contextmanager
def sheets(path: Path) -> Iterator[Iterator[tuple[str, SheetRows]]]:
    """Each sheet's title and rows, streamed; `Unreadable` (or `InputRefused`, with the
    bound crossed) when the file, its directory or a part cannot be read."""
    with opened(path, WORKBOOK) as file:
        try:
            with zipfile.ZipFile(file) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
        except (zipfile.BadZipFile, OSError) as error:
            raise Unreadable(f"not an .xlsx workbook ({error})") from None
        if unpacked > WORKBOOK.max_bytes:
            raise TooLarge(
                f"the workbook unpacks to {unpacked:,} bytes, over {WORKBOOK.max_bytes:,}"
            )
        file.seek(0)
        try:
            book = openpyxl.load_workbook(file, read_only=True, data_only=True)
        except Exception as error:  # any parser failure on untrusted input is a finding
            raise Unreadable(f"the workbook cannot be read: {_reason(error)}") from None
        try:
            yield ((sheet.title, _rows(book, sheet)) for sheet in book.worksheets)
        finally:
            book.close()


def _rows(book: Any, sheet: Any) -> SheetRows:
    """The sheet part's rows as it inflates, through the bounded reader: openpyxl's own
    parser of a read-only sheet (`ReadOnlyWorksheet._cells_by_row` without the padding)."""
    with sheet._get_source() as part:
        parser = WorkSheetParser(
            streamed(part.read, WORKBOOK_SHEET),
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        try:
            for number, cells in parser.parse():
                written = [(c["column"] - 1, c["value"]) for c in cells if c["value"] is not None]
                if written:
                    yield number, written
        except InputRefused:
            raise
        except Exception as error:  # a malformed sheet part, say
            reason = _reason(error)
            raise Unreadable(f"the sheet {sheet.title!r} cannot be read: {reason}") from None


_UNKNOWN_ATTRIBUTE = re.compile(r"unexpected keyword argument '([^']{1,80})'")


def _reason(error: Exception) -> str:
    """openpyxl's failure in the workbook's terms: its element classes refuse an attribute
    SpreadsheetML does not define with a TypeError naming the class, which tells a workbook
    user nothing."""
    if unknown := _UNKNOWN_ATTRIBUTE.search(str(error)):
        return f"an element has the attribute {unknown[1]!r}, which SpreadsheetML does not define"
    if isinstance(error, KeyError):
        return f"a part it refers to is missing ({error})"
    return str(error)
