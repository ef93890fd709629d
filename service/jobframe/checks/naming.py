"""How findings name what they are about: a node by IRI and label, a term by its prefixed
name, a literal as it is written in Turtle, with what it is (a string, an xsd:integer).

One place, so that every check words a value the same way and a message says exactly what
the canon holds (`jf:rank is "5" (a string)`), never only that something is wrong.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..sources import TripleIndex
from ..vocabulary import (
    PREFIXES,
    RDF_LANG_STRING,
    SKOS_NOTATION,
    SKOS_PREF_LABEL,
    XSD,
    XSD_STRING,
)

Value = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
"""A value of the triple index (`TripleIndex.values`)."""

MAX_SHOWN = 80
"""Characters of a literal repeated in a message; a longer one is cut with `…`."""

_BARE = {XSD + name for name in ("integer", "decimal", "double", "boolean")}
"""Datatypes Turtle writes without quotes (`5`, `1.5`, `true`)."""


def term_name(iri: str) -> str:
    """`jf:rank` for a term of a known namespace, else `<iri>`."""
    for prefix, namespace in PREFIXES.items():
        local = iri.removeprefix(namespace)
        if local != iri and local.replace("_", "").replace("-", "").isalnum():
            return f"{prefix}:{local}"
    return f"<{iri}>"


def node_name(index: TripleIndex, iri: str) -> str:
    """`<iri> (label)`, or `<iri> (notation)`, or `<iri>` for a node with neither; of several
    labels, the untagged one first, so a message reads the same every time."""
    for prop in (SKOS_PREF_LABEL, SKOS_NOTATION):
        labels = sorted(
            (v.language or "", v.value)
            for v in index.values(iri, prop)
            if isinstance(v, ox.Literal)
        )
        if labels and labels[0][1]:
            return f"<{iri}> ({labels[0][1]})"
    return f"<{iri}>"


def literal_text(value: str, datatype: str, language: str | None) -> str:
    """The literal as written in Turtle: `"5"`, `"Vice President"@en`, `1.5`."""
    shown = value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…"
    if datatype in _BARE and value == shown:
        return value
    quoted = '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if language:
        return f"{quoted}@{language}"
    return quoted if datatype == XSD_STRING else f"{quoted}^^{term_name(datatype)}"


def literal_kind(datatype: str, language: str | None) -> str:
    """What a literal is: `a string`, `a string tagged @en`, `an xsd:integer`."""
    if language:
        return f"a string tagged @{language}"
    if datatype == XSD_STRING:
        return "a string"
    name = term_name(datatype)
    return f"an {name}" if name.startswith("xsd:") else f"a literal of type {name}"


def term_text(term: Value) -> str:
    """Any value of the index as written in Turtle."""
    if isinstance(term, ox.Literal):
        return literal_text(term.value, term.datatype.value, term.language)
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    return str(term)


def term_kind(term: Value) -> str:
    """What a value of the index is: a literal's kind, `an IRI` or `a blank node`."""
    if isinstance(term, ox.Literal):
        datatype = XSD_STRING if term.datatype.value == RDF_LANG_STRING else term.datatype.value
        return literal_kind(datatype, term.language)
    return "an IRI" if isinstance(term, ox.NamedNode) else "a blank node"
