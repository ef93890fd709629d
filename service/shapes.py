"""SHACL validation of a canon graph against `ontology/shapes.ttl`, as findings."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.term import Node

from .findings import Finding, Location, Severity
from .resources import SHAPES_FILE


@cache
def _shapes(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def shape_findings(data: Graph, shapes_file: Path = SHAPES_FILE) -> tuple[Finding, ...]:
    """Every SHACL violation, naming the focus node (IRI and label), the path and the message."""
    conforms, report, _ = validate(
        data, shacl_graph=_shapes(shapes_file), inference="none", allow_warnings=True
    )
    if conforms:
        return ()
    assert isinstance(report, Graph)
    findings = [_finding(data, report, result) for result in report.subjects(SH.resultSeverity)]
    return tuple(sorted(findings, key=lambda f: (f.location.node or "", f.message)))


def _finding(data: Graph, report: Graph, result: Node) -> Finding:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage)
    severity = report.value(result, SH.resultSeverity)
    name = data.value(focus, SKOS.prefLabel) or data.value(focus, SKOS.notation)
    subject = f"{focus}" + (f" ({name})" if name else "")
    return Finding(
        kind="shapes",
        severity=Severity.ERROR if severity == SH.Violation else Severity.WARNING,
        location=Location(node=str(focus)),
        message=f"{subject}: {message} (path {_path_name(data, path)})",
        hint="add or correct that property in the canon Turtle",
    )


def _path_name(data: Graph, path: Node | None) -> str:
    if isinstance(path, URIRef):
        return data.namespace_manager.normalizeUri(path)
    inverse = data.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, URIRef):
        return f"^{data.namespace_manager.normalizeUri(inverse)}"
    return str(path)
