"""The checked canon as one immutable value, with the lookups clients ask for by name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, partial
from threading import Lock
from types import MappingProxyType
from typing import TypeVar

from ..budget import within_budget
from .languages import DEFAULT_LANGUAGE, Literals, translated
from .names import Names, NearNames, NotFound, closest
from .nodes import (
    CanonAbout,
    CanonNode,
    JobFamily,
    JobFunction,
    Level,
    LevelDimension,
    ResponsibilityGroup,
    RoleLevel,
    RubricDimension,
    Source,
    Track,
)

N = TypeVar("N", bound=CanonNode)


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
    """Content hash of the canon's triples (see `sources/version.py`)."""
    groups: tuple[ResponsibilityGroup, ...] = ()
    about: CanonAbout | None = None
    """The canon's description of itself (title, default language, attribution), if any."""
    literals: Literals = field(default_factory=dict, repr=False)
    """Every value of each quoted field that has a language tag or several values."""
    default_language: str = DEFAULT_LANGUAGE
    language: str | None = None
    """The language this view's values were picked for; None for the default view."""
    nodes: Mapping[str, CanonNode] = field(init=False, repr=False)
    _role_levels_by_key: Mapping[tuple[str, str], RoleLevel] = field(init=False, repr=False)
    _families_by_name: Names[JobFamily] = field(init=False, repr=False)
    _levels_by_name: Names[Level] = field(init=False, repr=False)

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
            self.groups,
            self.role_levels,
        ):
            nodes.update((n.iri, n) for n in group)
        if self.about is not None:
            nodes[self.about.iri] = self.about
        for level in self.levels:
            nodes.update((s.iri, s) for s in (*level.statements, *level.family_statements))
        for role in self.role_levels:
            nodes.update((r.iri, r) for r in role.responsibilities)
            nodes.update((e.iri, e) for e in role.rubric)
        by_key = {(r.family.iri, r.level.iri): r for r in self.role_levels}
        object.__setattr__(self, "nodes", MappingProxyType(nodes))
        object.__setattr__(self, "_role_levels_by_key", MappingProxyType(by_key))
        object.__setattr__(
            self,
            "_families_by_name",
            Names(self.families, lambda f: f.label, partial(self._every_value, field="label")),
        )
        object.__setattr__(self, "_levels_by_name", Names(self.levels, lambda lv: lv.code))

    def _every_value(self, node: CanonNode, field: str) -> tuple[str, ...]:
        """A node's value of `field` in every language the canon gives it."""
        return tuple(value for _, value in self.literals.get(node.iri, {}).get(field, ()))

    def __reduce__(self) -> tuple[type[Canon], tuple[object, ...]]:
        """Pickled as its fields; the lookup indexes are rebuilt on load."""
        return (Canon, tuple(getattr(self, f.name) for f in fields(self) if f.init))

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """Every language tag the canon's quoted values use, the default first. Read on
        every GraphQL request (Accept-Language): worked out once per canon."""
        tags = {
            tag
            for fields_ in self.literals.values()
            for values in fields_.values()
            for tag, _ in values
            if tag is not None
        }
        return tuple(
            sorted(tags, key=lambda t: (t.casefold() != self.default_language.casefold(), t))
        )

    def in_language(self, wanted: str) -> Canon:
        """This canon with each quoted value picked for `wanted` (see `languages.pick`).

        Built once per language on first use; a canon without tagged values is its own view.
        """
        wanted_key = wanted.casefold()
        if not self.literals or self.language is not None:
            return self
        if wanted_key == self.default_language.casefold() or wanted_key not in {
            t.casefold() for t in self.languages
        }:
            return self
        with self._views_lock:
            view = self._views.get(wanted_key)
            if view is None:
                view = self._views[wanted_key] = _translate(self, wanted)
            return view

    def family(self, asked: str) -> JobFamily:
        """A family by IRI or label (exact, else ignoring case)."""
        return self._families_by_name.pick(asked, "job family")

    def level(self, asked: str) -> Level:
        """A level by IRI or code (exact, else ignoring case)."""
        return self._levels_by_name.pick(asked, "level")

    def role_level(self, family: str, level: str, lang: str | None = None) -> RoleLevel:
        """The role-level of a family at a level; NotFound names the closest existing ones.

        `lang` picks the language of its canon text: each value in `lang`, else untagged. If
        any value its page quotes would be in another language, the whole role-level comes in
        the canon's default language instead, so a frame never mixes languages.
        """
        if lang is not None:
            view = self.in_language(lang)
            if view is not self:
                role = view._named_role_level(family, level, fallback=self)
                if speaks(page_nodes(role), lang):
                    return role
        return self._named_role_level(family, level)

    def _named_role_level(
        self, family: str, level: str, fallback: Canon | None = None
    ) -> RoleLevel:
        """By the names of this view or, when given, of the `fallback` view (names in the
        default language find the role-level in every language)."""
        if fallback is not None:
            try:
                named = fallback._named_role_level(family, level)
            except NotFound:
                pass
            else:
                node = self.nodes[named.iri]
                assert isinstance(node, RoleLevel)
                return node
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

    def search_role_levels(self, words: str) -> tuple[RoleLevel, ...]:
        """Role-levels whose function, family and level names hold every word, ignoring case.

        In canon order; blank `words` match every role-level. Each distinct word narrows the
        previous word's matches, longest word first, and the search stops when nothing is
        left: about 30 ms at 100,000 role-levels, with no index. The caller bounds how many
        words are asked (`api/limits/arguments.py`); the request's budget is checked as it goes.
        """
        keys = self._search_keys
        found: Iterable[int] = range(len(keys))
        for word in sorted(set(words.casefold().split()), key=len, reverse=True):
            found = [i for i in within_budget(found, every=4096) if word in keys[i]]
            if not found:
                break
        return tuple(self.role_levels[i] for i in found)

    def families_in(self, function: str) -> tuple[JobFamily, ...]:
        """The families of the function with this IRI, in canon order."""
        return self._grouped[0].get(function, ())

    def role_levels_of(self, family: str) -> tuple[RoleLevel, ...]:
        """The role-levels of the family with this IRI, in canon order."""
        return self._grouped[1].get(family, ())

    def levels_in(self, track: str) -> tuple[Level, ...]:
        """The levels of the track with this IRI, by rank."""
        return self._grouped[2].get(track, ())

    @cached_property
    def _grouped(
        self,
    ) -> tuple[
        Mapping[str, tuple[JobFamily, ...]],
        Mapping[str, tuple[RoleLevel, ...]],
        Mapping[str, tuple[Level, ...]],
    ]:
        """Children by parent IRI, built once: asking each parent to scan every node made a
        page of 100 functions with their families quadratic in the canon."""
        families: dict[str, list[JobFamily]] = {}
        for family in self.families:
            families.setdefault(family.function.iri, []).append(family)
        roles: dict[str, list[RoleLevel]] = {}
        for role in self.role_levels:
            roles.setdefault(role.family.iri, []).append(role)
        levels: dict[str, list[Level]] = {}
        for level in self.levels:
            levels.setdefault(level.track.iri, []).append(level)
        return (
            {k: tuple(v) for k, v in families.items()},
            {k: tuple(v) for k, v in roles.items()},
            {k: tuple(v) for k, v in levels.items()},
        )

    def closest_iris(self, asked: str, limit: int = 3) -> tuple[str, ...]:
        """The IRIs of canon nodes most like `asked` (see `names.NearNames`)."""
        return self._near_iris.closest(asked, limit)

    @property
    def closest_iris_cost(self) -> int:
        """The work of the next `closest_iris`, in cost units (5 µs): the first question
        sorts every node's IRI (O(n log n), about one unit a node), later ones are cheap."""
        return 1 if "_near_iris" in self.__dict__ else len(self.nodes)

    @cached_property
    def _views(self) -> dict[str, Canon]:
        return {}

    @cached_property
    def _views_lock(self) -> Lock:
        return Lock()

    @cached_property
    def _near_iris(self) -> NearNames:
        return NearNames(self.nodes)

    @cached_property
    def _search_keys(self) -> tuple[str, ...]:
        return tuple(
            " · ".join(
                (r.family.function.label, r.family.label, r.level.code, r.level.label)
            ).casefold()
            for r in self.role_levels
        )


def page_nodes(role: RoleLevel) -> tuple[CanonNode, ...]:
    """Every node whose values a role-level's page may quote."""
    family, level = role.family, role.level
    nodes: list[CanonNode] = [role, family, family.function, level, level.track]
    for st in role.statements:
        nodes += (st, st.dimension)
    for r in role.responsibilities:
        nodes += (r, r.source)
    for e in role.rubric:
        nodes += (e, e.source, e.dimension)
    return tuple(nodes)


def speaks(nodes: Iterable[CanonNode], wanted: str) -> bool:
    """Whether every value of these nodes is in `wanted` or untagged (a page never mixes)."""
    key = wanted.casefold()
    return all(tag.casefold() == key for node in nodes for _, tag in node.languages)


def _translate(canon: Canon, wanted: str) -> Canon:
    memo: dict[str, CanonNode] = {}
    default = canon.default_language

    def each(nodes: tuple[N, ...]) -> tuple[N, ...]:
        return tuple(translated(n, canon.literals, wanted, default, memo) for n in nodes)

    about = canon.about
    return replace(
        canon,
        functions=each(canon.functions),
        families=each(canon.families),
        tracks=each(canon.tracks),
        levels=each(canon.levels),
        dimensions=each(canon.dimensions),
        sources=each(canon.sources),
        rubric_dimensions=each(canon.rubric_dimensions),
        groups=each(canon.groups),
        role_levels=each(canon.role_levels),
        about=translated(about, canon.literals, wanted, default, memo) if about else None,
        language=wanted,
    )
