"""Applying the frame definitions in `templates.py` to one role-level of the canon."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from ..budget import within_budget
from ..canon import CanonNode, RoleLevel
from .model import Field, Frame, FrameKind, Page, Row, Section
from .patterns import Bindings, Template
from .specs import Rows, SectionSpec
from .templates import FRAMES, PAGE, RUBRIC, SOURCE_LABELS

_ROW_BINDINGS = {
    Rows.RESPONSIBILITIES: {"responsibility", "statement"},
    Rows.DIMENSION_STATEMENTS: {"statement"},
}


@dataclass(frozen=True, slots=True)
class _CompiledSection:
    spec: SectionSpec
    heading: Template
    fields: tuple[tuple[str, Template], ...]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _compile(kind: FrameKind, spec: SectionSpec) -> _CompiledSection:
    prefix = ".".join(_slug(p) for p in (kind.value, spec.title) if p)
    heading = Template.parse(f"{prefix}.{spec.row}", spec.heading)
    fields = tuple(
        (f.name, Template.parse(f"{prefix}.{_slug(f.name)}", f.pattern)) for f in spec.fields
    )
    allowed = {"role", *RUBRIC, *_ROW_BINDINGS[spec.rows]}
    for template in (heading, *(t for _, t in fields)):
        unknown = template.bindings - allowed
        if unknown:
            raise ValueError(f"{template.pattern!r} uses unknown bindings {sorted(unknown)}")
    return _CompiledSection(spec, heading, fields)


_SECTIONS: dict[FrameKind, tuple[_CompiledSection, ...]] = {
    kind: tuple(_compile(kind, s) for s in spec.sections) for kind, spec in FRAMES.items()
}
_PAGE_HEADING = Template.parse("page.heading", PAGE.heading)
_PAGE_BREADCRUMB = Template.parse("page.breadcrumb", PAGE.breadcrumb)

TEMPLATES: dict[str, Template] = {
    t.id: t
    for sections in _SECTIONS.values()
    for c in sections
    for t in (c.heading, *(t for _, t in c.fields))
    if t.id is not None
} | {t.id: t for t in (_PAGE_HEADING, _PAGE_BREADCRUMB) if t.id is not None}
"""Every fixed template by its identifier: what a line's `template` names."""


def source_label(role: RoleLevel, node: CanonNode) -> str | None:
    """The tag the page shows for a cited node, if its kind is tagged."""
    pattern = SOURCE_LABELS.get(type(node))
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
    label = partial(source_label, role)
    sections = []
    for compiled in _SECTIONS[kind]:
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
    return Frame(FRAMES[kind], role, tuple(sections))


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
    for kind, sections in _SECTIONS.items():
        for compiled in sections:
            rows = list(_row_bindings(role, compiled.spec.rows))
            if not rows:
                lacking = (
                    "responsibility" if compiled.spec.rows is Rows.RESPONSIBILITIES else "statement"
                )
                found.append(Omission(kind, compiled.spec.title, None, 0, 0, lacking))
                continue
            varying = _ROW_BINDINGS[compiled.spec.rows]
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
    label = partial(source_label, role)
    heading = _PAGE_HEADING.fill({"role": role}, label)
    breadcrumb = _PAGE_BREADCRUMB.fill({"role": role}, label)
    assert heading is not None and breadcrumb is not None, "a role-level always has these values"
    frames = tuple(build_frame(role, kind) for kind in FRAMES)
    return Page(role, heading, breadcrumb, PAGE.notice, frames)
