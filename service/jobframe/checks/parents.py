"""Missing or mistyped parents (orphans) and references to IRIs nobody describes (dangling),
found node by node, so a check after an edit looks again only at the nodes it may change.

A node's problems depend on its own triples and on whether the nodes it points to are
described and of which class: after an edit, the subjects of changed triples and the nodes
pointing at them are all that can change (`NodeProblems.refresh`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from ..findings import Finding, FindingKind, Severity
from ..sources import SourceMap, TripleIndex
from ..vocabulary import DCTERMS, JF, NAMESPACE, RDF_TYPE
from .naming import node_name

PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    JF.JobFamily: ((JF.function, JF.JobFunction),),
    JF.RoleLevel: ((JF.family, JF.JobFamily), (JF.level, JF.Level)),
    JF.Level: ((JF.track, JF.Track),),
    JF.DimensionStatement: (
        (JF.level, JF.Level),
        (JF.dimension, JF.LevelDimension),
    ),
    JF.Responsibility: (
        (JF.roleLevel, JF.RoleLevel),
        (JF.source, JF.Source),
    ),
    JF.RubricEntry: (
        (JF.roleLevel, JF.RoleLevel),
        (JF.rubricDimension, JF.RubricDimension),
        (JF.source, JF.Source),
    ),
}
"""Class -> (property, class of the node it must point to) for every parent it needs."""

OPTIONAL_PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    JF.DimensionStatement: ((JF.family, JF.JobFamily),),
    JF.Responsibility: ((JF.group, JF.ResponsibilityGroup),),
}
"""Class -> (property, class) for a parent it may have: when it has one, of that class."""

OUTSIDE_THE_CANON = frozenset({DCTERMS.source, DCTERMS.license})
"""Properties whose values are pages elsewhere (where the data came from, its licence), not
canon nodes: never dangling."""


_CLASSES = tuple(dict.fromkeys([*PARENTS, *OPTIONAL_PARENTS]))
_PAIRS = {cls: (*PARENTS.get(cls, ()), *OPTIONAL_PARENTS.get(cls, ())) for cls in _CLASSES}

Orphan = tuple[int, int, str]
"""(rank of the class, rank of the parent property, what is wrong): ranks order findings."""
Dangling = tuple[str, str]
"""(property, the IRI it points to that no file describes)."""


class NodeProblems:
    """Each node's orphan and dangling problems, by subject; only nodes with problems."""

    def __init__(self, index: TripleIndex) -> None:
        self._orphans: dict[str, list[Orphan]] = {}
        self._dangling: dict[str, list[Dangling]] = {}
        self.refresh(index, index.typed())

    def refresh(self, index: TripleIndex, subjects: Iterable[str]) -> None:
        """Look again at these subjects, as the index holds them now."""
        for subject in subjects:
            self._orphans.pop(subject, None)
            self._dangling.pop(subject, None)
            if orphans := _orphan_problems(index, subject):
                self._orphans[subject] = orphans
            if dangling := _dangling_problems(index, subject):
                self._dangling[subject] = dangling

    def orphans(
        self, index: TripleIndex, places: SourceMap
    ) -> Iterator[tuple[Finding, tuple[str, str]]]:
        """By class, then node, then parent property, as the classes are listed."""
        ranked = sorted(
            (c, subject, k, problem)
            for subject, found in self._orphans.items()
            for c, k, problem in found
        )
        for c, subject, k, problem in ranked:
            cls = _CLASSES[c]
            prop, parent_cls = _PAIRS[cls][k]
            finding = Finding(
                FindingKind.ORPHAN,
                Severity.ERROR,
                places.locate(subject),
                f"{_local(cls)} {node_name(index, subject)} {problem}",
                f"add {_name(prop)} pointing to a described jf:{_local(parent_cls)}",
            )
            yield finding, (subject, prop)

    def dangling(
        self, index: TripleIndex, places: SourceMap
    ) -> Iterator[tuple[Finding, tuple[str, str]]]:
        """References from canon nodes (instances of a jf: class) to IRIs nobody describes."""
        for subject in sorted(self._dangling):
            for prop, value in self._dangling[subject]:
                finding = Finding(
                    FindingKind.DANGLING,
                    Severity.ERROR,
                    places.locate(subject),
                    f"{node_name(index, subject)} refers with <{prop}> to <{value}>,"
                    " which no canon file describes",
                    "describe that node or correct the IRI (a typo?)",
                )
                yield finding, (subject, prop)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[1]


def _name(prop: str) -> str:
    return f"jf:{_local(prop)}"


def _orphan_problems(index: TripleIndex, subject: str) -> list[Orphan]:
    properties = index.out.get(subject)
    types = index.types(subject)
    if properties is None or not types:
        return []
    found: list[Orphan] = []
    for c, cls in enumerate(_CLASSES):
        if cls not in types:
            continue
        required = PARENTS.get(cls, ())
        for k, (prop, parent_cls) in enumerate(_PAIRS[cls]):
            refs = properties.get(prop, ())
            if not refs and (prop, parent_cls) not in required:
                continue  # an optional parent it does not have
            described = [
                r.value for r in refs if isinstance(r, ox.NamedNode) and r.value in index.out
            ]
            if not refs:
                found.append((c, k, f"has no {_name(prop)}"))
            elif described and not any(index.is_a(r, parent_cls) for r in described):
                found.append((c, k, f"has {_name(prop)} pointing to no jf:{_local(parent_cls)}"))
    return found


def _dangling_problems(index: TripleIndex, subject: str) -> list[Dangling]:
    properties = index.out.get(subject)
    if properties is None or not any(t.startswith(NAMESPACE) for t in index.types(subject)):
        return []
    return [
        (prop, value.value)
        for prop, values in properties.items()
        if prop != RDF_TYPE and prop not in OUTSIDE_THE_CANON
        for value in values
        if isinstance(value, ox.NamedNode) and value.value not in index.out
    ]
