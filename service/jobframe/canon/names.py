"""Finding canon nodes by name, and naming the closest ones when a name is unknown."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from typing import Generic, TypeVar

from .nodes import CanonNode

N = TypeVar("N", bound=CanonNode)


class NotFound(LookupError):
    """A family, level or role-level that the canon does not hold; names the closest ones."""

    def __init__(self, what: str, asked: str, closest: tuple[str, ...]) -> None:
        self.what = what
        self.asked = asked
        self.closest = closest
        hint = f"; closest: {', '.join(repr(c) for c in closest)}" if closest else ""
        super().__init__(f"no {what} {asked!r} in the canon{hint}")


def closest(asked: str, candidates: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """The candidates most similar to `asked`, best first, ignoring case."""
    key = asked.casefold()
    ranked = sorted(
        set(candidates),
        key=lambda c: (-SequenceMatcher(None, key, c.casefold()).ratio(), c),
    )
    return tuple(ranked[:limit])


class Names(Generic[N]):
    """Nodes by IRI or name, exactly or ignoring case, in constant time."""

    def __init__(self, nodes: tuple[N, ...], name: Callable[[N], str]) -> None:
        self._names = [name(n) for n in nodes]
        self._exact: dict[str, N] = {}
        folded: dict[str, list[N]] = {}
        for node, node_name in zip(nodes, self._names, strict=True):
            self._exact.setdefault(node.iri, node)
            self._exact.setdefault(node_name, node)
            folded.setdefault(node_name.casefold(), []).append(node)
        self._folded = {k: v[0] for k, v in folded.items() if len(v) == 1}

    def pick(self, asked: str, what: str) -> N:
        found = self._exact.get(asked) or self._folded.get(asked.casefold())
        if found is None:
            raise NotFound(what, asked, closest(asked, self._names))
        return found
