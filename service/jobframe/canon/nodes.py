"""The checked canon's nodes: immutable, typed values built once per canon version.

Every node keeps the IRI it was read from, so any frame line can point back to it.
`label`, `notation` and `text` are the only strings a frame may quote from a node; each
is in one language (or untagged), recorded in `languages` so a quote can say which.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class CanonNode:
    """A node of the canon graph."""

    iri: str
    label: str
    notation: str | None = None
    text: str | None = None
    languages: tuple[tuple[str, str], ...] = ()
    """(field, language tag) for each of `label`, `notation`, `text` read from a tagged
    literal; an untagged value has no entry."""

    def language(self, field: str) -> str | None:
        """The language tag of a quoted field's value, None when it is untagged."""
        if not self.languages:  # most canons tag nothing: every quote asks this
            return None
        return next((tag for name, tag in self.languages if name == field), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class JobFunction(CanonNode):
    """Root of the job architecture."""


@dataclass(frozen=True, slots=True, kw_only=True)
class JobFamily(CanonNode):
    """A family of jobs within one function; `text` is its description, if the canon has one."""

    function: JobFunction


@dataclass(frozen=True, slots=True, kw_only=True)
class Track(CanonNode):
    """A career track whose levels are ranked."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LevelDimension(CanonNode):
    """A generic dimension of levels; `notation` is its name in running text."""

    display_order: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DimensionStatement(CanonNode):
    """What one level means along one dimension (`text`, verbatim).

    With a `family` it is that family's own statement: it replaces the level's generic one
    along that dimension for the family's role-levels.
    """

    dimension: LevelDimension
    text: str
    family: JobFamily | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Level(CanonNode):
    """A rung of a track: `notation` is its code (M5), `label` its title (Senior Director)."""

    track: Track
    rank: int
    statements: tuple[DimensionStatement, ...]
    """The generic statements: one per described dimension, in the dimensions' display order."""
    family_statements: tuple[DimensionStatement, ...] = ()
    """Statements specific to one family, by family then display order."""

    @property
    def code(self) -> str:
        assert self.notation is not None
        return self.notation


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(CanonNode):
    """Where canon text was taken from: `label` for source tags, `notation` for running text."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RubricDimension(CanonNode):
    """A dimension of the leveling rubric."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponsibilityGroup(CanonNode):
    """An area responsibilities are grouped into (Results, Talent, …), shown to readers."""

    display_order: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Responsibility(CanonNode):
    """A core output of a role-level (`text`, verbatim), at position `order`."""

    order: int
    source: Source
    text: str
    group: ResponsibilityGroup | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RubricEntry(CanonNode):
    """A role-level's leveling-rubric text along one rubric dimension."""

    dimension: RubricDimension
    source: Source
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleLevel(CanonNode):
    """A family at a level: what frames are derived for."""

    family: JobFamily
    level: Level
    responsibilities: tuple[Responsibility, ...]
    """In canon order (`order`, then IRI)."""
    rubric: tuple[RubricEntry, ...]
    statements: tuple[DimensionStatement, ...]
    """The level's statements as they apply to this family: a family-specific statement in
    place of the generic one along its dimension; in the dimensions' display order."""

    def rubric_entry(self, dimension_iri: str) -> RubricEntry | None:
        """The entry along that rubric dimension, or None when the canon has none."""
        return next((e for e in self.rubric if e.dimension.iri == dimension_iri), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class CanonAbout(CanonNode):
    """The canon's description of itself (its `jf:Canon` node): `label` is its title.

    `source`, `license` and `attribution` say where published data came from and how the
    licence asks to credit it; every node page shows them.
    """

    default_language: str | None = None
    source: str | None = None
    license: str | None = None
    attribution: str | None = None
