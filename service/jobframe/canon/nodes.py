"""The checked canon's nodes: immutable, typed values built once per canon version.

Every node keeps the IRI it was read from, so any frame line can point back to it.
`label`, `notation` and `text` are the only strings a frame may quote from a node.
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


@dataclass(frozen=True, slots=True, kw_only=True)
class JobFunction(CanonNode):
    """Root of the job architecture."""


@dataclass(frozen=True, slots=True, kw_only=True)
class JobFamily(CanonNode):
    """A family of jobs within one function."""

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
    """What one level means along one dimension (`text`, verbatim)."""

    dimension: LevelDimension
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Level(CanonNode):
    """A rung of a track: `notation` is its code (M5), `label` its title (Senior Director)."""

    track: Track
    rank: int
    statements: tuple[DimensionStatement, ...]
    """One per described dimension, in the dimensions' display order."""

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
class Responsibility(CanonNode):
    """A core output of a role-level (`text`, verbatim), at position `order`."""

    order: int
    source: Source
    text: str


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

    def rubric_entry(self, dimension_iri: str) -> RubricEntry | None:
        """The entry along that rubric dimension, or None when the canon has none."""
        return next((e for e in self.rubric if e.dimension.iri == dimension_iri), None)
