"""The workbook layout: the public contract of `jobframe import` and `jobframe export`.

One sheet per kind of canon node, header row first. Every importer (a workbook, a folder of
CSV files, O*NET) produces these tables and every exporter writes them, so the layout is
defined here once and documented from this definition (`docs/workbook.md`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..findings import Finding, Location


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sheet's name, its columns (required first) and what one row describes."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    row: str
    needed: bool = True
    """Whether a workbook must have this sheet (optional sheets may be left out)."""

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.required, *self.optional)


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "canon",
        ("key", "value"),
        (),
        "one fact about the canon as a whole: title, default_lang, source, license, attribution",
        needed=False,
    ),
    Sheet("functions", ("function",), ("lang", "iri"), "a job function"),
    Sheet("families", ("family", "function"), ("description", "lang", "iri"), "a job family"),
    Sheet("levels", ("code", "title", "track", "rank"), ("lang", "iri"), "a level of a track"),
    Sheet(
        "dimensions",
        ("name", "running_name", "display_order"),
        ("lang", "iri"),
        "a level dimension",
    ),
    Sheet(
        "level_statements",
        ("level", "dimension", "text"),
        ("family", "lang", "iri"),
        "what a level means along a dimension (for one family when `family` is given)",
    ),
    Sheet("role_levels", ("family", "level"), ("iri",), "a family at a level"),
    Sheet(
        "groups",
        ("group", "display_order"),
        ("lang", "iri"),
        "a responsibility group",
        needed=False,
    ),
    Sheet(
        "responsibilities",
        ("family", "level", "order", "source", "text"),
        ("group", "lang", "iri"),
        "a responsibility of a role-level",
    ),
    Sheet(
        "rubric",
        ("family", "level", "rubric", "source", "text"),
        ("lang", "iri"),
        "a leveling-rubric entry of a role-level (`rubric`: complexity or knowledge)",
    ),
    Sheet("sources", ("name", "notation"), ("lang", "iri"), "a source canon text is taken from"),
    Sheet(
        "translations",
        ("iri", "column", "lang", "text"),
        (),
        "one column of one node in another language",
        needed=False,
    ),
)
"""Every sheet, in workbook order."""

SHEETS_BY_NAME: Mapping[str, Sheet] = {s.name: s for s in SHEETS}

CANON_KEYS: tuple[str, ...] = ("title", "default_lang", "source", "license", "attribution")
"""The keys of the `canon` sheet."""

VERBATIM: frozenset[str] = frozenset({"text", "description", "value"})
"""Columns of verbatim text: read and written exactly, white space included."""

INTEGERS: frozenset[str] = frozenset({"rank", "display_order", "order"})
"""Columns of whole numbers."""

TEXT_COLUMNS: Mapping[str, Mapping[str, str]] = {
    "functions": {"function": "label"},
    "families": {"family": "label", "description": "text"},
    "levels": {"title": "label"},
    "dimensions": {"name": "label", "running_name": "notation"},
    "level_statements": {"text": "text"},
    "groups": {"group": "label"},
    "responsibilities": {"text": "text"},
    "rubric": {"text": "text"},
    "sources": {"name": "label", "notation": "notation"},
}
"""Sheet -> the columns a row's `lang` tags and `translations` may give in other languages,
each with the node field it holds (`label`, `notation` or `text`). Codes (a level's `code`,
its `track`) are never language-tagged."""


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its number in the sheet (the header is row 1) and its cells by column.

    Cells are text; an empty cell is "". A verbatim column (`VERBATIM`) keeps its cell exactly
    as typed; every other cell has surrounding white space removed.
    """

    number: int
    cells: Mapping[str, str]
    origin: Location | None = field(default=None, compare=False)
    """Where the row came from when not from a sheet (an O*NET file and line): findings
    about it are placed there."""

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet as read (or about to be written): its header as found and its rows.

    Two tables are equal when their sheet, header and rows are: where they were read from
    (`source`) and what could not be read (`problems`) do not count.
    """

    sheet: str
    header: tuple[str, ...]
    rows: tuple[Row, ...] = field(default=())
    source: str | None = field(default=None, compare=False)
    """The file the sheet was read from (the workbook, or the sheet's CSV file)."""
    problems: tuple[Finding, ...] = field(default=(), compare=False)
    """What kept the sheet from being read whole (a CSV file that is not UTF-8, say)."""


Tables = Mapping[str, Table]
"""A workbook: sheet name -> table. What importers read into and exporters write from."""
