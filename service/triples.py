"""A plain Python index of a canon store, read once for compiling and checking.

Keys are IRI strings (blank nodes as `_:id`); objects keep their pyoxigraph term so that
literals and references stay distinct.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def key(term: ox.NamedNode | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


class TripleIndex:
    """Subject -> predicate -> objects, and class -> instances."""

    def __init__(self, store: ox.Store) -> None:
        out: defaultdict[str, defaultdict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        instances: defaultdict[str, list[str]] = defaultdict(list)
        types: defaultdict[str, set[str]] = defaultdict(set)
        for subject, predicate, obj, _ in store.quads_for_pattern(
            None, None, None, ox.DefaultGraph()
        ):
            assert not isinstance(subject, ox.Triple)
            s = key(subject)
            out[s][predicate.value].append(obj)
            if predicate.value == RDF_TYPE and isinstance(obj, ox.NamedNode):
                instances[obj.value].append(s)
                types[s].add(obj.value)
        self.out = out
        self._instances = instances
        self._types = types
        self.triple_count = len(store)

    def instances(self, cls: str) -> list[str]:
        """Subjects typed `cls`, sorted."""
        return sorted(set(self._instances.get(cls, ())))

    def classes(self) -> list[str]:
        """Every class that has instances."""
        return sorted(self._instances)

    def values(self, subject: str, predicate: str) -> list[Term]:
        node = self.out.get(subject)
        return node.get(predicate, []) if node is not None else []

    def text(self, subject: str, predicate: str) -> str | None:
        """The first literal value, as a string."""
        return next(
            (v.value for v in self.values(subject, predicate) if isinstance(v, ox.Literal)), None
        )

    def integer(self, subject: str, predicate: str) -> int | None:
        for value in self.values(subject, predicate):
            if isinstance(value, ox.Literal):
                try:
                    return int(value.value)
                except ValueError:
                    return None
        return None

    def ref(self, subject: str, predicate: str) -> str | None:
        """The first IRI value."""
        return next(
            (v.value for v in self.values(subject, predicate) if isinstance(v, ox.NamedNode)), None
        )

    def is_a(self, subject: str, cls: str) -> bool:
        return any(
            isinstance(t, ox.NamedNode) and t.value == cls for t in self.values(subject, RDF_TYPE)
        )
