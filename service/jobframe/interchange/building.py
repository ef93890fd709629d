"""Reading the rows of a workbook into canon nodes, checking every cell on the way.

Each row becomes a node whose IRI is derived from names (`iris.py`) unless its `iri` cell
gives one; each reference (a family, a level, a source…) is looked up by name among the rows
of the sheet that defines it. Every problem is collected (`problems.py`): the nodes are only
used when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..canon import LANGUAGE_TAG
from ..findings import FindingKind, Location
from ..vocabulary import JF, SKOS_NOTATION, SKOS_PREF_LABEL
from .iris import code_segment, resolve_iri, slug, track_iri
from .layout import SHEETS_BY_NAME, TEXT_COLUMNS, VERBATIM, Row, Table, Tables
from .problems import Problems, Registry, cell
from .sheets import Checked, check_sheets
from .turtle_writer import Node, Text

PROPERTY = {"label": SKOS_PREF_LABEL, "notation": SKOS_NOTATION, "text": JF.text}
"""Where each node field (see `layout.TEXT_COLUMNS`) is written."""

MAX_DIGITS = 18
"""Digits read of a whole number (an order, a rank): more is not a position in a sheet."""
_INTEGER = re.compile(r"[+-]?[0-9]+")


@dataclass
class Origin:
    """Where a node was defined: for messages, and for the translations that name it."""

    table: Table
    row: Row
    lang: str | None
    location: Location


@dataclass
class Built:
    """The nodes of a workbook with no problems: each with its file and where it came from."""

    nodes: dict[str, Node] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    """Node IRI -> the file (relative path) its block is written to."""
    origins: dict[str, Origin] = field(default_factory=dict)


class Builder:
    """One pass over the workbook's rows; `problems` holds all that was wrong."""

    def __init__(self, tables: Tables) -> None:
        self.problems = Problems()
        self.checked: Checked = check_sheets(tables, self.problems)
        self.built = Built()
        self.functions = Registry("functions", "function")
        self.families = Registry("families", "family")
        self.levels = Registry("levels", "level")
        self.dimensions = Registry("dimensions", "dimension")
        self.groups = Registry("groups", "group")
        self.sources = Registry("sources", "source")
        self.tracks: dict[str, str] = {}

    # ---------------------------------------------------------------- cells

    def rows(self, sheet: str) -> Iterator[tuple[Table, Row]]:
        table = self.checked.table(sheet)
        for row in table.rows:
            for column, text in row.cells.items():
                if not text.isascii() and not _is_unicode(text):
                    self.problems.at(
                        table,
                        row,
                        column,
                        "the cell holds a lone surrogate, which is no character",
                        "retype the text, or copy it from a source that is valid Unicode",
                    )
            yield table, row

    def value(self, t: Table, r: Row, column: str, required: bool = True) -> str:
        """The cell's text ("" when empty); an empty required cell is a problem."""
        raw = r.get(column)
        text = raw if column in VERBATIM else raw.strip()
        if not text.strip():
            if required and (normal_sheet(t), column) not in self.checked.lacking:
                what = SHEETS_BY_NAME[normal_sheet(t)].row
                self.problems.at(
                    t, r, column, f"empty `{column}`", f"fill it in: each row is {what}"
                )
            return ""
        return text

    def integer(self, t: Table, r: Row, column: str, minimum: int | None = None) -> int | None:
        text = self.value(t, r, column)
        if not text:
            return None
        if not _INTEGER.fullmatch(text) or len(text.lstrip("+-")) > MAX_DIGITS:
            self.problems.at(
                t,
                r,
                column,
                f"`{column}` must be a whole number, not `{text}`",
                "type a whole number such as 3",
            )
            return None
        number = int(text)
        if minimum is not None and number < minimum:
            self.problems.at(
                t, r, column, f"`{column}` must be {minimum} or more, not {number}", "renumber"
            )
            return None
        return number

    def lang(self, t: Table, r: Row, column: str = "lang") -> str | None:
        tag = self.value(t, r, column, required=False)
        if tag and not LANGUAGE_TAG.fullmatch(tag):
            self.problems.at(
                t,
                r,
                column,
                f"`{tag}` is not a language tag",
                "write a BCP 47 tag such as en, fr or pt-BR (a hyphen, not an underscore)",
            )
            return None
        return tag or None

    def readable(self, sheet: str) -> bool:
        """Whether the sheet's rows were read: a missing needed sheet or an unreadable one is
        reported once, not again at each row naming something it would define."""
        table = self.checked.tables.get(sheet)
        if table is None:
            return not SHEETS_BY_NAME[sheet].needed
        return bool(table.header) or not table.problems

    def ref(self, t: Table, r: Row, column: str, names: Registry, required: bool = True) -> str:
        """The IRI of the node the cell names ("" when empty or unknown: reported, unless
        the sheet that defines such names is missing, which is reported once)."""
        name = self.value(t, r, column, required)
        if name and name not in names.iris and self.readable(names.sheet):
            self.problems.at(
                t,
                r,
                column,
                f"no {names.what} `{name}` in sheet `{names.sheet}`",
                names.hint(name),
                FindingKind.DANGLING,
            )
            return ""
        return names.iris.get(name, "")

    def define(self, t: Table, r: Row, column: str, name: str, names: Registry) -> bool:
        """Register a name its sheet defines; a second row with that name is a problem."""
        if name in names.iris:
            self.problems.at(
                t,
                r,
                column,
                f"a second {names.what} `{name}` (the first is at {names.places[name]})",
                "give each row its own name, or remove this one",
                FindingKind.DUPLICATE,
            )
            return False
        names.add(name, "", cell(t, column, r.number))
        return True

    def unique(
        self, seen: dict[object, str], key: object, t: Table, r: Row, column: str, what: str
    ) -> bool:
        """Whether no earlier row had this key; else a problem at the row's `column` cell
        naming the first row's."""
        first = seen.get(key)
        if first is not None:
            self.problems.at(
                t,
                r,
                column,
                f"a second {what} (the first is {first})",
                "merge the two rows, or remove this one",
                FindingKind.DUPLICATE,
            )
            return False
        seen[key] = cell(t, column, r.number)
        return True

    # ---------------------------------------------------------------- nodes

    def node(
        self,
        t: Table,
        r: Row,
        derived: str,
        cls: str,
        file: str,
        named: tuple[str, str] | None = None,
        lang: str | None = None,
        own_iri: bool = True,
    ) -> Node | None:
        """A node for the row: IRI from its `iri` cell, else `derived`. `named` is the
        (column, name) the derived IRI comes from; a name with no letter or digit cannot
        name an IRI, and neither can two names that give the same IRI. `own_iri` False: the
        row's `iri` cell is another node's (a level's row also makes its track)."""
        origins = self.built.origins
        written = self.value(t, r, "iri", required=False) if own_iri else ""
        if written:
            iri = resolve_iri(written)
            if iri is None:
                self.problems.at(
                    t,
                    r,
                    "iri",
                    f"`{written}` is not an IRI",
                    "write an absolute IRI (https://…) or one relative to the canon's base, "
                    'with no spaces or <>"{}|^` in it',
                )
                return None
        elif named is not None and not derived.rsplit("/", 1)[1]:
            column, name = named
            self.problems.at(
                t,
                r,
                column,
                f"`{name}` has no letter or digit to derive an IRI from",
                "add a letter or digit, or give the row its own IRI in the `iri` column",
            )
            return None
        else:
            iri = derived
        if iri in origins:
            first = origins[iri].location.cell
            self.problems.at(
                t,
                r,
                "iri" if written else (named[0] if named else "iri"),
                f"this row gives the IRI <{iri}>, as {first} does",
                "rename one of them, or give one its own IRI in the `iri` column",
                FindingKind.DUPLICATE,
            )
            return None
        key_column = SHEETS_BY_NAME[normal_sheet(t)].required[0]
        column = named[0] if named is not None and not own_iri else key_column
        location = (
            replace(r.origin, node=iri)
            if r.origin is not None
            else Location(file=t.source, cell=cell(t, column, r.number), node=iri)
        )
        origins[iri] = Origin(t, r, lang, location)
        node = Node(iri, cls)
        self.built.nodes[iri] = node
        self.built.files[iri] = file
        return node

    def texts(self, node: Node, t: Table, r: Row, lang: str | None) -> None:
        """The row's text columns as values of the node, tagged with the row's language."""
        for column, name in TEXT_COLUMNS[normal_sheet(t)].items():
            text = self.value(t, r, column, required=False)
            if text:
                node.add(PROPERTY[name], Text(text, lang))

    def track(self, t: Table, r: Row, code: str) -> str:
        """The track named by a level's `track` cell, made at its first mention."""
        iri = self.tracks.get(code)
        if iri is not None:
            return iri
        named = ("track", code)
        node = self.node(t, r, track_iri(code), JF.Track, "levels.ttl", named, own_iri=False)
        if node is None:
            self.tracks[code] = ""
            return ""
        node.add(SKOS_PREF_LABEL, Text(code))
        node.add(SKOS_NOTATION, Text(code))
        self.tracks[code] = node.iri
        return node.iri


def _is_unicode(text: str) -> bool:
    """Whether the text can be written as UTF-8 (a workbook read from a file always can)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def normal_sheet(t: Table) -> str:
    return t.sheet.strip().casefold()


def role_file(family: str, code: str) -> str:
    """The file of a role-level and its responsibilities and rubric entries."""
    return f"role-levels/{slug(family)}-{code_segment(code)}.ttl"
