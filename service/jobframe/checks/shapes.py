"""SHACL validation of a canon against `ontology/shapes.ttl`, as findings.

The engine is pyshacl-turbo: pySHACL's API and reports, in Rust. pySHACL itself took 116 s on
a canon of 10,000 role-levels where this takes 7 s; tests check both report the same results.

A finding says what the canon holds (the value, its datatype or language, from the result's
`sh:value` or the node itself) and gives the shape's message as the rule to follow: a label
of the wrong datatype is never reported as missing.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pyshacl_turbo
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from ..findings import Finding, FindingKind, Severity
from ..resources import SHAPES_FILE
from ..sources import SourceMap, TripleIndex
from ..vocabulary import RDF_LANG_STRING, XSD_STRING
from .naming import Value, literal_kind, literal_text, node_name, term_name, term_text


@cache
def shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    return Graph().parse(path, format="turtle")


def validate_shapes(store: ox.Store, shapes_file: Path = SHAPES_FILE) -> Graph:
    """The SHACL validation report graph (pySHACL's format)."""
    _, report, _ = pyshacl_turbo.validate(
        store, shacl_graph=shapes_graph(shapes_file), inference="none", allow_warnings=True
    )
    assert isinstance(report, Graph)
    return report


def shape_findings(
    report: Graph,
    index: TripleIndex,
    places: SourceMap,
    explained: Collection[tuple[str, str]] = (),
) -> tuple[Finding, ...]:
    """Every SHACL result as a finding naming the node (IRI, label, file:line) and what is
    wrong. Left out: results on a (node, property) in `explained` (a typo already reported),
    and other results on a value of the wrong datatype (`"5"` is not "less than 1": it is a
    string). Results that say the same (one per language held twice) are one finding."""
    kept = [
        r
        for r in report.objects(None, SH.result)
        if (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)))
        not in explained
    ]
    mistyped = {_about(report, r) for r in kept if _is(report, r, SH.DatatypeConstraintComponent)}
    found: dict[tuple[str | None, str], Finding] = {}
    for result in kept:
        if _about(report, result) in mistyped and not _is(
            report, result, SH.DatatypeConstraintComponent
        ):
            continue  # its wrong datatype says it all
        finding = _finding(index, places, report, result)
        found[(finding.location.node, finding.message)] = finding
    return tuple(found[key] for key in sorted(found, key=lambda k: (k[0] or "", k[1])))


def _about(report: Graph, result: Node) -> tuple[Node | None, ...]:
    """The node, property and value a result is about."""
    return tuple(report.value(result, p) for p in (SH.focusNode, SH.resultPath, SH.value))


def _is(report: Graph, result: Node, component: URIRef) -> bool:
    return report.value(result, SH.sourceConstraintComponent) == component


def results(report: Graph) -> set[tuple[str, str, str]]:
    """(focus node, path, message) of each result: what two engines must agree on."""
    return {
        (
            str(report.value(r, SH.focusNode)),
            _path_name(report, report.value(r, SH.resultPath)),
            str(report.value(r, SH.resultMessage)),
        )
        for r in report.objects(None, SH.result)
    }


def _finding(index: TripleIndex, places: SourceMap, report: Graph, result: Node) -> Finding:
    focus = str(report.value(result, SH.focusNode))
    path = _path_name(report, report.value(result, SH.resultPath))
    rule = str(report.value(result, SH.resultMessage))
    subject = node_name(index, focus)
    problem = _problem(index, report, result, focus, path)
    severity = report.value(result, SH.resultSeverity)
    return Finding(
        kind=FindingKind.SHAPES,
        severity=Severity.ERROR if severity == SH.Violation else Severity.WARNING,
        location=places.locate(focus),
        message=f"{subject}: {problem}" if problem else f"{subject}: {rule} (path {path})",
        hint=rule if problem else f"add {path} to that node",
    )


def _problem(index: TripleIndex, report: Graph, result: Node, focus: str, path: str) -> str | None:
    """What the node holds that breaks the rule, or None when a value is missing (the
    shape's message then says which). The report holds the triples of each result's source
    shape, so the datatype or class it asks for is read from there."""
    component = report.value(result, SH.sourceConstraintComponent)
    held = index.values(focus, str(report.value(result, SH.resultPath)))
    if component == SH.MaxCountConstraintComponent:
        ordered = sorted(held, key=lambda v: str(getattr(v, "value", v)))
        return f"{path} has {len(held)} values: " + ", ".join(map(term_text, ordered))
    if component == SH.UniqueLangConstraintComponent:
        return f"{path} has more than one value in a language: {_sharing(held, tagged=True)}"
    if component == SH.QualifiedMaxCountConstraintComponent:
        return f"{path} has more than one untagged value: {_sharing(held, tagged=False)}"
    value = report.value(result, SH.value)
    if value is None:
        return None
    shown, kind = _value(value)
    shape = report.value(result, SH.sourceShape)
    if component == SH.NodeConstraintComponent:  # jfs:Text, a non-empty string
        if isinstance(value, Literal) and _datatype(value) in (XSD_STRING, RDF_LANG_STRING):
            return f"{path} is empty ({kind})"
        return f"{path} is {shown} ({kind}), not a string (untagged or with a language tag)"
    if component == SH.DatatypeConstraintComponent:
        expected = report.value(shape, SH.datatype)
        if isinstance(value, Literal) and _datatype(value) == str(expected):
            return f"{path} is {shown}, not a valid {term_name(str(expected))}"
        return f"{path} is {shown} ({kind}), not {_a(expected)}"
    if component == SH.ClassConstraintComponent:
        return f"{path} is {shown}, which is not {_a(report.value(shape, SH['class']))}"
    if component == SH.NodeKindConstraintComponent:
        return f"{path} is {shown} ({kind}), not an IRI"
    if component == SH.MinInclusiveConstraintComponent:
        return f"{path} is {shown}, less than {report.value(shape, SH.minInclusive)}"
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


def _value(value: Node) -> tuple[str, str]:
    """A result's value as written in Turtle, and what it is."""
    if isinstance(value, Literal):
        datatype = _datatype(value)
        kind_of = XSD_STRING if datatype == RDF_LANG_STRING else datatype
        return literal_text(str(value), datatype, value.language), literal_kind(
            kind_of, value.language
        )
    if isinstance(value, URIRef):
        return f"<{value}>", "an IRI"
    return str(value), "a blank node"


def _datatype(value: Literal) -> str:
    """The literal's datatype IRI; rdflib leaves it unset on plain and tagged strings."""
    if value.datatype is not None:
        return str(value.datatype)
    return RDF_LANG_STRING if value.language else XSD_STRING


def _a(term: Node | None) -> str:
    """`an xsd:integer`, `a jf:Track`: what a value should be."""
    name = term_name(str(term))
    return f"an {name}" if name.startswith("xsd:") else f"a {name}"


def _path_name(report: Graph, path: Node | None) -> str:
    if isinstance(path, URIRef):
        return term_name(str(path))
    inverse = report.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, URIRef):
        return f"^{term_name(str(inverse))}"
    return str(path)
