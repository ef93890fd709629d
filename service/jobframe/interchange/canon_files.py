"""A workbook as canon Turtle files: each sheet's rows as nodes, laid out like the shipped canon.

`architecture.ttl` holds the functions, families, responsibility groups and sources,
`levels.ttl` the tracks, dimensions, levels and their statements, one file per role-level
under `role-levels/` its responsibilities and rubric entries, and `canon.ttl` the canon's own
description when the `canon` sheet gives one. Nodes are sorted by IRI (numbers by value)
and their values in a fixed order, so the same workbook always gives the same bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..canon import NearNames
from ..findings import FindingKind
from ..vocabulary import DCTERMS, JF
from .architecture import ARCHITECTURE, LEVELS, architecture, levels, statements
from .building import PROPERTY, Builder, Built, normal_sheet
from .iris import (
    ABOUT,
    is_web_address,
    resolve_iri,
)
from .layout import CANON_KEYS, TEXT_COLUMNS, Row, Table, Tables
from .problems import did_you_mean, quoted
from .role_levels import parts, role_levels
from .turtle_writer import Node, Ref, Text, turtle_file

CANON = "canon.ttl"
COMMENTS = {
    ARCHITECTURE: "Job functions, job families, responsibility groups and the sources canon "
    "text is taken from.",
    LEVELS: "Tracks, the level dimensions, and each level with its statement along each dimension.",
    CANON: "The canon as a whole: its title, default language and where its data came from.",
}
BLOCK_ORDER = {
    JF.Canon: 0,
    JF.JobFunction: 0,
    JF.JobFamily: 1,
    JF.ResponsibilityGroup: 2,
    JF.Source: 3,
    JF.Track: 0,
    JF.LevelDimension: 1,
    JF.Level: 2,
    JF.DimensionStatement: 2,
    JF.RoleLevel: 0,
    JF.Responsibility: 1,
    JF.RubricEntry: 2,
}
"""Within a file, nodes by class, then by IRI: a level's statements follow the level."""


def canon_files(tables: Tables) -> dict[str, str]:
    """The canon of the workbook: relative file path -> Turtle text, sorted by path.

    Raises `WorkbookError` with every problem of the workbook, each naming its cell.
    """
    return render(build(tables))


def build(tables: Tables) -> Built:
    """The workbook's nodes; raises `WorkbookError` with every problem found."""
    b = Builder(tables)
    _canon(b)
    architecture(b)
    levels(b)
    statements(b)
    parts(b, role_levels(b))
    _translations(b)
    b.problems.raise_any()
    return b.built


def render(built: Built) -> dict[str, str]:
    """Each file's Turtle: its nodes in a stable order."""
    by_file: defaultdict[str, list[Node]] = defaultdict(list)
    roles: defaultdict[str, set[str]] = defaultdict(set)
    for iri, node in built.nodes.items():
        file = built.files[iri]
        by_file[file].append(node)
        if node.cls == JF.RoleLevel:
            row = built.origins[iri].row
            roles[file].add(" ".join(f"{row.get('family')} at {row.get('level')}".split()))
    out = {}
    for file in sorted(by_file):
        comment = COMMENTS.get(file) or (
            "; ".join(sorted(roles[file])) + ": the role-level's responsibilities and rubric."
        )
        nodes = sorted(by_file[file], key=lambda n: (BLOCK_ORDER[n.cls], _natural(n.iri)))
        out[file] = turtle_file(comment, nodes)
    return out


def _natural(iri: str) -> tuple[tuple[int, int, str], ...]:
    """`…/responsibility/2` before `…/responsibility/10`."""
    parts = re.split(r"([0-9]+)", iri)
    return tuple((0, int(p), p) if n % 2 else (1, 0, p) for n, p in enumerate(parts))


def _canon(b: Builder) -> None:
    facts: dict[str, tuple[str, Table, Row]] = {}
    seen: dict[object, str] = {}
    near = NearNames(CANON_KEYS)
    for t, r in b.rows("canon"):
        key, value = b.value(t, r, "key").casefold(), b.value(t, r, "value")
        if key and key not in CANON_KEYS:
            b.problems.at(
                t,
                r,
                "key",
                f"unknown key `{key}`; the keys are {quoted(CANON_KEYS)}",
                did_you_mean(key, near.closest(key, 1)) or "remove the row",
            )
        elif key and b.unique(seen, key, t, r, "key", f"`{key}`") and value:
            facts[key] = (value, t, r)
    if not facts:
        return
    _, t0, r0 = next(iter(facts.values()))
    node = b.node(t0, r0, ABOUT, JF.Canon, CANON)
    for key, (value, t, r) in facts.items():
        if node is None:
            break
        if key == "title":
            node.add(DCTERMS.title, Text(value))
        elif key == "attribution":
            node.add(DCTERMS.rights, Text(value))
        elif key == "default_lang":
            tag = b.lang(t, r, "value")
            if tag:
                node.add(JF.defaultLanguage, Text(tag))
        elif is_web_address(value.strip()):
            node.add(DCTERMS.source if key == "source" else DCTERMS.license, Ref(value.strip()))
        else:
            b.problems.at(
                t,
                r,
                "value",
                f"the canon's {key} must be a web address, not `{value}`",
                "write its address, such as https://creativecommons.org/licenses/by/4.0/",
            )


def _translations(b: Builder) -> None:
    seen: dict[object, str] = {}
    near: NearNames | None = None
    for t, r in b.rows("translations"):
        written, column = b.value(t, r, "iri"), b.value(t, r, "column").casefold()
        b.value(t, r, "lang")
        lang, text = b.lang(t, r), b.value(t, r, "text")
        if not written:
            continue
        iri = resolve_iri(written) or written
        origin = b.built.origins.get(iri)
        if origin is None:
            near = near or NearNames(b.built.origins)
            b.problems.at(
                t,
                r,
                "iri",
                f"no node <{iri}> in the workbook",
                did_you_mean(iri, near.closest(iri, 1)) or "copy the IRI of a node",
                FindingKind.DANGLING,
            )
            continue
        columns = TEXT_COLUMNS.get(normal_sheet(origin.table), {})
        if column and column not in columns:
            b.problems.at(
                t,
                r,
                "column",
                f"`{column}` is not a text column of sheet `{origin.table.sheet}`",
                f"use one of {quoted(columns)}" if columns else "remove the row",
            )
            continue
        if not (column and lang and text):
            continue
        if not b.unique(
            seen,
            (iri, column, lang.casefold()),
            t,
            r,
            "lang",
            "translation of this cell into this language",
        ):
            continue
        if (
            origin.lang
            and origin.lang.casefold() == lang.casefold()
            and origin.row.get(column).strip()
        ):
            b.problems.at(
                t,
                r,
                "lang",
                f"{origin.location.cell} already gives `{column}` in `{lang}`",
                "remove this row, or give another language",
                FindingKind.DUPLICATE,
            )
            continue
        b.built.nodes[iri].add(PROPERTY[columns[column]], Text(text, lang))
