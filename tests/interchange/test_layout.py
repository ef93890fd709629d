"""The workbook layout is a public contract: every sheet, column, text column and `canon` key
is documented in docs/workbook.md, and the sheets the issue names keep their columns."""

from __future__ import annotations

from jobframe.interchange import CANON_KEYS, SHEETS, SHEETS_BY_NAME, TEXT_COLUMNS
from tests.conftest import ROOT

PAGE = (ROOT / "docs" / "workbook.md").read_text("utf-8")


def _quoted(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def test_every_sheet_is_documented_with_its_columns() -> None:
    for sheet in SHEETS:
        row = f"| `{sheet.name}` | {_quoted(sheet.required)} | {_quoted(sheet.optional)} |"
        assert row.replace("|  |", "| |") in PAGE, f"docs/workbook.md lacks: {row}"


def test_every_text_column_and_canon_key_is_documented() -> None:
    for sheet, columns in TEXT_COLUMNS.items():
        assert f"| `{sheet}` | {_quoted(list(columns))} |" in PAGE, sheet
    for key in CANON_KEYS:
        assert f"`{key}`" in PAGE, key


def test_the_sheets_and_columns_the_issue_names_are_kept() -> None:
    named = {
        "functions": ("function",),
        "families": ("family", "function"),
        "levels": ("code", "title", "track", "rank"),
        "dimensions": ("name", "running_name", "display_order"),
        "level_statements": ("level", "dimension", "text", "family"),
        "role_levels": ("family", "level"),
        "responsibilities": ("family", "level", "order", "source", "text", "group"),
        "rubric": ("family", "level", "rubric", "source", "text"),
        "sources": ("name", "notation"),
    }
    for sheet, columns in named.items():
        assert set(columns) <= set(SHEETS_BY_NAME[sheet].columns), sheet
