"""The frame wording a page is given in: English, or a translation added as data.

A translation is `wording/<language>.toml`, the same shape as `wording/en.toml`. It is
checked against the English when first read: every template keeps its slots and
placeholders (a translation may reword, never add, drop or change a canon quote). A page
uses a translation when every canon value it quotes is tagged with that language (or is
untagged and some is tagged): canon text and wording then share one language.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from ..canon import RoleLevel, lookup, page_nodes
from .patterns import Template
from .specs import FrameKind, Rows, SectionSpec
from .templates import ENGLISH, ENGLISH_WORDING, RUBRIC, WORDING_DIR, Wording, read_wording

log = logging.getLogger("jobframe.frames")

ROW_BINDINGS = {
    Rows.RESPONSIBILITIES: {"responsibility", "statement"},
    Rows.DIMENSION_STATEMENTS: {"statement"},
}


@dataclass(frozen=True, slots=True)
class CompiledSection:
    spec: SectionSpec
    heading: Template
    fields: tuple[tuple[str, Template], ...]


@dataclass(frozen=True, slots=True)
class CompiledWording:
    """A wording with its patterns parsed, ready to fill."""

    wording: Wording
    sections: dict[FrameKind, tuple[CompiledSection, ...]]
    heading: Template
    breadcrumb: Template


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def compile_section(
    kind: FrameKind, spec: SectionSpec, english: SectionSpec | None = None
) -> CompiledSection:
    """Template identifiers come from the English definition (`english`, when `spec` is a
    translation), so they are the same in every language."""
    english = english or spec
    prefix = ".".join(_slug(p) for p in (kind.value, english.title) if p)
    heading = Template.parse(f"{prefix}.{english.row}", spec.heading)
    fields = tuple(
        (f.name, Template.parse(f"{prefix}.{_slug(e.name)}", f.pattern))
        for f, e in zip(spec.fields, english.fields, strict=True)
    )
    allowed = {"role", *RUBRIC, *ROW_BINDINGS[spec.rows]}
    for template in (heading, *(t for _, t in fields)):
        unknown = template.bindings - allowed
        if unknown:
            raise ValueError(f"{template.pattern!r} uses unknown bindings {sorted(unknown)}")
    return CompiledSection(spec, heading, fields)


def compile_wording(wording: Wording) -> CompiledWording:
    english = ENGLISH_WORDING
    sections = {}
    for kind, spec in wording.frames.items():
        theirs = english.frames[kind].sections
        if len(spec.sections) != len(theirs) or any(
            len(s.fields) != len(e.fields) for s, e in zip(spec.sections, theirs, strict=True)
        ):
            raise ValueError(
                f"{wording.language}: frame {kind.value} differs in shape from English"
            )
        sections[kind] = tuple(
            compile_section(kind, s, e) for s, e in zip(spec.sections, theirs, strict=True)
        )
    return CompiledWording(
        wording,
        sections,
        Template.parse("page.heading", wording.page.heading),
        Template.parse("page.breadcrumb", wording.page.breadcrumb),
    )


ENGLISH_COMPILED = compile_wording(ENGLISH_WORDING)


def _quotes(compiled: CompiledWording) -> dict[str | None, tuple[object, ...]]:
    """Each template's slots and placeholders, in order: what a translation must keep."""
    templates = [compiled.heading, compiled.breadcrumb]
    for sections in compiled.sections.values():
        for section in sections:
            templates += [section.heading, *(t for _, t in section.fields)]
    return {
        f"{t.id or ''}:{i}": tuple(p for p in t.pieces if not isinstance(p, str))
        for i, t in enumerate(templates)
    }


@cache
def translations() -> dict[str, CompiledWording]:
    """Every translation in `wording/`, checked; a file that fails is logged and skipped."""
    found = {}
    for path in sorted(WORDING_DIR.glob("*.toml")):
        if path.stem == ENGLISH:
            continue
        try:
            compiled = compile_wording(read_wording(path))
            if _quotes(compiled) != _quotes(ENGLISH_COMPILED):
                raise ValueError(f"{path}: its templates do not quote what English quotes")
        except ValueError as error:
            log.error("frame wording not used: %s", error)
            continue
        found[path.stem] = compiled
    return found


def wording_for(role: RoleLevel) -> CompiledWording:
    """The wording of the one language the role-level's page quotes, English otherwise."""
    available = translations()
    if not available:
        return ENGLISH_COMPILED
    tags = {tag.casefold() for node in page_nodes(role) for _, tag in node.languages}
    if len(tags) != 1:
        return ENGLISH_COMPILED
    chosen = lookup(available, tags)
    return available[chosen] if chosen is not None else ENGLISH_COMPILED
