"""CSV: the one escaping rule for cells, so that no cell is read as a formula.

A spreadsheet reads a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula (OWASP's CSV-injection rule), and one that trims spaces on import (LibreOffice's
"Trim spaces") reads one whose spaces come first the same way; such a cell is written with
a leading `'`, which
spreadsheets show as the text that follows. To keep the rule reversible, a cell already
starting with apostrophes before such a character gets one more; `csv_value` removes exactly
one, so every text reads back as written. A plain number (`-3`, `2.5`) is not a formula and
is written as it is.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

_FORMULA = re.compile(r"'*[ \t\r\n]*[=+\-@\t\r]")
"""What a spreadsheet may read as a formula, after any apostrophes escaping added and any
spaces an import trims."""
_ESCAPED = re.compile(r"'+[ \t\r\n]*[=+\-@\t\r]")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def csv_cell(text: str) -> str:
    """`text` as a CSV cell no spreadsheet runs."""
    if _FORMULA.match(text) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_value(cell: str) -> str:
    """The text a cell written by `csv_cell` holds (its inverse; any other cell as is)."""
    return cell[1:] if _ESCAPED.match(cell) else cell


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], *, bom: bool = True
) -> None:
    """One CSV file, UTF-8 (with the byte-order mark Excel needs, unless `bom` is False),
    every cell through `csv_cell`."""
    encoding = "utf-8-sig" if bom else "utf-8"
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow([csv_cell(c) for c in header])
        writer.writerows([csv_cell(c) for c in row] for row in rows)
