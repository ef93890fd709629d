"""Any checked canon as workbook tables: the layout `jobframe import` reads back.

Rows come in the canon's own order, so exporting a canon, importing the workbook and
exporting again gives the same tables. A node's values in several languages take one row in
one language (untagged if it has untagged values, else the language most of its columns
have, the canon's default first) and a `translations` row for each other value. The `iri`
cell is filled only where the node's IRI is not the one its names derive.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..canon import Canon, CanonNode
from .iris import (
    RUBRICS,
    dimension_iri,
    family_iri,
    function_iri,
    group_iri,
    level_iri,
    responsibility_iri,
    role_iri,
    rubric_iri,
    shown_iri,
    source_iri,
    statement_iri,
)
from .layout import SHEETS, TEXT_COLUMNS, Row, Table, Tables

_RUBRIC_KEYS = {dimension: key for key, (dimension, _) in RUBRICS.items()}
Cells = dict[str, str]


def canon_tables(canon: Canon) -> Tables:
    """The canon's tables, one per sheet of the layout (empty ones included), in order."""
    return _Export(canon).tables()


class _Export:
    def __init__(self, canon: Canon) -> None:
        self.canon = canon
        self.names: dict[str, str] = {}
        """Node IRI -> the name other sheets refer to it by (its row's name cell)."""
        self.sheets: dict[str, list[Cells]] = {s.name: [] for s in SHEETS}
        self.translations: dict[str, list[Cells]] = {s.name: [] for s in SHEETS}

    def tables(self) -> Tables:
        c = self.canon
        self._about()
        for function in c.functions:
            self.row("functions", function, function_iri)
        for group in c.groups:
            cells = self.row("groups", group, group_iri)
            cells["display_order"] = str(group.display_order)
        for source in c.sources:
            self.row("sources", source, source_iri)
        for family in c.families:
            cells = self.row("families", family, family_iri)
            cells["function"] = self.names[family.function.iri]
        for dimension in c.dimensions:
            cells = self.row("dimensions", dimension, dimension_iri)
            cells["display_order"] = str(dimension.display_order)
        for level in c.levels:
            code = level.code
            self.names[level.iri] = code
            cells = self.row("levels", level, level_iri(code))
            track = level.track
            cells.update(code=code, track=track.notation or track.label, rank=str(level.rank))
        self._statements()
        self._role_levels()
        translations = self.sheets["translations"]
        for sheet in SHEETS:
            translations += self.translations[sheet.name]
        return {
            s.name: Table(
                s.name,
                s.columns,
                tuple(
                    Row(n, {c: cells.get(c, "") for c in s.columns})
                    for n, cells in enumerate(self.sheets[s.name], start=2)
                ),
            )
            for s in SHEETS
        }

    def row(self, sheet: str, node: CanonNode, derive: Callable[[str], str] | str) -> Cells:
        """A new row of the sheet for the node: its text columns, `lang` and `iri`.

        `derive` is the IRI the import derives for the row, or gives it from the row's name
        (its first text column).
        """
        cells = self.texts(sheet, node)
        name = cells[next(iter(TEXT_COLUMNS[sheet]))]
        if sheet not in ("level_statements", "responsibilities", "rubric"):
            self.names.setdefault(node.iri, name)
        derived = derive if isinstance(derive, str) else derive(name)
        cells["iri"] = shown_iri(node.iri) if node.iri != derived else ""
        self.sheets[sheet].append(cells)
        return cells

    def texts(self, sheet: str, node: CanonNode) -> Cells:
        """The node's text columns in the row's language; other languages as translations."""
        columns = TEXT_COLUMNS[sheet]
        values = {column: self.values(node, field) for column, field in columns.items()}
        lang = self._row_language(values)
        cells = {column: found.get(lang, "") for column, found in values.items()}
        cells["lang"] = lang or ""
        for column, found in values.items():
            for tag, text in sorted(found.items(), key=lambda v: v[0] or ""):
                if tag != lang and tag is not None:
                    self.translations[sheet].append(
                        {"iri": shown_iri(node.iri), "column": column, "lang": tag, "text": text}
                    )
        return cells

    def values(self, node: CanonNode, field: str) -> Mapping[str | None, str]:
        """Every value of a node's field, by language tag (None: untagged)."""
        every = self.canon.literals.get(node.iri, {}).get(field)
        if every:
            return dict(every)
        value = getattr(node, field)
        return {node.language(field): value} if value is not None else {}

    def _row_language(self, values: Mapping[str, Mapping[str | None, str]]) -> str | None:
        tags = {tag for found in values.values() for tag in found}
        if None in tags or not tags:
            return None
        default = self.canon.default_language.casefold()
        return min(
            tags,
            key=lambda t: (
                -sum(t in found for found in values.values()),
                (t or "").casefold() != default,
                t or "",
            ),
        )

    def _about(self) -> None:
        about = self.canon.about
        if about is None:
            return
        facts = (
            ("title", about.label),
            ("default_lang", about.default_language),
            ("source", about.source),
            ("license", about.license),
            ("attribution", about.attribution),
        )
        self.sheets["canon"] += [{"key": k, "value": v} for k, v in facts if v]

    def _statements(self) -> None:
        for level in self.canon.levels:
            for st in (*level.statements, *level.family_statements):
                family = self.names[st.family.iri] if st.family is not None else ""
                dimension = self.names[st.dimension.iri]
                derived = statement_iri(level.code, dimension, family or None)
                cells = self.row("level_statements", st, derived)
                cells.update(level=level.code, dimension=dimension, family=family)

    def _role_levels(self) -> None:
        for role in self.canon.role_levels:
            family, code = self.names[role.family.iri], role.level.code
            derived = role_iri(family, code)
            self.sheets["role_levels"].append(
                {
                    "family": family,
                    "level": code,
                    "iri": shown_iri(role.iri) if role.iri != derived else "",
                }
            )
        for role in self.canon.role_levels:
            family, code = self.names[role.family.iri], role.level.code
            for r in role.responsibilities:
                order = r.order
                derived = responsibility_iri(family, code, order)
                cells = self.row("responsibilities", r, derived)
                group = self.names[r.group.iri] if r.group is not None else ""
                cells.update(
                    family=family,
                    level=code,
                    order=str(order),
                    source=self.names[r.source.iri],
                    group=group,
                )
        for role in self.canon.role_levels:
            family, code = self.names[role.family.iri], role.level.code
            for e in role.rubric:
                key = _RUBRIC_KEYS.get(e.dimension.iri, e.dimension.label)
                derived = rubric_iri(family, code, key) if key in RUBRICS else ""
                cells = self.row("rubric", e, derived)
                cells.update(family=family, level=code, rubric=key, source=self.names[e.source.iri])
