"""Writing imported nodes as Turtle: one node per block, one value per line, in a fixed order.

Written here rather than by rdflib's serializer so that the text is stable line by line: a
node's block keeps its place in its file and each value its line, so an edited cell changes
exactly the lines of its value. Every string is one `"…"` literal with the escapes of the
Turtle grammar (ECHAR, UCHAR for other control characters), so any text reads back as
itself, character for character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..canon import mapping
from ..vocabulary import PREFIXES, RDF_TYPE
from .iris import CANON_BASE, relative

WRITTEN_PREFIXES = ("jf", "skos", "dcterms")
"""The prefixes a canon file declares (those it uses), in this order."""

MARK = "# Written by `jobframe import`: edit the workbook and import it again."
"""The second line of every file an import writes; an import replaces only a folder of such
files (or an empty one)."""

_RANK: dict[str, dict[str, int]] = {
    c.cls: {f.predicate: n for n, f in enumerate(c.fields)} for c in mapping.NODE_CLASSES
}
"""Where each property's lines stand in a node's block: the mapping's order for its class;
any other property after those, by IRI."""


@dataclass(frozen=True, slots=True, order=True)
class Ref:
    """An IRI as a value."""

    iri: str


@dataclass(frozen=True, slots=True)
class Text:
    """A string value, untagged (`lang` None) or language-tagged."""

    text: str
    lang: str | None = None


Value = Ref | Text | int


@dataclass(slots=True)
class Node:
    """One node to write: its IRI, class and values by property."""

    iri: str
    cls: str
    values: dict[str, list[Value]] = field(default_factory=dict)

    def add(self, predicate: str, value: Value) -> None:
        self.values.setdefault(predicate, []).append(value)


_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b"}
_ECHAR["\f"] = "\\f"
_SPECIAL = re.compile(r'["\\\x00-\x1f\x7f]')


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def literal(text: str, lang: str | None = None) -> str:
    """A Turtle string literal that reads back as exactly `text`."""
    quoted = '"' + _SPECIAL.sub(_escape, text) + '"'
    return f"{quoted}@{lang}" if lang else quoted


def iri_term(iri: str) -> str:
    """An IRI as Turtle: a prefixed name for vocabulary terms, relative under the base."""
    for prefix in WRITTEN_PREFIXES:
        namespace = PREFIXES[prefix]
        local = iri.removeprefix(namespace)
        if local != iri and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", local):
            return f"{prefix}:{local}"
    shown = relative(iri)
    return f"<{shown if shown is not None else iri}>"


def _term(value: Value) -> str:
    if isinstance(value, Ref):
        return iri_term(value.iri)
    if isinstance(value, Text):
        return literal(value.text, value.lang)
    return str(value)


def _value_key(value: Value) -> tuple[int, str]:
    """Untagged text first, then by language tag; other values keep their order."""
    if isinstance(value, Text):
        return (0 if value.lang is None else 1, value.lang or "")
    return (0, "")


def block(node: Node) -> str:
    """The node's Turtle: its class on the first line, then one line per value."""
    lines = [f"{iri_term(node.iri)} a {iri_term(node.cls)}"]
    rank = _RANK.get(node.cls, {})
    for predicate in sorted(node.values, key=lambda p: (rank.get(p, len(rank)), p)):
        name = "a" if predicate == RDF_TYPE else iri_term(predicate)
        for value in sorted(node.values[predicate], key=_value_key):
            lines.append(f"    {name} {_term(value)}")
    return " ;\n".join(lines) + " .\n"


def turtle_file(comment: str, nodes: Iterable[Node]) -> str:
    """A whole file: what it holds, the import mark, the prefixes, then each node's block."""
    body = "\n".join(block(n) for n in nodes)
    head = [f"# {comment}", MARK, f"@base <{CANON_BASE}> ."]
    head += [f"@prefix {p}: <{PREFIXES[p]}> ." for p in WRITTEN_PREFIXES if f"{p}:" in body]
    return "\n".join(head) + "\n\n" + body
