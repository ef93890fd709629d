"""Writing tables as a workbook or CSV folder: every sheet in the layout's order, a header a
person can work with, and any text read back exactly."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from jobframe.canon import Canon
from jobframe.interchange import (
    SHEETS,
    Row,
    Table,
    WorkbookError,
    canon_tables,
    read_tables,
    write_tables,
)

from .workbooks import NASTY


def test_a_workbook_has_every_sheet_in_order_with_a_bold_frozen_header(
    tmp_path: Path, canon: Canon
) -> None:
    path = tmp_path / "canon.xlsx"
    write_tables(canon_tables(canon), path, "xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [s.name for s in SHEETS]
    for sheet in SHEETS:
        ws = book[sheet.name]
        assert [c.value for c in ws[1]] == list(sheet.columns)
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
    responsibilities = book["responsibilities"]
    assert responsibilities["C2"].value == 1  # a number, not the text "1"
    assert 20 < responsibilities.column_dimensions["E"].width <= 60


def _with_texts(texts: list[str]) -> dict[str, Table]:
    header = ("family", "level", "order", "source", "text")
    rows = tuple(
        Row(n, {"family": "F", "level": "L", "order": str(n), "source": "S", "text": text})
        for n, text in enumerate(texts, start=2)
    )
    return {"responsibilities": Table("responsibilities", header, rows)}


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_any_text_survives_a_workbook_and_a_csv_folder(tmp_path: Path, format: str) -> None:
    path = tmp_path / ("book.xlsx" if format == "xlsx" else "book")
    write_tables(_with_texts(NASTY), path, "xlsx" if format == "xlsx" else "csv")
    read = read_tables(path)["responsibilities"]
    assert [r.get("text") for r in read.rows] == NASTY


def test_a_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_tables(_with_texts(["=1+2", "@SUM(A1)"]), path, "xlsx")
    ws = openpyxl.load_workbook(path)["responsibilities"]
    assert (ws["E2"].data_type, ws["E2"].value) == ("s", "=1+2")


def test_a_csv_export_is_utf8_with_a_byte_order_mark_for_excel(
    tmp_path: Path, canon: Canon
) -> None:
    write_tables(canon_tables(canon), tmp_path, "csv")
    assert sorted(p.stem for p in tmp_path.glob("*.csv")) == sorted(s.name for s in SHEETS)
    data = (tmp_path / "responsibilities.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbffamily,level,order")
    assert "—".encode() in data


def test_a_text_longer_than_excel_holds_is_refused_naming_its_cell(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as raised:
        write_tables(_with_texts(["short", "x" * 40_000]), tmp_path / "book.xlsx", "xlsx")
    [finding] = raised.value.findings
    assert finding.location.cell == "responsibilities!E3"
    assert not (tmp_path / "book.xlsx").exists()
