"""The path from any canon node up to its job function.

Each node has at most one primary parent (responsibility -> role-level -> family -> function;
statement -> level -> track), so the path is a walk of at most four nodes; the parent of each
node is looked up in a table built once per canon on first use.
"""

from __future__ import annotations

from collections.abc import Iterator
from weakref import WeakKeyDictionary

from .canon import Canon
from .nodes import CanonNode

_PARENTS: WeakKeyDictionary[Canon, dict[str, str]] = WeakKeyDictionary()


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


def _parents(canon: Canon) -> dict[str, str]:
    parents = _PARENTS.get(canon)
    if parents is None:
        parents = {}
        for child, parent in _primary_edges(canon):
            parents.setdefault(child, parent)
        _PARENTS[canon] = parents
    return parents


def ancestry(canon: Canon, iri: str) -> tuple[CanonNode, ...] | None:
    """The node, its parent, … up to its function (or the top of its branch); None if unknown."""
    if iri not in canon.nodes:
        return None
    parents = _parents(canon)
    path = [iri]
    while path[-1] in parents:
        path.append(parents[path[-1]])
    return tuple(canon.nodes[n] for n in path)
