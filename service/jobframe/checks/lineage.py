"""Lineage checks with networkx: the job architecture must be a DAG of well-typed parents.

Edges run from a node to the node it belongs to (responsibility -> role-level -> family ->
function; role-level -> level -> track; statement -> level, dimension, and the family it may
be specific to; responsibility -> its group, if any). A cycle, a missing or mistyped parent
(an orphan), a reference to an IRI nobody describes (dangling), a duplicate where the
architecture needs one-of-a-kind, or a gap in a track's ranks is reported here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator

import networkx as nx
import pyoxigraph as ox

from ..findings import Finding, FindingKind, Severity
from ..sources import SourceMap, TripleIndex
from ..vocabulary import DCTERMS, JF, NAMESPACE, RDF_TYPE, SKOS_NOTATION
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

_LINEAGE = {
    prop for parents in (*PARENTS.values(), *OPTIONAL_PARENTS.values()) for prop, _ in parents
}


def lineage_edges(index: TripleIndex) -> list[tuple[str, str]]:
    """Every reference along a lineage property, from child to parent."""
    return [
        (subject, value.value)
        for subject, properties in index.out.items()
        for prop in _LINEAGE.intersection(properties)
        for value in properties[prop]
        if isinstance(value, ox.NamedNode)
    ]


def cycle_candidates(edges: list[tuple[str, str]]) -> nx.DiGraph:
    """The edges that can lie on a cycle: both ends have edges in and out.

    A node on a cycle is entered and left by it; responsibilities (never pointed to) and
    functions (pointing nowhere) cannot be, and they are most of a large canon.
    """
    sources = {child for child, _ in edges}
    targets = {parent for _, parent in edges}
    return nx.DiGraph((c, p) for c, p in edges if c in targets and p in sources)


def lineage_findings(
    index: TripleIndex, places: SourceMap, explained: Collection[tuple[str, str]] = ()
) -> tuple[Finding, ...]:
    """Cycles, orphans, dangling references, duplicates and rank gaps; an orphan or dangling
    reference on a (node, property) in `explained` (a typo already reported) is left out."""
    return (
        *_cycles(index, places),
        *(f for f, pair in _orphans(index, places) if pair not in explained),
        *(f for f, pair in _dangling(index, places) if pair not in explained),
        *_duplicates(index, places),
        *_rank_gaps(index, places),
    )


def _cycles(index: TripleIndex, places: SourceMap) -> Iterator[Finding]:
    graph = cycle_candidates(lineage_edges(index))
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1 and not any(graph.has_edge(n, n) for n in component):
            continue
        first = min(component)
        cycle = nx.find_cycle(graph.subgraph(component), source=first)
        path = [u for u, _ in cycle] + [cycle[0][0]]
        yield Finding(
            FindingKind.CYCLE,
            Severity.ERROR,
            places.locate(first),
            "lineage cycle: " + " -> ".join(node_name(index, n) for n in path),
            "a node must not be its own ancestor: point one of these to its real parent",
        )


def _orphans(index: TripleIndex, places: SourceMap) -> Iterator[tuple[Finding, tuple[str, str]]]:
    for cls in dict.fromkeys([*PARENTS, *OPTIONAL_PARENTS]):
        kind = cls.rsplit("#", 1)[1]
        required = PARENTS.get(cls, ())
        for subject in index.instances(cls):
            for prop, parent_cls in (*required, *OPTIONAL_PARENTS.get(cls, ())):
                refs = index.values(subject, prop)
                if not refs and (prop, parent_cls) not in required:
                    continue  # an optional parent it does not have
                parent_kind = parent_cls.rsplit("#", 1)[1]
                prop_name = f"jf:{prop.rsplit('#', 1)[1]}"
                described = [
                    r.value for r in refs if isinstance(r, ox.NamedNode) and r.value in index.out
                ]
                if not refs:
                    problem = f"has no {prop_name}"
                elif described and not any(index.is_a(r, parent_cls) for r in described):
                    problem = f"has {prop_name} pointing to no jf:{parent_kind}"
                else:
                    continue  # present, or dangling (reported as such)
                finding = Finding(
                    FindingKind.ORPHAN,
                    Severity.ERROR,
                    places.locate(subject),
                    f"{kind} {node_name(index, subject)} {problem}",
                    f"add {prop_name} pointing to a described jf:{parent_kind}",
                )
                yield finding, (subject, prop)


def _dangling(index: TripleIndex, places: SourceMap) -> Iterator[tuple[Finding, tuple[str, str]]]:
    """References from canon nodes (instances of a jf: class) to IRIs nobody describes."""
    canon_nodes = {
        s for cls in index.classes() if cls.startswith(NAMESPACE) for s in index.instances(cls)
    }
    for subject in sorted(canon_nodes):
        for prop, values in index.out[subject].items():
            if prop == RDF_TYPE or prop in OUTSIDE_THE_CANON:
                continue
            for value in values:
                if isinstance(value, ox.NamedNode) and value.value not in index.out:
                    finding = Finding(
                        FindingKind.DANGLING,
                        Severity.ERROR,
                        places.locate(subject),
                        f"{node_name(index, subject)} refers with <{prop}> to <{value.value}>,"
                        " which no canon file describes",
                        "describe that node or correct the IRI (a typo?)",
                    )
                    yield finding, (subject, prop)


Key = tuple[object, ...]


def _statement_key(index: TripleIndex, family: bool) -> Callable[[str], Key]:
    """A statement's level and dimension, with its family: generic statements (no
    jf:family) and each family's own are keyed apart, so one of each may coexist."""

    def key(s: str) -> Key:
        if bool(index.values(s, JF.family)) != family:
            return (None,)
        place = (index.ref(s, JF.level), index.ref(s, JF.dimension))
        return (*place, index.ref(s, JF.family)) if family else place

    return key


def _duplicates(index: TripleIndex, places: SourceMap) -> Iterator[Finding]:
    """Keys that must be one of a kind: (what, class, key of a node); no key when its first
    part is None."""
    rules: tuple[tuple[str, str, Callable[[str], Key]], ...] = (
        (
            "two responsibilities with the same jf:order in one role-level",
            JF.Responsibility,
            lambda s: (index.ref(s, JF.roleLevel), index.integer(s, JF.order)),
        ),
        (
            "two rubric entries along the same rubric dimension in one role-level",
            JF.RubricEntry,
            lambda s: (index.ref(s, JF.roleLevel), index.ref(s, JF.rubricDimension)),
        ),
        (
            "two statements for the same level and dimension, both generic (no jf:family)",
            JF.DimensionStatement,
            _statement_key(index, family=False),
        ),
        (
            "two statements for the same level, dimension and jf:family",
            JF.DimensionStatement,
            _statement_key(index, family=True),
        ),
        (
            "two role-levels for the same family and level",
            JF.RoleLevel,
            lambda s: (index.ref(s, JF.family), index.ref(s, JF.level)),
        ),
        (
            "two levels with the same code",
            JF.Level,
            lambda s: (index.text(s, SKOS_NOTATION),),
        ),
        (
            "two levels with the same rank in one track",
            JF.Level,
            lambda s: (index.ref(s, JF.track), index.integer(s, JF.rank)),
        ),
        (
            "two level dimensions with the same jf:displayOrder",
            JF.LevelDimension,
            lambda s: (index.integer(s, JF.displayOrder),),
        ),
        (
            "two responsibility groups with the same jf:displayOrder",
            JF.ResponsibilityGroup,
            lambda s: (index.integer(s, JF.displayOrder),),
        ),
        (
            "two jf:Canon nodes (a canon describes itself once)",
            JF.Canon,
            lambda s: (JF.Canon,),
        ),
    )
    for what, cls, key_of in rules:
        groups: defaultdict[Key, list[str]] = defaultdict(list)
        for subject in index.instances(cls):
            key = key_of(subject)
            if key[0] is not None:
                groups[key].append(subject)
        for members in groups.values():
            if len(members) > 1:
                yield Finding(
                    FindingKind.DUPLICATE,
                    Severity.ERROR,
                    places.locate(members[1]),
                    f"{what}: " + ", ".join(node_name(index, m) for m in members),
                    "give each its own value, or remove the extra one",
                )


def _rank_gaps(index: TripleIndex, places: SourceMap) -> Iterator[Finding]:
    ranks: defaultdict[str, set[int]] = defaultdict(set)
    for level in index.instances(JF.Level):
        track, rank = index.ref(level, JF.track), index.integer(level, JF.rank)
        if track is not None and rank is not None:
            ranks[track].add(rank)
    for track, present in sorted(ranks.items()):
        missing = sorted(set(range(min(present), max(present) + 1)) - present)
        if missing:
            yield Finding(
                FindingKind.RANK_GAP,
                Severity.WARNING,
                places.locate(track),
                f"track {node_name(index, track)} has no level at rank "
                + ", ".join(str(m) for m in missing),
                "add the missing level, or renumber the ranks",
            )
