"""CSV: no cell a spreadsheet would read as a formula, and every text reads back exactly
(held over any Unicode and the pieces formula injections are made of)."""

from __future__ import annotations

import csv
import re
import tempfile
from pathlib import Path

from hypothesis import given

from jobframe.formats import csv_cell, csv_value, write_csv

from .texts import EXAMPLES, texts

TRIGGER = re.compile(r"[ \t\r\n]*[=+\-@\t\r]")
"""A formula's first character, after the spaces an import may trim."""
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@EXAMPLES
@given(texts)
def test_no_cell_opens_with_a_formula_trigger_but_a_plain_number(text: str) -> None:
    cell = csv_cell(text)
    assert not TRIGGER.match(cell) or NUMBER.fullmatch(cell)


@EXAMPLES
@given(texts)
def test_every_cell_reads_back_as_the_text_written(text: str) -> None:
    assert csv_value(csv_cell(text)) == text


@EXAMPLES
@given(texts)
def test_a_text_that_is_not_a_formula_is_written_as_it_is(text: str) -> None:
    if not re.match(r"'*[ \t\r\n]*[=+\-@\t\r]", text):
        assert csv_cell(text) == text


def test_a_formula_after_spaces_is_escaped_too() -> None:
    """LibreOffice's "Trim spaces" import reads ` \\t=1+1` as `=1+1` (outside attack)."""
    assert csv_cell(" \t=1+1") == "' \t=1+1"
    assert csv_value("' \t=1+1") == " \t=1+1"


@EXAMPLES
@given(texts, texts)
def test_a_written_file_reads_back_through_the_csv_module(header: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.csv"
        write_csv(path, ["h", header], [["v", text]])
        with path.open(encoding="utf-8-sig", newline="") as read:
            rows = list(csv.reader(read))
    assert [[csv_value(c) for c in row] for row in rows] == [["h", header], ["v", text]]
