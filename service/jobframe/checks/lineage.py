"""Lineage checks with networkx: the job architecture must be a DAG of well-typed parents.

Edges run from a node to the node it belongs to (responsibility -> role-level -> family ->
function; role-level -> level -> track; statement -> level, dimension, and the family it may
be specific to; responsibility -> its group, if any). A cycle, a missing or mistyped parent
(an orphan), a reference to an IRI nobody describes (dangling), a duplicate where the
architecture needs one-of-a-kind, or a gap in a track's ranks is reported here.
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Set

import networkx as nx
import pyoxigraph as ox

from ..findings import Finding, FindingKind, Severity
from ..sources import SourceMap, TripleIndex
from ..vocabulary import JF, SKOS_NOTATION
from .naming import node_name
from .parents import OPTIONAL_PARENTS, PARENTS, NodeProblems

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
    """The edges that can lie on a cycle: both ends have edges in and out, among those left.

    A node on a cycle is entered and left by it; responsibilities (never pointed to) and
    functions (pointing nowhere) cannot be, and once they are gone neither can role-levels,
    families or levels: a canon without cycles is left with no edges in a few rounds.
    """
    while True:
        sources = {child for child, _ in edges}
        targets = {parent for _, parent in edges}
        left = [(c, p) for c, p in edges if c in targets and p in sources]
        if len(left) == len(edges):
            return nx.DiGraph(sorted(left))  # sorted: the same cycle named in any index
        edges = left


def lineage_findings(
    index: TripleIndex,
    places: SourceMap,
    explained: Collection[tuple[str, str]] = (),
    kept: KeptLineage | None = None,
) -> tuple[Finding, ...]:
    """Cycles, orphans, dangling references, duplicates and rank gaps; an orphan or dangling
    reference on a (node, property) in `explained` (a typo already reported) is left out.
    `kept` is what these checks kept of the index, when it is kept between checks."""
    kept = KeptLineage(index) if kept is None else kept
    cycles = [] if kept.acyclic else list(_cycles(index, places))
    kept.acyclic = not cycles
    problems = kept.problems
    return (
        *cycles,
        *(f for f, pair in problems.orphans(index, places) if pair not in explained),
        *(f for f, pair in problems.dangling(index, places) if pair not in explained),
        *_duplicates(index, places, kept.groups),
        *_rank_gaps(index, places),
    )


class KeptLineage:
    """What the lineage checks keep of an index between checks: each node's orphans and
    dangling references, the nodes sharing each one-of-a-kind key, and whether the lineage
    was found free of cycles. All but the first depend on a node's own triples only."""

    def __init__(self, index: TripleIndex) -> None:
        self.problems = NodeProblems(index)
        self.keys: list[dict[str, Key]] = []
        self.groups: list[dict[Key, list[str]]] = []
        for _, cls, key_of in _rules(index):
            keys: dict[str, Key] = {}
            groups: dict[Key, list[str]] = {}
            for subject in index.instances(cls):  # sorted, so each group is
                key = key_of(subject)
                if key[0] is not None:
                    keys[subject] = key
                    groups.setdefault(key, []).append(subject)
            self.keys.append(keys)
            self.groups.append(groups)
        self.acyclic: bool | None = None
        """True when the last check found no cycle; None when unknown."""

    def refresh(self, index: TripleIndex, focus: Iterable[str], subjects: Set[str]) -> None:
        """Follow an edit: `subjects` are those of changed triples, `focus` also the nodes
        pointing at them. A new cycle would pass through a new edge, from one of `subjects`."""
        self.problems.refresh(index, focus)
        for (_, cls, key_of), keys, groups in zip(
            _rules(index), self.keys, self.groups, strict=True
        ):
            for subject in subjects:
                old = keys.pop(subject, None)
                if old is not None:
                    groups[old].remove(subject)
                    if not groups[old]:
                        del groups[old]
                key = key_of(subject) if index.is_a(subject, cls) else (None,)
                if key[0] is not None:
                    keys[subject] = key
                    insort(groups.setdefault(key, []), subject)
        if not (self.acyclic and _on_no_cycle(index, subjects)):
            self.acyclic = None


CYCLE_SEARCH_STEPS = 1_000_000
"""Ancestors visited, at most, to show that an edit made no cycle; beyond, the whole lineage
is searched again (a canon's lineage is a few levels deep: an edit visits a handful)."""


def _on_no_cycle(index: TripleIndex, subjects: Iterable[str]) -> bool:
    """Whether no cycle passes through any of the subjects (False when unsure)."""
    steps = 0
    for start in subjects:
        seen: set[str] = set()
        stack = _parents(index, start)
        while stack:
            node = stack.pop()
            if node == start:
                return False
            if node in seen:
                continue
            seen.add(node)
            steps += 1
            if steps > CYCLE_SEARCH_STEPS:
                return False
            stack.extend(_parents(index, node))
    return True


def _parents(index: TripleIndex, node: str) -> list[str]:
    properties = index.out.get(node)
    if properties is None:
        return []
    return [
        value.value
        for prop in _LINEAGE.intersection(properties)
        for value in properties[prop]
        if isinstance(value, ox.NamedNode)
    ]


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


def _rules(index: TripleIndex) -> tuple[tuple[str, str, Callable[[str], Key]], ...]:
    """Keys that must be one of a kind: (what, class, key of a node); no key when its first
    part is None. A key depends on the node's own triples only."""
    return (
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


def _duplicates(
    index: TripleIndex, places: SourceMap, kept: list[dict[Key, list[str]]]
) -> Iterator[Finding]:
    """Each rule's groups of more than one node (members sorted), by their first member."""
    for (what, _, _), groups in zip(_rules(index), kept, strict=True):
        for members in sorted((m for m in groups.values() if len(m) > 1), key=lambda m: m[0]):
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
