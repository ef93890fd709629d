"""A plain Python index of a canon store, read once for compiling and checking.

Keys are IRI strings (blank nodes as `_:id`); objects keep their pyoxigraph term so that
literals and references stay distinct.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..vocabulary import RDF_TYPE

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


class TripleIndex:
    """Subject -> predicate -> objects, and class -> instances."""

    def __init__(self, store: ox.Store) -> None:
        out: dict[str, dict[str, list[Term]]] = {}
        types: dict[str, set[str]] = {}
        named = ox.NamedNode
        for subject, predicate, obj, _ in store.quads_for_pattern(
            None, None, None, ox.DefaultGraph()
        ):
            s = subject.value if type(subject) is named else f"_:{subject.value}"
            p = predicate.value
            properties = out.get(s)
            if properties is None:
                properties = out[s] = {}
            values = properties.get(p)
            if values is None:
                properties[p] = [obj]
            else:
                values.append(obj)
            if p == RDF_TYPE and type(obj) is named:
                types.setdefault(s, set()).add(obj.value)
        instances: dict[str, list[str]] = {}
        for s, classes in types.items():
            for cls in classes:
                instances.setdefault(cls, []).append(s)
        self.out = out
        self._types = types
        self._instances = {cls: sorted(members) for cls, members in instances.items()}
        self.triple_count = len(store)

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
        for value in self.values(subject, predicate):
            if isinstance(value, ox.Literal):
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
        for value in self.values(subject, predicate):
            if isinstance(value, ox.NamedNode):
                return value.value
        return None

    def is_a(self, subject: str, cls: str) -> bool:
        types = self._types.get(subject)
        return types is not None and cls in types
