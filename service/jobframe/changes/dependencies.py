"""Which role-levels quote which canon nodes: the dependency graph of provenance (networkx).

An edge X → Y says that Y quotes X, as the frame templates do: a job function is quoted
through its families (`{role.family.function.label}`), a level dimension through its
statements (`{statement.dimension.notation}`), and a level, the statements as they apply,
and the sources and rubric dimensions a role-level's responsibilities and rubric entries
cite are quoted by that role-level. Role-levels that quote the same level, statements,
sources and rubric dimensions share one node of the graph, their *context*: a canon of
100,000 role-levels has a handful of contexts, so the graph stays small, and a family or
a context stands for its role-levels (`members`). A responsibility or rubric entry is
quoted by the one role-level that lists it.

So a generic dimension statement reaches every role-level at its level whose family has
no statement of its own along that dimension (those role-levels' contexts hold the
family's statement instead), and a family-specific statement reaches that family's
role-levels at the level. Both canons' edges are in one graph: a change reaches the
role-levels that quoted the node before as well as those that quote it after.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

import networkx as nx

from ..canon import Canon, CanonNode, Responsibility, RoleLevel, RubricEntry
from ..frames import FrameKind, frames_quoting
from .nodes import Side, owners

Context = tuple[str, str, tuple[str, ...], frozenset[str], frozenset[str]]
"""("context", level, the statements as they apply, sources, rubric dimensions), by IRI."""


def context(role: RoleLevel) -> Context:
    """What a role-level quotes besides its family and its own responsibilities and entries."""
    sources = {r.source.iri for r in role.responsibilities}
    sources.update(e.source.iri for e in role.rubric)
    return (
        "context",
        role.level.iri,
        tuple(st.iri for st in role.statements),
        frozenset(sources),
        frozenset(e.dimension.iri for e in role.rubric),
    )


class Dependencies:
    """The dependency graph of two canons, and the role-levels each node reaches."""

    def __init__(self, old: Side, new: Side) -> None:
        self.graph: nx.DiGraph[Hashable] = nx.DiGraph()
        self.members: defaultdict[Hashable, set[str]] = defaultdict(set)
        """A family or a context -> the role-levels (IRIs) it stands for, in either canon."""
        self._sides = (old, new)
        for side in self._sides:
            self._add(side.canon)

    @classmethod
    def of(cls, canon: Canon) -> Dependencies:
        """One canon's graph: the role-levels that quote each of its nodes (a node page's
        "used by"), built once per canon instead of scanning its role-levels."""
        side = Side(canon, owners(canon))
        return cls(side, side)

    def _add(self, canon: Canon) -> None:
        graph = self.graph
        graph.add_edges_from((f.function.iri, f.iri) for f in canon.families)
        for level in canon.levels:
            for st in (*level.statements, *level.family_statements):
                graph.add_edge(st.dimension.iri, st.iri)
        contexts: defaultdict[Context, list[str]] = defaultdict(list)
        for role in canon.role_levels:
            contexts[context(role)].append(role.iri)
            self.members[role.family.iri].add(role.iri)
        for key, members in contexts.items():
            _, level_iri, statements, sources, dimensions = key
            graph.add_edges_from((quoted, key) for quoted in (level_iri, *statements))
            graph.add_edges_from((quoted, key) for quoted in (*sources, *dimensions))
            self.members[key].update(members)

    def quoting(self, iris: Iterable[str]) -> set[str]:
        """The role-levels (IRIs) that quote any of these nodes, in either canon."""
        wanted = set(iris)
        starts = [iri for iri in wanted if iri in self.graph]
        reached: set[Hashable] = set(wanted)
        if starts:
            for layer in nx.bfs_layers(self.graph, starts):
                reached.update(layer)
        found: set[str] = set()
        for node in reached:
            found.update(self.members.get(node, ()))
        for side in self._sides:
            nodes = side.canon.nodes
            for iri in wanted:
                node = nodes.get(iri)
                if isinstance(node, RoleLevel):
                    found.add(iri)
                elif isinstance(node, Responsibility | RubricEntry):
                    found.add(side.owners[iri])
        return found

    def reached(
        self, changed: Iterable[tuple[str, type[CanonNode]]]
    ) -> dict[str, frozenset[FrameKind]]:
        """Each role-level a changed node reaches, with the frames that may change: those
        quoting a changed kind of node (`frames.frames_quoting`)."""
        by_frames: defaultdict[frozenset[FrameKind], list[str]] = defaultdict(list)
        for iri, kind in changed:
            frames = frames_quoting(kind)
            if frames:
                by_frames[frames].append(iri)
        found: defaultdict[str, set[FrameKind]] = defaultdict(set)
        for frames, iris in by_frames.items():
            for role in self.quoting(iris):
                found[role] |= frames
        return {role: frozenset(frames) for role, frames in found.items()}
