"""Two levels of one job family side by side: what the next level asks beyond this one.

Only canon text is shown, verbatim, each with the node it is quoted from. A text is marked
`at_both_levels` when the exact same string is found at the other level (along the same
dimension, for statements and rubric entries): no fuzzy pairing, no generated wording. What
one level lacks is shown as missing (None) there, never filled in from the other.

A family without a role-level at one of the two levels is still compared: that level's
statements as they apply to the family are shown, its role-level, responsibilities and
rubric entries as missing. Without a role-level at either level there is nothing of the
family's own to compare, and the comparison is refused (NotFound naming the closest).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..canon import (
    Canon,
    CanonNode,
    DimensionStatement,
    JobFamily,
    Level,
    LevelDimension,
    NearNames,
    NotFound,
    Responsibility,
    RoleLevel,
    RubricDimension,
    RubricEntry,
    for_family,
    page_nodes,
    speaks,
)

Quoted = DimensionStatement | Responsibility | RubricEntry
"""The nodes whose text a comparison shows."""


@dataclass(frozen=True, slots=True)
class ComparedText:
    """One canon text shown in a comparison, with the node it is quoted from."""

    node: Quoted
    at_both_levels: bool
    """Whether the exact same text is at the other level too (exact string match)."""

    @property
    def text(self) -> str:
        return self.node.text


@dataclass(frozen=True, slots=True)
class ComparedLevel:
    """One side of a comparison: the level, and the family's role-level there if it has one."""

    level: Level
    role_level: RoleLevel | None
    statements: tuple[DimensionStatement, ...]
    """The level's statements as they apply to the family, in display order."""


@dataclass(frozen=True, slots=True)
class DimensionComparison:
    """The two levels' statements along one level dimension; None where a level has none."""

    dimension: LevelDimension
    from_: ComparedText | None
    to: ComparedText | None


@dataclass(frozen=True, slots=True)
class RubricComparison:
    """The two role-levels' rubric entries along one rubric dimension; None where missing."""

    dimension: RubricDimension
    from_: ComparedText | None
    to: ComparedText | None


@dataclass(frozen=True, slots=True)
class LevelComparison:
    """A family's two levels side by side.

    `dimensions` holds every level dimension either level describes, in display order;
    `rubric` every rubric dimension either role-level has an entry along, in canon order.
    `from_responsibilities` and `to_responsibilities` are in canon order, each None when
    the family has no role-level at that level.
    """

    family: JobFamily
    from_: ComparedLevel
    to: ComparedLevel
    dimensions: tuple[DimensionComparison, ...]
    from_responsibilities: tuple[ComparedText, ...] | None
    to_responsibilities: tuple[ComparedText, ...] | None
    rubric: tuple[RubricComparison, ...]

    @property
    def nodes(self) -> tuple[CanonNode, ...]:
        """Every node whose values the comparison may show."""
        found: list[CanonNode] = [self.family]
        for side in (self.from_, self.to):
            found += (side.level, side.level.track)
            if side.role_level is not None:
                found.append(side.role_level)
        for row in self.dimensions:
            found.append(row.dimension)
        for entry in self.rubric:
            found.append(entry.dimension)
        for text in self.texts:
            found.append(text.node)
        return tuple(found)

    @property
    def texts(self) -> tuple[ComparedText, ...]:
        """Every canon text shown, statements first, then responsibilities, then rubric."""
        found = [t for row in self.dimensions for t in (row.from_, row.to) if t is not None]
        found += self.from_responsibilities or ()
        found += self.to_responsibilities or ()
        found += [t for row in self.rubric for t in (row.from_, row.to) if t is not None]
        return tuple(found)


def compare_levels(
    canon: Canon, family: str, from_level: str, to_level: str, lang: str | None = None
) -> LevelComparison:
    """FAMILY (label or IRI) at `from_level` beside it at `to_level` (codes or IRIs).

    NotFound names the closest for an unknown family or level, and when the family has a
    role-level at neither level. `lang` picks the language as `Canon.role_level` does: if any
    text shown would be in another language, the whole comparison is in the canon's default.
    """
    fam, start, end = canon.family(family), canon.level(from_level), canon.level(to_level)
    held = {r.level.iri for r in canon.role_levels_of(fam.iri)}
    if start.iri not in held and end.iri not in held:
        codes = [r.level.code for r in canon.role_levels_of(fam.iri)]
        raise NotFound(
            "role-level",
            f"{fam.label} — {start.code} or {end.code}",
            tuple(f"{fam.label} — {c}" for c in NearNames(codes).closest(start.code)),
        )
    if lang is not None:
        view = canon.in_language(lang)
        if view is not canon:
            found = _compare_in(view, fam.iri, start.iri, end.iri)
            if speaks(found.nodes, lang):
                return found
    return _compare_in(canon, fam.iri, start.iri, end.iri)


def compare_role_levels(from_role: RoleLevel, to_role: RoleLevel) -> LevelComparison:
    """Two role-levels of one family, side by side, in the language each was given in."""
    if from_role.family.iri != to_role.family.iri:
        raise ValueError(f"{from_role.label} and {to_role.label} are of different families")
    return _compare(from_role.family, _side_of(from_role), _side_of(to_role))


def language_of(role: RoleLevel) -> str | None:
    """The language a role-level's canon text was given in; None when it is all untagged."""
    return next((tag for node in page_nodes(role) for _, tag in node.languages), None)


def _side_of(role: RoleLevel) -> ComparedLevel:
    return ComparedLevel(role.level, role, role.statements)


def _compare_in(canon: Canon, family: str, from_level: str, to_level: str) -> LevelComparison:
    """The comparison from the nodes of this canon view, by IRI."""
    fam = canon.nodes[family]
    assert isinstance(fam, JobFamily)
    roles = {r.level.iri: r for r in canon.role_levels_of(family)}

    def side(iri: str) -> ComparedLevel:
        role = roles.get(iri)
        if role is not None:
            return _side_of(role)
        level = canon.nodes[iri]
        assert isinstance(level, Level)
        return ComparedLevel(level, None, for_family(level, fam))

    return _compare(fam, side(from_level), side(to_level))


def _compare(family: JobFamily, start: ComparedLevel, end: ComparedLevel) -> LevelComparison:
    return LevelComparison(
        family=family,
        from_=start,
        to=end,
        dimensions=_statements(start.statements, end.statements),
        from_responsibilities=_responsibilities(start.role_level, end.role_level),
        to_responsibilities=_responsibilities(end.role_level, start.role_level),
        rubric=_rubric(start.role_level, end.role_level),
    )


def _statements(
    start: tuple[DimensionStatement, ...], end: tuple[DimensionStatement, ...]
) -> tuple[DimensionComparison, ...]:
    by_dimension = {s.dimension.iri: s.dimension for s in (*start, *end)}
    dimensions = sorted(by_dimension.values(), key=lambda d: (d.display_order, d.iri))
    rows = []
    for dimension in dimensions:
        a = next((s for s in start if s.dimension.iri == dimension.iri), None)
        b = next((s for s in end if s.dimension.iri == dimension.iri), None)
        rows.append(DimensionComparison(dimension, *_pair(a, b)))
    return tuple(rows)


def _responsibilities(
    role: RoleLevel | None, other: RoleLevel | None
) -> tuple[ComparedText, ...] | None:
    if role is None:
        return None
    there = {r.text for r in other.responsibilities} if other is not None else set()
    return tuple(ComparedText(r, r.text in there) for r in role.responsibilities)


def _rubric(start: RoleLevel | None, end: RoleLevel | None) -> tuple[RubricComparison, ...]:
    entries = [*(start.rubric if start else ()), *(end.rubric if end else ())]
    by_dimension = {e.dimension.iri: e.dimension for e in entries}
    rows = []
    for dimension in sorted(by_dimension.values(), key=lambda d: (d.label, d.iri)):
        a = start.rubric_entry(dimension.iri) if start else None
        b = end.rubric_entry(dimension.iri) if end else None
        rows.append(RubricComparison(dimension, *_pair(a, b)))
    return tuple(rows)


def _pair(
    a: DimensionStatement | RubricEntry | None, b: DimensionStatement | RubricEntry | None
) -> tuple[ComparedText | None, ComparedText | None]:
    """Two texts along one dimension; each at both levels when the other is the same text."""
    same = a is not None and b is not None and a.text == b.text
    return (
        ComparedText(a, same) if a is not None else None,
        ComparedText(b, same) if b is not None else None,
    )
