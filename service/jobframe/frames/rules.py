"""Applying the frame definitions in `templates.py` to one role-level of the canon, in the
wording of its page's language (`wordings.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from ..budget import within_budget
from ..canon import CanonNode, RoleLevel
from .model import Field, Frame, FrameKind, Page, Row, Section
from .patterns import Bindings, Template
from .specs import Rows
from .templates import FRAMES, RUBRIC
from .wordings import ENGLISH_COMPILED, ROW_BINDINGS, CompiledWording, wording_for

TEMPLATES: dict[str, Template] = {
    t.id: t
    for sections in ENGLISH_COMPILED.sections.values()
    for c in sections
    for t in (c.heading, *(t for _, t in c.fields))
    if t.id is not None
} | {t.id: t for t in (ENGLISH_COMPILED.heading, ENGLISH_COMPILED.breadcrumb) if t.id is not None}
"""Every fixed template by its identifier: what a line's `template` names."""


def source_label(
    role: RoleLevel, node: CanonNode, wording: CompiledWording = ENGLISH_COMPILED
) -> str | None:
    """The tag the page shows for a cited node, if its kind is tagged."""
    pattern = wording.wording.source_labels.get(type(node))
    return pattern.format(node=node, role=role) if pattern is not None else None


def _row_bindings(role: RoleLevel, rows: Rows) -> Iterator[Bindings]:
    base: dict[str, CanonNode | None] = {"role": role}
    base.update((name, role.rubric_entry(iri)) for name, iri in RUBRIC.items())
    statements = role.statements
    if rows is Rows.RESPONSIBILITIES:
        for i, responsibility in enumerate(role.responsibilities):
            statement = statements[i] if i < len(statements) else None
            yield {**base, "responsibility": responsibility, "statement": statement}
    else:
        for statement in statements:
            yield {**base, "statement": statement}


def build_frame(role: RoleLevel, kind: FrameKind) -> Frame:
    """The frame of a role-level: one row per canon item, lines only where the canon backs them."""
    wording = wording_for(role)
    label = partial(source_label, role, wording=wording)
    sections = []
    for compiled in wording.sections[kind]:
        rows = []
        bound = within_budget(_row_bindings(role, compiled.spec.rows), every=64)
        for number, bindings in enumerate(bound, start=1):
            heading = compiled.heading.fill(bindings, label)
            if heading is None:
                continue
            tagged = next((s for s in heading.sources if s.label is not None), None)
            fields = tuple(
                Field(name, line)
                for name, template in compiled.fields
                if (line := template.fill(bindings, label)) is not None
            )
            tag = compiled.spec.tag.format(label=tagged.label) if tagged is not None else None
            rows.append(Row(number, heading, tag, tagged, fields))
        if rows:
            sections.append(Section(compiled.spec.title, tuple(rows)))
    return Frame(wording.wording.frames[kind], role, tuple(sections))


@dataclass(frozen=True, slots=True)
class Omission:
    """Lines a frame leaves out for a role-level because the canon lacks `missing`.

    `field` None means the whole section is left out (it has no rows).
    """

    kind: FrameKind
    section: str | None
    field: str | None
    rows: int
    of: int
    missing: str


def omissions(role: RoleLevel) -> list[Omission]:
    """What every frame of the role-level omits, and which canon value each omission lacks."""
    found = []
    for kind, sections in ENGLISH_COMPILED.sections.items():
        for compiled in sections:
            rows = list(_row_bindings(role, compiled.spec.rows))
            if not rows:
                lacking = (
                    "responsibility" if compiled.spec.rows is Rows.RESPONSIBILITIES else "statement"
                )
                found.append(Omission(kind, compiled.spec.title, None, 0, 0, lacking))
                continue
            varying = ROW_BINDINGS[compiled.spec.rows]
            for name, template in compiled.fields:
                if template.bindings & varying:
                    lacks = [m for m in map(template.missing, rows) if m is not None]
                else:  # the same answer for every row: ask once
                    lack = template.missing(rows[0])
                    lacks = [lack] * len(rows) if lack is not None else []
                if lacks:
                    found.append(
                        Omission(kind, compiled.spec.title, name, len(lacks), len(rows), lacks[0])
                    )
    return found


def build_page(role: RoleLevel) -> Page:
    """The whole goal-templates page: header lines and the four frames in page order."""
    wording = wording_for(role)
    label = partial(source_label, role, wording=wording)
    heading = wording.heading.fill({"role": role}, label)
    breadcrumb = wording.breadcrumb.fill({"role": role}, label)
    assert heading is not None and breadcrumb is not None, "a role-level always has these values"
    frames = tuple(build_frame(role, kind) for kind in FRAMES)
    return Page(role, heading, breadcrumb, wording.wording.page.notice, frames)
