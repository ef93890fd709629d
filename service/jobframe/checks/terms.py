"""Unknown vocabulary terms: every JobFrame class, property and individual a canon uses must
be declared in `ontology/jobframe.ttl`.

A typo in a term loses data silently otherwise: `a jf:Responsiblity` makes a node no
responsibility at all, so no shape targets it and a frame drops its row. Each use is an
error at the line that uses it, naming the closest declared term. The (node, property)
pairs a typo explains are returned too, so the shapes and lineage checks do not report the
same typo again as a missing or mistyped value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from ..findings import Finding, FindingKind, Severity
from ..resources import VOCABULARY_FILE
from ..sources import SourceMap, TripleIndex
from ..vocabulary import NAMESPACE, PREFIXES, RDF_TYPE
from .naming import node_name, term_name

_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_OWL = PREFIXES["owl"]
_CLASS_TYPES = {_OWL + "Class", PREFIXES["rdfs"] + "Class"}
_PROPERTY_TYPES = {
    _OWL + "ObjectProperty",
    _OWL + "DatatypeProperty",
    _OWL + "AnnotationProperty",
    PREFIXES["rdf"] + "Property",
}


@dataclass(frozen=True)
class Declared:
    """The terms of the JobFrame namespace the vocabulary declares, by what they are."""

    classes: frozenset[str]
    properties: frozenset[str]
    terms: frozenset[str]
    """Every declared term: classes, properties and individuals (such as the rubric
    dimensions)."""


@cache
def declared(vocabulary: Path = VOCABULARY_FILE) -> Declared:
    """Read from the vocabulary file itself, so a term added there is known here."""
    types: dict[str, set[str]] = {}
    for triple in ox.parse(path=vocabulary, format=ox.RdfFormat.TURTLE):
        subject = triple.subject
        if isinstance(subject, ox.NamedNode) and subject.value.startswith(NAMESPACE):
            kinds = types.setdefault(subject.value, set())
            if triple.predicate.value == RDF_TYPE and isinstance(triple.object, ox.NamedNode):
                kinds.add(triple.object.value)
    return Declared(
        classes=frozenset(t for t, kinds in types.items() if kinds & _CLASS_TYPES),
        properties=frozenset(t for t, kinds in types.items() if kinds & _PROPERTY_TYPES),
        terms=frozenset(types),
    )


@dataclass(frozen=True)
class Use:
    """A node that uses an undeclared term: as its class, a property, or a value of one."""

    node: str
    term: str
    role: Literal["class", "property", "term"]
    closest: str | None
    prop: str | None = None
    """For a value: the property it is the value of."""


@dataclass(frozen=True)
class UnknownTerms:
    """The findings, and the (node, property IRI) pairs whose other problems they explain."""

    findings: tuple[Finding, ...]
    explained: frozenset[tuple[str, str]]


@lru_cache(maxsize=1024)
def closest(term: str, candidates: frozenset[str]) -> str | None:
    """The declared term nearest to `term`, ignoring case; None when none is near. The
    terms come from canon files, so the cache keeps the last 1,024, not every one seen."""
    asked = term.removeprefix(NAMESPACE).casefold()
    ranked = sorted(
        (SequenceMatcher(None, asked, c.removeprefix(NAMESPACE).casefold()).ratio(), c)
        for c in candidates
    )
    return ranked[-1][1] if ranked and ranked[-1][0] >= 0.6 else None


class NodeUses:
    """Each node's uses of undeclared terms, by node, kept between checks: a node's uses
    depend on its own triples and on which of its values are described, so after an edit
    only the subjects of changed triples and the nodes pointing at them change."""

    def __init__(self, index: TripleIndex) -> None:
        self._uses: dict[str, list[Use]] = {}
        self.refresh(index, index.out)

    def refresh(self, index: TripleIndex, subjects: Iterable[str]) -> None:
        known = declared()
        for node in subjects:
            self._uses.pop(node, None)
            properties = index.out.get(node)
            if properties is not None and (
                found := list(_node_uses(index, known, node, properties))
            ):
                self._uses[node] = found

    def __iter__(self) -> Iterator[Use]:
        return (use for found in self._uses.values() for use in found)


def unknown_terms(
    index: TripleIndex, places: SourceMap, kept: NodeUses | None = None
) -> UnknownTerms:
    """An error for each use of an undeclared JobFrame term, where it is used. `kept` are
    the index's uses when kept between checks."""
    known = declared()
    uses = sorted(kept if kept is not None else _uses(index, known), key=lambda u: (u.node, u.term))
    if not uses:
        return UnknownTerms((), frozenset())
    lines = places.uses({use.term for use in uses})
    findings = tuple(
        Finding(
            FindingKind.UNKNOWN_TERM,
            Severity.ERROR,
            places.locate_use(use.node, lines[use.term]),
            _message(index, use),
            f"replace {term_name(use.term)} with {term_name(use.closest)}"
            if use.closest
            else "use a term the JobFrame vocabulary declares (see the ontology reference),"
            " or one of your own namespace",
        )
        for use in uses
    )
    return UnknownTerms(findings, _explained(index, known, uses))


def _uses(index: TripleIndex, known: Declared) -> Iterator[Use]:
    """Undeclared classes, properties and values of the JobFrame namespace, node by node."""
    for node, properties in index.out.items():
        yield from _node_uses(index, known, node, properties)


def _node_uses(
    index: TripleIndex, known: Declared, node: str, properties: dict[str, list[_Term]]
) -> Iterator[Use]:
    for prop, values in properties.items():
        if prop.startswith(NAMESPACE) and prop not in known.properties:
            yield Use(node, prop, "property", closest(prop, known.properties))
        for value in values:
            if not isinstance(value, ox.NamedNode) or not value.value.startswith(NAMESPACE):
                continue
            if prop == RDF_TYPE and value.value not in known.classes:
                yield Use(node, value.value, "class", closest(value.value, known.classes))
            elif value.value not in known.terms and value.value not in index.out:
                yield Use(node, value.value, "term", closest(value.value, known.terms), prop)


def _message(index: TripleIndex, use: Use) -> str:
    via = f" (the value of {term_name(use.prop)})" if use.prop else ""
    guess = f"; did you mean {term_name(use.closest)}?" if use.closest else ""
    return (
        f"{node_name(index, use.node)} uses {term_name(use.term)}{via}, a {use.role} the"
        f" JobFrame vocabulary does not declare{guess}"
    )


def _explained(index: TripleIndex, known: Declared, uses: list[Use]) -> frozenset[tuple[str, str]]:
    """What other checks would report again: the property a typo was meant to be, the
    property whose value is a mistyped term, and every reference to a node whose only
    JobFrame class is mistyped (it is no node of the class the reference needs)."""
    pairs = {(u.node, u.closest) for u in uses if u.role == "property" and u.closest}
    pairs |= {(u.node, u.prop) for u in uses if u.role == "term" and u.prop}
    untyped = {
        u.node
        for u in uses
        if u.role == "class"
        and not any(
            isinstance(t, ox.NamedNode) and t.value in known.classes
            for t in index.values(u.node, RDF_TYPE)
        )
    }
    if untyped:
        pairs |= {
            (node, prop)
            for node, properties in index.out.items()
            for prop, values in properties.items()
            for value in values
            if isinstance(value, ox.NamedNode) and value.value in untyped
        }
    return frozenset(pairs)
