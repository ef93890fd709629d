"""`jobframe compare`: a family's two levels side by side, as text or JSON.

The text is two columns where the terminal is wide enough (`TWO_COLUMNS`), else each row
stacked as `P3 …` / `P4 …`; either way every text found at only one of the two levels is
marked `*`, and what a level lacks is said in parentheses, never filled in.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import dataclass
from itertools import zip_longest

import click

from ..canon import CanonNode, NotFound
from ..formats import Shown, terminal_text
from ..frames import ComparedLevel, ComparedText, LevelComparison, compare_levels
from ..sources import CanonSource
from .base import canon_option, echo, lang_option, load_or_exit, main

TWO_COLUMNS = 100
"""The narrowest terminal the text is laid out in two columns for."""
WIDEST = 160
"""Text is laid out for at most this many columns, however wide the terminal."""
ONLY_HERE = "* "
"""The mark of a text found at only one of the two levels."""
GUTTER = " │ "
INDENT = "    "
NO_STATEMENT = "(no statement)"
NO_ENTRY = "(no entry)"


@dataclass(frozen=True, slots=True)
class _Cell:
    """What one level shows in a row: its texts, or why it has none."""

    texts: tuple[ComparedText, ...] = ()
    missing: str | None = None


@dataclass(frozen=True, slots=True)
class _Row:
    title: str
    start: _Cell
    end: _Cell


def _one(text: ComparedText | None, missing: str) -> _Cell:
    return _Cell((text,)) if text is not None else _Cell(missing=missing)


def _many(texts: tuple[ComparedText, ...] | None, side: ComparedLevel, family: str) -> _Cell:
    if texts is None:
        return _Cell(missing=f"(no role-level: {family} has none at {side.level.code})")
    return _Cell(texts) if texts else _Cell(missing="(none)")


def _sections(comparison: LevelComparison) -> list[tuple[str, list[_Row]]]:
    """The comparison as titled sections of rows, in the order they are printed."""
    c = comparison
    statements = [
        _Row(d.dimension.label, _one(d.from_, NO_STATEMENT), _one(d.to, NO_STATEMENT))
        for d in c.dimensions
    ]
    responsibilities = _Row(
        "",
        _many(c.from_responsibilities, c.from_, c.family.label),
        _many(c.to_responsibilities, c.to, c.family.label),
    )
    rubric = [
        _Row(r.dimension.label, _one(r.from_, NO_ENTRY), _one(r.to, NO_ENTRY)) for r in c.rubric
    ]
    sections = [("Level statements", statements), ("Responsibilities", [responsibilities])]
    return [*sections, ("Leveling rubric", rubric)] if rubric else sections


def _name(side: ComparedLevel) -> str:
    return f"{side.level.code} — {side.level.label}"


def _lines(cell: _Cell, width: int) -> list[str]:
    """A cell wrapped to `width`, each text's first line marked when it is at one level only."""
    if cell.missing is not None:
        return ["  " + line for line in textwrap.wrap(cell.missing, width - 2)]
    lines = []
    for text in cell.texts:
        mark = "  " if text.at_both_levels else ONLY_HERE
        wrapped = textwrap.wrap(text.text, width - len(mark)) or [""]
        lines += [mark + wrapped[0], *("  " + rest for rest in wrapped[1:])]
    return lines


def comparison_text(comparison: LevelComparison, width: int) -> Shown:
    """The comparison as readable text for a terminal `width` columns wide, escaped."""
    c = comparison
    width = min(width, WIDEST)
    out = [
        f"{c.family.label}: {_name(c.from_)} → {_name(c.to)}",
        f"{ONLY_HERE.strip()} marks a text found at only one of the two levels.",
    ]
    column = (width - len(INDENT) - len(GUTTER)) // 2
    if width >= TWO_COLUMNS:
        heads = f"{'  ' + _name(c.from_):<{column}}{GUTTER}  {_name(c.to)}"
        out += ["", (INDENT + heads).rstrip()]
    codes = (c.from_.level.code, c.to.level.code)
    if codes[0] == codes[1]:
        codes = (f"{codes[0]} (from)", f"{codes[1]} (to)")
    label = max(len(code) for code in codes) + 2
    for title, rows in _sections(c):
        out += ["", title]
        for row in rows:
            if row.title:
                out.append(f"  {row.title}")
            if width >= TWO_COLUMNS:
                start, end = _lines(row.start, column), _lines(row.end, column)
                pairs = zip_longest(start, end, fillvalue="")
                out += [f"{INDENT}{a:<{column}}{GUTTER}{b}".rstrip() for a, b in pairs]
                continue
            for code, cell in zip(codes, (row.start, row.end), strict=True):
                lines = _lines(cell, width - len(INDENT) - label)
                out.append(f"{INDENT}{code:<{label}}{lines[0]}")
                out += [f"{INDENT}{'':<{label}}{line}" for line in lines[1:]]
    return terminal_text("\n".join(out) + "\n")


def _node(node: CanonNode) -> dict[str, str]:
    return {"iri": node.iri, "label": node.label}


def _text(text: ComparedText | None) -> dict[str, object] | None:
    if text is None:
        return None
    node = text.node
    return {
        "text": text.text,
        "node": node.iri,
        "language": node.language("text"),
        "atBothLevels": text.at_both_levels,
    }


def _texts(texts: tuple[ComparedText, ...] | None) -> list[object] | None:
    return [_text(t) for t in texts] if texts is not None else None


def _side(side: ComparedLevel) -> dict[str, object]:
    level, role = side.level, side.role_level
    return {
        "level": {**_node(level), "code": level.code, "track": level.track.label},
        "roleLevel": _node(role) if role is not None else None,
    }


def comparison_json(comparison: LevelComparison) -> dict[str, object]:
    """The comparison as JSON values, named as in GraphQL's `LevelComparison`."""
    c = comparison
    return {
        "family": _node(c.family),
        "from": _side(c.from_),
        "to": _side(c.to),
        "dimensions": [
            {"dimension": _node(d.dimension), "from": _text(d.from_), "to": _text(d.to)}
            for d in c.dimensions
        ],
        "responsibilities": {
            "from": _texts(c.from_responsibilities),
            "to": _texts(c.to_responsibilities),
        },
        "rubric": [
            {"dimension": _node(r.dimension), "from": _text(r.from_), "to": _text(r.to)}
            for r in c.rubric
        ],
    }


@main.command()
@click.argument("family")
@click.argument("from_level", metavar="FROM")
@click.argument("to_level", metavar="TO")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Readable text (two columns on a wide terminal) or JSON for tools.",
)
@lang_option("comparison")
@canon_option
def compare(
    family: str, from_level: str, to_level: str, output: str, lang: str | None, canon: CanonSource
) -> None:
    """Compare FAMILY (label) at level FROM with it at level TO (codes, in any tracks).

    For each level dimension the two statements as they apply to the family, then both
    role-levels' responsibilities and rubric entries, verbatim; `*` marks a text found at
    only one of the two levels (exact match). A family with no role-level at one of the
    levels shows that level's statements only. An unknown family or level, or a family at
    neither level, exits 1 naming the closest.
    """
    try:
        found = compare_levels(load_or_exit(canon), family, from_level, to_level, lang=lang)
    except NotFound as error:
        raise click.ClickException(str(error)) from None
    if output == "json":
        echo(json.dumps(comparison_json(found), indent=2, ensure_ascii=False))
    else:
        echo(comparison_text(found, shutil.get_terminal_size().columns), nl=False)
