"""Finding canon nodes by name, and naming the closest ones when a name is unknown.

Ranking every name by similarity to an unknown one costs O(names * length^2): a 2,000
character IRI against a 10,000-role-level canon took 54 s. `NearNames` keeps the work
bounded whatever is asked: it looks only at the names that sort next to the asked one,
forwards and backwards (a typo rarely touches both ends of a name), found by bisection in
two sorted lists built once per canon, and compares at most MAX_COMPARED characters.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from functools import cached_property
from typing import Generic, TypeVar

from ..budget import check_budget
from ..errors import JobFrameError
from .nodes import CanonNode

N = TypeVar("N", bound=CanonNode)

MAX_COMPARED = 200
"""Characters of a name compared when ranking; a longer name is cut to its two ends."""
NEIGHBOURS = 12
"""Names taken on each side of the asked name, in each sort order: at most 48 are ranked."""
MAX_SHOWN = 200
"""Characters of an unknown name repeated in an error message."""


def shown(asked: str) -> str:
    """An unknown name as an error message repeats it: cut to MAX_SHOWN characters."""
    return asked if len(asked) <= MAX_SHOWN else asked[:MAX_SHOWN] + "…"


class NotFound(JobFrameError, LookupError):
    """A family, level or role-level that the canon does not hold; names the closest ones."""

    def __init__(self, what: str, asked: str, closest: tuple[str, ...]) -> None:
        self.what = what
        self.asked = shown(asked)
        self.closest = closest
        hint = f"; closest: {', '.join(repr(c) for c in closest)}" if closest else ""
        super().__init__(f"no {what} {self.asked!r} in the canon{hint}")


def _cut(name: str) -> str:
    half = MAX_COMPARED // 2
    return name if len(name) <= MAX_COMPARED else name[:half] + name[-half:]


class NearNames:
    """The names closest to an unknown one, in O(log n) work per question."""

    def __init__(self, names: Iterable[str]) -> None:
        unique = set(names)
        self._forward = sorted((n.casefold(), n) for n in unique)
        self._backward = sorted((n.casefold()[::-1], n) for n in unique)

    def closest(self, asked: str, limit: int = 3) -> tuple[str, ...]:
        """Up to `limit` names most similar to `asked`, best first, ignoring case."""
        key = asked.casefold()
        candidates: set[str] = set()
        for table, probe in (
            (self._forward, key[:MAX_COMPARED]),
            (self._backward, key[::-1][:MAX_COMPARED]),
        ):
            at = bisect_left(table, (probe,))
            candidates.update(name for _, name in table[max(0, at - NEIGHBOURS) : at + NEIGHBOURS])
        check_budget()
        cut = _cut(key)
        ranked = sorted(
            candidates,
            key=lambda c: (-SequenceMatcher(None, cut, _cut(c.casefold())).ratio(), c),
        )
        return tuple(ranked[:limit])


def closest(asked: str, candidates: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """The candidates most similar to `asked`, best first, ignoring case (bounded work)."""
    return NearNames(candidates).closest(asked, limit)


class Names(Generic[N]):
    """Nodes by IRI or name, exactly or ignoring case, in constant time."""

    def __init__(
        self,
        nodes: tuple[N, ...],
        name: Callable[[N], str],
        aliases: Callable[[N], Iterable[str]] | None = None,
    ) -> None:
        """`aliases` are further names a node is found by (its name in other languages)."""
        self._names = [name(n) for n in nodes]
        self._exact: dict[str, N] = {}
        folded: dict[str, list[N]] = {}
        for node, node_name in zip(nodes, self._names, strict=True):
            self._exact.setdefault(node.iri, node)
            self._exact.setdefault(node_name, node)
            folded.setdefault(node_name.casefold(), []).append(node)
        for node in nodes if aliases is not None else ():
            assert aliases is not None
            for alias in aliases(node):
                self._exact.setdefault(alias, node)
                if node not in (same := folded.setdefault(alias.casefold(), [])):
                    same.append(node)
        self._folded = {k: v[0] for k, v in folded.items() if len(v) == 1}

    @cached_property
    def _near(self) -> NearNames:
        """Built at the first unknown name, then kept with the canon."""
        return NearNames(self._names)

    def pick(self, asked: str, what: str) -> N:
        found = self._exact.get(asked) or self._folded.get(asked.casefold())
        if found is None:
            raise NotFound(what, asked, self._near.closest(asked))
        return found
