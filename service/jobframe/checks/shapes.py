"""SHACL results of a canon against `ontology/shapes.ttl`, as findings.

The shapes are evaluated as SPARQL on the canon's store (`shacl_sparql.py`); pySHACL, whose
report `report_results` reads, is the reference the tests hold that engine to.

A finding says what the canon holds (the value, its datatype or language, from the result's
`sh:value` or the node itself) and gives the shape's message as the rule to follow: a label
of the wrong datatype is never reported as missing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from ..findings import Finding, FindingKind, Severity
from ..resources import SHAPES_FILE
from ..sources import SourceMap, TripleIndex
from ..vocabulary import RDF_LANG_STRING, XSD_INTEGER, XSD_STRING
from .naming import Value, node_name, term_kind, term_name, term_text

_WHOLE = re.compile(r"[+-]?[0-9]+")
"""An xsd:integer's lexical form: XSD sets no bound, the store reads 64 bits."""


@cache
def shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    return Graph().parse(path, format="turtle")


@dataclass(frozen=True)
class ShapeResult:
    """One SHACL validation result, whichever engine found it. `expected` is the datatype or
    class IRI, or the lower bound, the constraint asks for; `focus` is an IRI or `_:id`."""

    focus: str
    path: str
    component: str
    message: str
    severity: Severity
    value: Value | None = None
    expected: str | None = None


def report_results(report: Graph) -> tuple[ShapeResult, ...]:
    """The results of a pySHACL (or pyshacl-turbo) report graph."""
    found = []
    for r in report.objects(None, SH.result):
        component = report.value(r, SH.sourceConstraintComponent)
        parameter = _PARAMETERS.get(component) if isinstance(component, URIRef) else None
        shape = report.value(r, SH.sourceShape)
        expected = report.value(shape, parameter) if parameter and shape is not None else None
        value = report.value(r, SH.value)
        found.append(
            ShapeResult(
                focus=_key(report.value(r, SH.focusNode)),
                path=str(report.value(r, SH.resultPath)),
                component=str(component),
                message=str(report.value(r, SH.resultMessage)),
                severity=(
                    Severity.ERROR
                    if report.value(r, SH.resultSeverity) == SH.Violation
                    else Severity.WARNING
                ),
                value=None if value is None else _term(value),
                expected=None if expected is None else str(expected),
            )
        )
    return tuple(found)


_PARAMETERS = {
    SH.DatatypeConstraintComponent: SH.datatype,
    SH.ClassConstraintComponent: SH["class"],
    SH.MinInclusiveConstraintComponent: SH.minInclusive,
}


def _key(node: Node | None) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _term(node: Node) -> Value:
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(_datatype(node)))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node))


def shape_findings(
    found: Iterable[ShapeResult],
    index: TripleIndex,
    places: SourceMap,
    explained: Collection[tuple[str, str]] = (),
) -> tuple[Finding, ...]:
    """Every SHACL result as a finding naming the node (IRI, label, file:line) and what is
    wrong. Left out: results on a (node, property) in `explained` (a typo already reported),
    and other results on a value of the wrong datatype (`"5"` is not "less than 1": it is a
    string). Results that say the same (one per language held twice) are one finding."""
    kept = [r for r in found if (r.focus, r.path) not in explained]
    mistyped = {_about(r) for r in kept if r.component == str(SH.DatatypeConstraintComponent)}
    findings: dict[tuple[str | None, str], Finding] = {}
    for result in kept:
        if _about(result) in mistyped and result.component != str(SH.DatatypeConstraintComponent):
            continue  # its wrong datatype says it all
        finding = _finding(index, places, result)
        findings[(finding.location.node, finding.message)] = finding
    return tuple(findings[key] for key in sorted(findings, key=lambda k: (k[0] or "", k[1])))


def _about(result: ShapeResult) -> tuple[str, str, Value | None]:
    """The node, property and value a result is about."""
    return (result.focus, result.path, result.value)


def _finding(index: TripleIndex, places: SourceMap, result: ShapeResult) -> Finding:
    path = term_name(result.path)
    rule = result.message
    subject = node_name(index, result.focus)
    problem = _problem(index, result, path)
    return Finding(
        kind=FindingKind.SHAPES,
        severity=result.severity,
        location=places.locate(result.focus),
        message=f"{subject}: {problem}" if problem else f"{subject}: {rule} (path {path})",
        hint=rule if problem else f"add {path} to that node",
    )


def _problem(index: TripleIndex, result: ShapeResult, path: str) -> str | None:
    """What the node holds that breaks the rule, or None when a value is missing (the
    shape's message then says which)."""
    component = result.component
    held = index.values(result.focus, result.path)
    if component == str(SH.MaxCountConstraintComponent):
        ordered = sorted(held, key=lambda v: str(getattr(v, "value", v)))
        return f"{path} has {len(held)} values: " + ", ".join(map(term_text, ordered))
    if component == str(SH.UniqueLangConstraintComponent):
        return f"{path} has more than one value in a language: {_sharing(held, tagged=True)}"
    if component == str(SH.QualifiedMaxCountConstraintComponent):
        return f"{path} has more than one untagged value: {_sharing(held, tagged=False)}"
    value = result.value
    if value is None:
        return None
    shown, kind = term_text(value), term_kind(value)
    expected = result.expected or ""
    is_string = isinstance(value, ox.Literal) and value.datatype.value in (
        XSD_STRING,
        RDF_LANG_STRING,
    )
    if component == str(SH.NodeConstraintComponent):  # jfs:Text, a non-empty string
        if is_string:
            return f"{path} is empty ({kind})"
        return f"{path} is {shown} ({kind}), not a string (untagged or with a language tag)"
    if component == str(SH.DatatypeConstraintComponent):
        if isinstance(value, ox.Literal) and value.datatype.value == expected:
            if expected == XSD_INTEGER and _WHOLE.fullmatch(value.value):
                return f"{path} is {shown}, past the largest integer read ({2**63 - 1:,})"
            return f"{path} is {shown}, not a valid {term_name(expected)}"
        return f"{path} is {shown} ({kind}), not {_a(expected)}"
    if component == str(SH.ClassConstraintComponent):
        return f"{path} is {shown}, which is not {_a(expected)}"
    if component == str(SH.NodeKindConstraintComponent):
        return f"{path} is {shown} ({kind}), not an IRI"
    if component == str(SH.MinInclusiveConstraintComponent):
        return f"{path} is {shown}, less than {expected}"
    return f"{path} is {shown} ({kind})"


def _sharing(held: list[Value], tagged: bool) -> str:
    """The string values that share a language (tagged) or that have none, as Turtle."""
    by_language: dict[str | None, list[str]] = {}
    for value in held:
        if not isinstance(value, ox.Literal) or (value.language is not None) != tagged:
            continue
        if tagged or value.datatype.value == XSD_STRING:
            by_language.setdefault(value.language, []).append(term_text(value))
    shared = [sorted(texts) for _, texts in sorted(by_language.items()) if len(texts) > 1]
    return "; ".join(", ".join(texts) for texts in shared)


def _datatype(value: Literal) -> str:
    """The literal's datatype IRI; rdflib leaves it unset on plain and tagged strings."""
    if value.datatype is not None:
        return str(value.datatype)
    return RDF_LANG_STRING if value.language else XSD_STRING


def _a(term: str) -> str:
    """`an xsd:integer`, `a jf:Track`: what a value should be."""
    name = term_name(term)
    return f"an {name}" if name.startswith("xsd:") else f"a {name}"
