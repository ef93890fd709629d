"""The checked canon as one immutable value, with the lookups clients ask for by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from types import MappingProxyType
from typing import TypeVar

from .nodes import (
    CanonNode,
    JobFamily,
    JobFunction,
    Level,
    LevelDimension,
    RoleLevel,
    RubricDimension,
    Source,
    Track,
)

N = TypeVar("N", bound=CanonNode)


class NotFound(LookupError):
    """A family, level or role-level that the canon does not hold; names the closest ones."""

    def __init__(self, what: str, asked: str, closest: tuple[str, ...]) -> None:
        self.what = what
        self.asked = asked
        self.closest = closest
        hint = f"; closest: {', '.join(repr(c) for c in closest)}" if closest else ""
        super().__init__(f"no {what} {asked!r} in the canon{hint}")


def closest(asked: str, candidates: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """The candidates most similar to `asked`, best first, ignoring case."""
    key = asked.casefold()
    ranked = sorted(
        set(candidates),
        key=lambda c: (-SequenceMatcher(None, key, c.casefold()).ratio(), c),
    )
    return tuple(ranked[:limit])


@dataclass(frozen=True, eq=False)
class Canon:
    """Everything frames are derived from; built once per canon version, never mutated.

    Compared and hashed by identity: `version` says whether two canons hold the same triples.
    """

    functions: tuple[JobFunction, ...]
    families: tuple[JobFamily, ...]
    tracks: tuple[Track, ...]
    levels: tuple[Level, ...]
    dimensions: tuple[LevelDimension, ...]
    sources: tuple[Source, ...]
    rubric_dimensions: tuple[RubricDimension, ...]
    role_levels: tuple[RoleLevel, ...]
    triple_count: int
    version: str
    """Content hash of the canon's triples (see `version.py`)."""
    nodes: Mapping[str, CanonNode] = field(init=False, repr=False)
    _role_levels_by_key: Mapping[tuple[str, str], RoleLevel] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        nodes: dict[str, CanonNode] = {}
        for group in (
            self.functions,
            self.families,
            self.tracks,
            self.levels,
            self.dimensions,
            self.sources,
            self.rubric_dimensions,
            self.role_levels,
        ):
            nodes.update((n.iri, n) for n in group)
        for level in self.levels:
            nodes.update((s.iri, s) for s in level.statements)
        for role in self.role_levels:
            nodes.update((r.iri, r) for r in role.responsibilities)
            nodes.update((e.iri, e) for e in role.rubric)
        by_key = {(r.family.iri, r.level.iri): r for r in self.role_levels}
        object.__setattr__(self, "nodes", MappingProxyType(nodes))
        object.__setattr__(self, "_role_levels_by_key", MappingProxyType(by_key))

    def __reduce__(self) -> tuple[type[Canon], tuple[object, ...]]:
        """Pickled as its fields; the lookup indexes are rebuilt on load."""
        return (
            Canon,
            (
                self.functions,
                self.families,
                self.tracks,
                self.levels,
                self.dimensions,
                self.sources,
                self.rubric_dimensions,
                self.role_levels,
                self.triple_count,
                self.version,
            ),
        )

    def family(self, asked: str) -> JobFamily:
        """A family by IRI or label (exact, else ignoring case)."""
        return _pick(self.families, asked, lambda f: (f.iri, f.label), "job family")

    def level(self, asked: str) -> Level:
        """A level by IRI or code (exact, else ignoring case)."""
        return _pick(self.levels, asked, lambda lv: (lv.iri, lv.code), "level")

    def role_level(self, family: str, level: str) -> RoleLevel:
        """The role-level of a family at a level; NotFound names the closest existing ones."""
        fam = self.family(family)
        lvl = self.level(level)
        found = self._role_levels_by_key.get((fam.iri, lvl.iri))
        if found is None:
            at_levels = [r.level.code for r in self.role_levels if r.family.iri == fam.iri]
            raise NotFound(
                "role-level",
                f"{fam.label} — {lvl.code}",
                tuple(f"{fam.label} — {c}" for c in closest(lvl.code, at_levels)),
            )
        return found


def _pick(nodes: tuple[N, ...], asked: str, keys: Callable[[N], tuple[str, str]], what: str) -> N:
    """The node one of whose keys is `asked`; the second key is the name shown to people."""
    for node in nodes:
        if asked in keys(node):
            return node
    folded = asked.casefold()
    matches = [n for n in nodes if folded in (k.casefold() for k in keys(n))]
    if len(matches) == 1:
        return matches[0]
    raise NotFound(what, asked, closest(asked, (keys(n)[1] for n in nodes)))
