"""A query's cost, estimated before it runs from the served canon's real list sizes.

Like GitHub's node limit and Shopify's calculated cost: each object a query can resolve
costs its field's weight (`cost_directives.py`), and a list multiplies what is under it by
its length — the page size asked for, at most the list's length in the canon, or the
longest such list the canon holds. The estimate is an upper bound: fragments on several
types all count, `@skip` and `@include` are ignored. Its inputs are the document, the
variables and the served snapshot, so the same request on the same canon always gets the
same estimate (and the response cache may keep it). The weights and sizes are here; the
walk that estimates a document with them, once per fragment, is `walk.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import strawberry
from strawberry.types.base import StrawberryObjectDefinition

from ...canon import Canon
from ...frames import FrameKind, build_page
from ...loading import Served
from .cost_directives import Cost, CostPerFrameLine, ListSize

Key = tuple[str, str]
"""(type name, field name) as the schema spells them."""


@dataclass(frozen=True, slots=True)
class FieldWeights:
    """A field's published cost directives."""

    weight: int | None = None
    per_frame_line: bool = False
    arguments: Mapping[str, int] | None = None
    slicing: tuple[str, ...] = ()
    sized_fields: tuple[str, ...] = ()
    assumed: int | None = None


def schema_weights(schema: strawberry.Schema) -> dict[Key, FieldWeights]:
    """Every field's `@cost` and `@listSize`, read from the schema's own directives."""
    found: dict[Key, FieldWeights] = {}
    names = schema.config.name_converter
    for type_name in schema._schema.type_map:
        definition = schema.get_type_by_name(type_name)
        if not isinstance(definition, StrawberryObjectDefinition):
            continue
        for field in definition.fields:
            cost = next(
                (d for d in field.directives if isinstance(d, Cost | CostPerFrameLine)), None
            )
            size = next((d for d in field.directives if isinstance(d, ListSize)), None)
            arguments = {
                names.get_graphql_name(a): int(d.weight)
                for a in field.arguments
                for d in a.directives
                if isinstance(d, Cost)
            }
            if cost is None and size is None and not arguments:
                continue
            found[(type_name, names.get_graphql_name(field))] = FieldWeights(
                weight=int(cost.weight) if cost else None,
                per_frame_line=isinstance(cost, CostPerFrameLine),
                arguments=arguments,
                slicing=tuple(size.slicing_arguments or ()) if size else (),
                sized_fields=tuple(size.sized_fields or ()) if size else (),
                assumed=size.assumed_size if size and isinstance(size.assumed_size, int) else None,
            )
    return found


_CANON_SIZES: WeakKeyDictionary[Canon, dict[Key, int]] = WeakKeyDictionary()


def canon_sizes(canon: Canon) -> dict[Key, int]:
    """The longest list of each kind the canon holds; computed once per canon version.

    Frame lists are measured on the pages of the role-levels with the most
    responsibilities, rubric entries and dimension statements: frames grow with those.
    """
    sizes = _CANON_SIZES.get(canon)
    if sizes is not None:
        return sizes
    most_responsibilities = max((len(r.responsibilities) for r in canon.role_levels), default=0)
    sizes = {
        ("Query", "functions"): len(canon.functions),
        ("Query", "families"): len(canon.families),
        ("Query", "levels"): len(canon.levels),
        ("Query", "roleLevels"): len(canon.role_levels),
        ("Query", "dimensions"): len(canon.dimensions),
        ("Query", "tracks"): len(canon.tracks),
        ("JobFunction", "families"): max(
            (len(canon.families_in(f.iri)) for f in canon.functions), default=0
        ),
        ("JobFamily", "roleLevels"): max(
            (len(canon.role_levels_of(f.iri)) for f in canon.families), default=0
        ),
        ("Track", "levels"): max((len(canon.levels_in(t.iri)) for t in canon.tracks), default=0),
        ("Level", "statements"): max((len(lv.statements) for lv in canon.levels), default=0),
        ("RoleLevel", "responsibilities"): most_responsibilities,
        ("RoleLevel", "rubricEntries"): max((len(r.rubric) for r in canon.role_levels), default=0),
        ("RoleLevel", "statements"): max((len(r.statements) for r in canon.role_levels), default=0),
        ("RoleLevel", "frames"): len(FrameKind),
        ("LevelComparison", "dimensions"): len(canon.dimensions),
        ("LevelComparison", "rubric"): len(canon.rubric_dimensions),
        ("ResponsibilityComparison", "from"): most_responsibilities,
        ("ResponsibilityComparison", "to"): most_responsibilities,
        ("GoalPage", "frames"): len(FrameKind),
    }
    frame_sizes: dict[Key, int] = {}
    biggest = {
        max(canon.role_levels, key=lambda r: len(r.responsibilities), default=None),
        max(canon.role_levels, key=lambda r: len(r.rubric), default=None),
        max(canon.role_levels, key=lambda r: len(r.statements), default=None),
    }
    for role in (r for r in biggest if r is not None):
        for frame in build_page(role).frames:
            lines = frame.lines
            rows = [row for s in frame.sections for row in s.rows]
            for key, size in (
                (("Frame", "sections"), len(frame.sections)),
                (("Frame", "lines"), len(lines)),
                (("FrameSection", "rows"), max((len(s.rows) for s in frame.sections), default=0)),
                (("FrameRow", "fields"), max((len(r.fields) for r in rows), default=0)),
                (("FrameLine", "parts"), max((len(x.parts) for x in lines), default=0)),
                (("FrameLine", "sources"), max((len(x.sources) for x in lines), default=0)),
            ):
                frame_sizes[key] = max(size, frame_sizes.get(key, 0))
    sizes.update(frame_sizes)
    _CANON_SIZES[canon] = sizes
    return sizes


def served_sizes(served: Served) -> dict[Key, int]:
    """The canon's list sizes and those of what is served with it."""
    return {
        **canon_sizes(served.canon),
        ("CanonStatus", "findings"): len(served.report.findings),
        ("CanonStatus", "completeness"): len(served.report.completeness),
        ("ReloadAttempt", "errors"): len(served.last_reload.errors),
    }


UNSIZED = 100
"""The length assumed of a list nothing sizes; a test keeps every list of objects sized."""
