"""Canon text that could run where it is shown is refused at check time, whatever escapes it.

A text may hold tab and line feed but no other control character (`formats.CONTROLS`); a
name (a label, a notation, a code) none at all, so that it stays one line in a table, a
heading or a terminal. A link of the canon (`dcterms:source`, `dcterms:license`) must be one
a page makes live (`formats.live_url`: http, https or mailto). The writers of every format
escape such text anyway; this check says where it is, so it is fixed in the canon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from ..findings import Finding, FindingKind, Severity, visible
from ..formats import CONTROLS, NAME_CONTROLS, live_url
from ..sources import SourceMap, TripleIndex
from ..vocabulary import DCTERMS, SKOS_ALT_LABEL, SKOS_NOTATION, SKOS_PREF_LABEL
from .naming import MAX_SHOWN, Value, node_name, term_name

NAMES = frozenset({SKOS_PREF_LABEL, SKOS_NOTATION, SKOS_ALT_LABEL})
"""The properties whose values name a node (a level's code is its skos:notation)."""
LINKS = frozenset({DCTERMS.source, DCTERMS.license})
"""The properties whose values a page shows as links."""
Problem = tuple[str, str]
"""(property, what is wrong with its value)."""


class KeptUnsafeText:
    """Each node's unsafe values, by node: they depend on the node's own triples only, so an
    edit re-reads only its subjects."""

    def __init__(self, index: TripleIndex) -> None:
        self._found: dict[str, list[Problem]] = {}
        self.refresh(index, index.out)

    def refresh(self, index: TripleIndex, subjects: Iterable[str]) -> None:
        for node in subjects:
            self._found.pop(node, None)
            properties = index.out.get(node)
            found = [] if properties is None else list(_problems(properties))
            if found:
                self._found[node] = found

    def findings(self, index: TripleIndex, places: SourceMap) -> Iterator[Finding]:
        """By node, then in the order of the node's properties."""
        for node in sorted(self._found):
            for prop, problem in self._found[node]:
                name = term_name(prop)
                hint = (
                    f"make {name} an http, https or mailto link"
                    if prop in LINKS
                    else f"remove it from {name}: "
                    + ("a name holds no control character" if prop in NAMES else _TEXT_HINT)
                )
                yield Finding(
                    FindingKind.UNSAFE,
                    Severity.ERROR,
                    places.locate(node),
                    f"{node_name(index, node)}: {name} {problem}",
                    hint,
                )


_TEXT_HINT = "a text holds tabs and line feeds but no other control character"


def _problems(properties: dict[str, list[Value]]) -> Iterator[Problem]:
    for prop, values in properties.items():
        for value in values:
            if isinstance(value, ox.Literal):
                rule = NAME_CONTROLS if prop in NAMES else CONTROLS
                found = _first(rule, value.value)
                if found is not None:
                    yield prop, found
            elif prop in LINKS and isinstance(value, ox.NamedNode) and not live_url(value.value):
                yield prop, f"is <{value.value}>, not an http, https or mailto link"


def _first(rule: re.Pattern[str], text: str) -> str | None:
    match = rule.search(text)
    if match is None:
        return None
    shown = text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"
    return (  # the finding shows every control character as its escape
        f"holds the control character {visible(match.group())} at character"
        f' {match.start() + 1}: "{shown}"'
    )
