"""Hostile workbooks: what a workbook declares never sets the work of reading it. Cells per
row are bounded by the header row, empty rows cost nothing, the row cap holds while the
sheet streams, and every part is bounded in bytes (from the zip directory and while it
inflates) and in time; each refusal is a finding at its location, never a hang."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from jobframe.inputs import Bound
from jobframe.interchange import WorkbookError, read_tables, reading, xlsx

from .hostile_workbooks import SHEET_PART, cell, hand_made, sheet_xml

EXCEL_ROWS = 1_048_576
GENEROUS = 60.0
"""Seconds a hostile workbook may take on a loaded machine; the old reader took ~38 min."""


def test_a_declared_dimension_of_the_whole_grid_is_read_in_seconds_by_jobframe_import(
    tmp_path: Path,
) -> None:
    last = cell(f"A{EXCEL_ROWS}", "Operations")
    part = sheet_xml(f"A1:XFD{EXCEL_ROWS}", [(1, cell("A1", "function")), (EXCEL_ROWS, last)])
    book = hand_made(tmp_path / "grid.xlsx", "functions", part)
    assert book.stat().st_size < 12_000
    done = subprocess.run(
        [sys.executable, "-m", "jobframe.cli", "import", str(book), "--out", str(tmp_path / "c")],
        capture_output=True,
        text=True,
        timeout=GENEROUS,
    )
    assert done.returncode == 2, done.stderr
    assert f"{book}:families: error [workbook]" in done.stdout  # the sheets it lacks
    assert not (tmp_path / "c").exists()
    [row] = read_tables(book)["functions"].rows
    assert (row.number, row.get("function")) == (EXCEL_ROWS, "Operations")


def test_cells_far_past_the_header_cost_one_problem_not_a_row_of_empty_cells(
    tmp_path: Path,
) -> None:
    rows = [(1, cell("A1", "function"))]
    rows += [(n, cell(f"A{n}", f"F{n}") + cell(f"XFD{n}", "stray")) for n in range(2, 20_002)]
    book = hand_made(tmp_path / "wide.xlsx", "functions", sheet_xml("A1:XFD20001", rows))
    started = time.monotonic()
    table = read_tables(book)["functions"]
    assert time.monotonic() - started < 20  # 1.8 s; padded to the dimension, 44 s
    assert len(table.rows) == 20_000 and table.header == ("function",)
    [problem] = table.problems
    assert (problem.location.cell, problem.message) == ("functions!XFD2", reading._UNNAMED)


def test_a_header_naming_more_columns_than_the_bound_is_named_where_it_passes_it(
    tmp_path: Path,
) -> None:
    names = "".join(cell(f"{get_column_letter(i)}1", f"c{i}") for i in range(1, 301))
    book = hand_made(tmp_path / "h.xlsx", "functions", sheet_xml("A1:KN1", [(1, names)]))
    table = read_tables(book)["functions"]
    assert len(table.header) == reading.MAX_COLUMNS
    [problem] = table.problems
    assert problem.location.cell == f"functions!{get_column_letter(reading.MAX_COLUMNS + 1)}1"
    assert f"more than {reading.MAX_COLUMNS} columns" in problem.message


def test_a_row_past_excels_last_is_named_and_ends_the_read_of_its_sheet(tmp_path: Path) -> None:
    rows = [(1, cell("A1", "function")), (2, cell("A2", "Operations"))]
    rows += [(EXCEL_ROWS + 1, cell(f"A{EXCEL_ROWS + 1}", "Past")), (EXCEL_ROWS + 2, "<c/>")]
    book = hand_made(tmp_path / "long.xlsx", "functions", sheet_xml("A1:A3", rows))
    table = read_tables(book)["functions"]
    assert [r.number for r in table.rows] == [2]
    [problem] = table.problems
    assert problem.location.cell == f"functions!{EXCEL_ROWS + 1}:{EXCEL_ROWS + 1}"


HEADER = [(1, cell("A1", "function"))]


def test_a_workbook_whose_parts_unpack_past_the_bound_is_refused_before_it_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = hand_made(tmp_path / "bomb.xlsx", "functions", sheet_xml("A1", HEADER, 50_000_000))
    assert book.stat().st_size < 100_000 < zipfile.ZipFile(book).getinfo(SHEET_PART).file_size
    monkeypatch.setattr(xlsx, "WORKBOOK", Bound("the workbook", 100_000, 120))
    with pytest.raises(WorkbookError) as raised:
        read_tables(book)
    [finding] = raised.value.findings
    assert "unpacks to" in finding.message and finding.location.file == str(book)


def test_a_sheet_part_is_refused_while_it_inflates_past_its_bytes_or_its_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = hand_made(tmp_path / "big.xlsx", "functions", sheet_xml("A1", HEADER, 500_000_000))
    for bound, says in (
        (Bound("a sheet of the workbook", 100_000, 120), "over 100,000 bytes"),
        (Bound("a sheet of the workbook", 1 << 30, 0.2), "longer than 0.2 s"),
    ):
        monkeypatch.setattr(xlsx, "WORKBOOK_SHEET", bound)
        started = time.monotonic()
        with pytest.raises(WorkbookError) as raised:
            read_tables(book)
        assert time.monotonic() - started < GENEROUS
        [finding] = raised.value.findings
        assert says in finding.message and finding.location.file == str(book)


def test_an_attribute_spreadsheetml_does_not_define_is_named_in_the_workbooks_terms(
    tmp_path: Path,
) -> None:
    book = hand_made(tmp_path / "odd.xlsx", "functions", sheet_xml('A1" x="A1', HEADER))
    with pytest.raises(WorkbookError) as raised:
        read_tables(book)
    [finding] = raised.value.findings
    assert "the attribute 'x', which SpreadsheetML does not define" in finding.message
    assert "__init__" not in finding.message and "save it" in (finding.hint or "")
