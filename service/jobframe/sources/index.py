"""A plain Python index of a canon store, read once for compiling and checking.

Keys are IRI strings (blank nodes as `_:id`); objects keep their pyoxigraph term so that
literals and references stay distinct.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence, Set

import pyoxigraph as ox

from ..vocabulary import RDF_TYPE

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_NAMED = ox.NamedNode
_LITERAL = ox.Literal
"""pyoxigraph's terms cannot be subclassed: an identity test of the type is exact, and the
index's hot lookups (every compile and check reads through them) are cheaper for it."""
_NO_TYPES: frozenset[str] = frozenset()
FEW_MEMBERS = 64
"""Instances `TripleIndex.refresh` moves in or out of a class one by one; more, in one pass."""


class TripleIndex:
    """Subject -> predicate -> objects, and class -> instances.

    Of the store's default graph, or of the union of `graphs` (`FileGraphs`), read graph by
    graph in their order, each triple once; `refresh` reads some subjects again after the
    graphs changed, giving those subjects exactly what a new index would."""

    def __init__(
        self, store: ox.Store, graphs: Sequence[ox.NamedNode | ox.DefaultGraph] | None = None
    ) -> None:
        self.out: dict[str, dict[str, list[Term]]] = {}
        self._types: dict[str, set[str]] = {}
        self.triple_count = 0
        parts = [ox.DefaultGraph()] if graphs is None else graphs
        self._order: dict[ox.NamedNode | ox.DefaultGraph, int] = {
            graph: i for i, graph in enumerate(parts)
        }
        earlier: set[str] = set()
        for graph in parts:
            added = self._add(store.quads_for_pattern(None, None, None, graph), earlier)
            earlier.update(added)
        instances: dict[str, list[str]] = {}
        for s, classes in self._types.items():
            for cls in classes:
                instances.setdefault(cls, []).append(s)
        self._instances = {cls: sorted(members) for cls, members in instances.items()}

    def _add(self, quads: Iterable[ox.Quad], earlier: set[str]) -> set[str]:
        """Index the quads; a subject in `earlier` may already hold a triple, read once.
        Returns the subjects added."""
        out, types, added = self.out, self._types, set()
        named = ox.NamedNode
        seen: dict[tuple[str, str], set[Term]] = {}
        count = 0
        for subject, predicate, obj, _ in quads:
            s = subject.value if type(subject) is named else f"_:{subject.value}"
            p = predicate.value
            properties = out.get(s)
            if properties is None:
                properties = out[s] = {}
                added.add(s)
            values = properties.get(p)
            if values is None:
                properties[p] = [obj]
            else:
                if s in earlier:
                    known = seen.get((s, p))
                    if known is None:
                        known = seen[(s, p)] = set(values)
                    if obj in known:
                        continue
                    known.add(obj)
                values.append(obj)
            count += 1
            if p == RDF_TYPE and type(obj) is named:
                types.setdefault(s, set()).add(obj.value)
        self.triple_count += count
        return added

    def refresh(
        self, store: ox.Store, graphs: Sequence[ox.NamedNode], subjects: Iterable[str]
    ) -> None:
        """Read these (IRI) subjects again, from the graphs as they are now (in this order).

        Any other subject must hold the same triples in the same graph order as before."""
        order = self._order = {graph: i for i, graph in enumerate(graphs)}
        left: dict[str, set[str]] = {}
        joined: dict[str, set[str]] = {}
        for s in subjects:
            old = self.out.pop(s, None)
            if old is not None:
                self.triple_count -= sum(len(values) for values in old.values())
            for cls in self._types.pop(s, ()):
                left.setdefault(cls, set()).add(s)
            quads = [
                q
                for q in store.quads_for_pattern(ox.NamedNode(s), None, None, None)
                if q.graph_name in order
            ]
            quads.sort(key=lambda q: order[q.graph_name])  # type: ignore[index]
            self._add(quads, {s})
            for cls in self._types.get(s, ()):
                joined.setdefault(cls, set()).add(s)
        for cls in left.keys() | joined.keys():
            self._regroup(cls, left.get(cls, set()), joined.get(cls, set()))

    def _regroup(self, cls: str, left: set[str], joined: set[str]) -> None:
        """Take `left` out of the class's sorted instances and put `joined` in: one by one
        when few, else in one pass (an insertion moves the whole list)."""
        members = self._instances.get(cls, [])
        if len(left) + len(joined) > FEW_MEMBERS:
            members = sorted((set(members) - left) | joined)
        else:
            for s in left:
                del members[bisect_left(members, s)]
            for s in joined:
                insort(members, s)
        if members:
            self._instances[cls] = members
        else:
            self._instances.pop(cls, None)

    def instances(self, cls: str) -> list[str]:
        """Subjects typed `cls`, sorted."""
        return self._instances.get(cls, [])

    def classes(self) -> list[str]:
        """Every class that has instances."""
        return sorted(self._instances)

    def values(self, subject: str, predicate: str) -> list[Term]:
        node = self.out.get(subject)
        return node.get(predicate, []) if node is not None else []

    def literals(self, subject: str, predicate: str) -> list[ox.Literal]:
        """Every literal value, in the order read."""
        return [v for v in self.values(subject, predicate) if isinstance(v, ox.Literal)]

    def text(self, subject: str, predicate: str) -> str | None:
        """The first literal value, as a string."""
        node = self.out.get(subject)
        if node is not None:
            for value in node.get(predicate, ()):
                if type(value) is _LITERAL:
                    return value.value
        return None

    def integer(self, subject: str, predicate: str) -> int | None:
        """The first literal value as an integer, or None when it is none or not one."""
        text = self.text(subject, predicate)
        try:
            return int(text) if text is not None else None
        except ValueError:
            return None

    def ref(self, subject: str, predicate: str) -> str | None:
        """The first IRI value."""
        node = self.out.get(subject)
        if node is not None:
            for value in node.get(predicate, ()):
                if type(value) is _NAMED:
                    return value.value
        return None

    def types(self, subject: str) -> Set[str]:
        """The subject's classes (IRIs of its rdf:type values)."""
        return self._types.get(subject, _NO_TYPES)

    def typed(self) -> list[str]:
        """Every subject with a class."""
        return list(self._types)

    def is_a(self, subject: str, cls: str) -> bool:
        types = self._types.get(subject)
        return types is not None and cls in types
