"""The path from any canon node up to its job function, with networkx.

Each node has one primary parent (responsibility -> role-level -> family -> function;
statement -> level -> track); the graph of those edges is a forest, built once per canon
on first use.
"""

from __future__ import annotations

from collections.abc import Iterator
from weakref import WeakKeyDictionary

import networkx as nx

from .canon import Canon
from .nodes import CanonNode

_GRAPHS: WeakKeyDictionary[Canon, nx.DiGraph] = WeakKeyDictionary()


def _primary_edges(canon: Canon) -> Iterator[tuple[str, str]]:
    for family in canon.families:
        yield family.iri, family.function.iri
    for level in canon.levels:
        yield level.iri, level.track.iri
        for statement in (*level.statements, *level.family_statements):
            yield statement.iri, level.iri
    for role in canon.role_levels:
        yield role.iri, role.family.iri
        for part in (*role.responsibilities, *role.rubric):
            yield part.iri, role.iri


def lineage_graph(canon: Canon) -> nx.DiGraph:
    graph = _GRAPHS.get(canon)
    if graph is None:
        graph = nx.DiGraph(_primary_edges(canon))
        _GRAPHS[canon] = graph
    return graph


def ancestry(canon: Canon, iri: str) -> tuple[CanonNode, ...] | None:
    """The node, its parent, … up to its function (or the top of its branch); None if unknown."""
    if iri not in canon.nodes:
        return None
    graph = lineage_graph(canon)
    if iri not in graph:
        return (canon.nodes[iri],)
    return tuple(canon.nodes[n] for n in nx.dfs_preorder_nodes(graph, iri))
