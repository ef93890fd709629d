"""Rows of the architecture and levels sheets as nodes: functions, families, groups, sources,
dimensions, levels (with their tracks) and the levels' statements."""

from __future__ import annotations

from collections.abc import Callable

from ..vocabulary import JF, SKOS_NOTATION
from .building import Builder
from .iris import (
    dimension_iri,
    family_iri,
    function_iri,
    group_iri,
    level_iri,
    source_iri,
    statement_iri,
)
from .problems import Registry
from .turtle_writer import Ref, Text

ARCHITECTURE = "architecture.ttl"
LEVELS = "levels.ttl"


def ordered(
    b: Builder,
    sheet: str,
    column: str,
    what: str,
    iri: Callable[[str], str],
    cls: str,
    file: str,
    registry: Registry,
    also: tuple[str, ...] = (),
) -> None:
    """Rows of a sheet of named, ordered concepts (groups, dimensions): each name once, each
    `display_order` once; `also` are further text columns the row must have."""
    orders: dict[object, str] = {}
    for t, r in b.rows(sheet):
        name, lang = b.value(t, r, column), b.lang(t, r)
        for other in also:
            b.value(t, r, other)
        order = b.integer(t, r, "display_order")
        if order is not None:
            b.unique(orders, order, t, r, "display_order", f"{what} with display_order {order}")
        if name and b.define(t, r, column, name, registry):
            node = b.node(t, r, iri(name), cls, file, (column, name), lang)
            if node:
                b.texts(node, t, r, lang)
                node.add(JF.displayOrder, order or 0)
                registry.iris[name] = node.iri


def architecture(b: Builder) -> None:
    for t, r in b.rows("functions"):
        name, lang = b.value(t, r, "function"), b.lang(t, r)
        if name and b.define(t, r, "function", name, b.functions):
            node = b.node(
                t, r, function_iri(name), JF.JobFunction, ARCHITECTURE, ("function", name), lang
            )
            if node:
                b.texts(node, t, r, lang)
                b.functions.iris[name] = node.iri
    for t, r in b.rows("families"):
        name, lang = b.value(t, r, "family"), b.lang(t, r)
        function = b.ref(t, r, "function", b.functions)
        if name and b.define(t, r, "family", name, b.families):
            node = b.node(
                t, r, family_iri(name), JF.JobFamily, ARCHITECTURE, ("family", name), lang
            )
            if node:
                b.texts(node, t, r, lang)
                node.add(JF.function, Ref(function))
                b.families.iris[name] = node.iri
    ordered(
        b, "groups", "group", "group", group_iri, JF.ResponsibilityGroup, ARCHITECTURE, b.groups
    )
    for t, r in b.rows("sources"):
        name, lang = b.value(t, r, "name"), b.lang(t, r)
        b.value(t, r, "notation")
        if name and b.define(t, r, "name", name, b.sources):
            node = b.node(t, r, source_iri(name), JF.Source, ARCHITECTURE, ("name", name), lang)
            if node:
                b.texts(node, t, r, lang)
                b.sources.iris[name] = node.iri


def levels(b: Builder) -> None:
    ordered(
        b,
        "dimensions",
        "name",
        "dimension",
        dimension_iri,
        JF.LevelDimension,
        LEVELS,
        b.dimensions,
        also=("running_name",),
    )
    ranks: dict[object, str] = {}
    for t, r in b.rows("levels"):
        code, lang = b.value(t, r, "code"), b.lang(t, r)
        b.value(t, r, "title")
        track_code = b.value(t, r, "track")
        rank = b.integer(t, r, "rank", minimum=1)
        track = b.track(t, r, track_code) if track_code else ""
        if track and rank is not None:
            b.unique(
                ranks, (track, rank), t, r, "rank", f"level at rank {rank} of track `{track_code}`"
            )
        if code and b.define(t, r, "code", code, b.levels):
            node = b.node(t, r, level_iri(code), JF.Level, LEVELS, ("code", code), lang)
            if node:
                node.add(SKOS_NOTATION, Text(code))
                b.texts(node, t, r, lang)
                node.add(JF.track, Ref(track))
                node.add(JF.rank, rank or 0)
                b.levels.iris[code] = node.iri


def statements(b: Builder) -> None:
    seen: dict[object, str] = {}
    for t, r in b.rows("level_statements"):
        level, dimension = b.ref(t, r, "level", b.levels), b.ref(t, r, "dimension", b.dimensions)
        family = b.ref(t, r, "family", b.families, required=False)
        b.value(t, r, "text")
        lang = b.lang(t, r)
        names = [b.value(t, r, c, required=False) for c in ("level", "dimension", "family")]
        if not (level and dimension and (family or not names[2])):
            continue
        if not b.unique(
            seen,
            (level, dimension, family),
            t,
            r,
            "dimension",
            "statement for this level, dimension and family",
        ):
            continue
        derived = statement_iri(names[0], names[1], names[2] or None)
        named = ("family", names[2]) if names[2] else ("dimension", names[1])
        node = b.node(t, r, derived, JF.DimensionStatement, LEVELS, named, lang)
        if node:
            node.add(JF.level, Ref(level))
            node.add(JF.dimension, Ref(dimension))
            if family:
                node.add(JF.family, Ref(family))
            b.texts(node, t, r, lang)
