"""SHACL validation of a canon against `ontology/shapes.ttl`, as findings.

The engine is pyshacl-turbo: pySHACL's API and reports, in Rust. pySHACL itself took 116 s on
a canon of 10,000 role-levels where this takes 7 s; tests check both report the same results.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pyshacl_turbo
from rdflib import Graph, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.term import Node

from ..findings import Finding, FindingKind, Severity
from ..resources import SHAPES_FILE
from ..sources import SourceMap, TripleIndex
from ..vocabulary import NAMESPACE, SKOS_NOTATION, SKOS_PREF_LABEL


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


def shape_findings(report: Graph, index: TripleIndex, places: SourceMap) -> tuple[Finding, ...]:
    """Every SHACL result, naming the focus node (IRI, label, file:line), the path and message."""
    return tuple(
        sorted(
            (_finding(index, places, report, r) for r in report.subjects(SH.resultSeverity)),
            key=lambda f: (f.location.node or "", f.message),
        )
    )


def results(report: Graph) -> set[tuple[str, str, str]]:
    """(focus node, path, message) of each result: what two engines must agree on."""
    return {
        (
            str(report.value(r, SH.focusNode)),
            _path_name(report, report.value(r, SH.resultPath)),
            str(report.value(r, SH.resultMessage)),
        )
        for r in report.subjects(SH.resultSeverity)
    }


def _finding(index: TripleIndex, places: SourceMap, report: Graph, result: Node) -> Finding:
    focus = str(report.value(result, SH.focusNode))
    path = _path_name(report, report.value(result, SH.resultPath))
    message = report.value(result, SH.resultMessage)
    severity = report.value(result, SH.resultSeverity)
    name = index.text(focus, SKOS_PREF_LABEL) or index.text(focus, SKOS_NOTATION)
    subject = f"<{focus}>" + (f" ({name})" if name else "")
    return Finding(
        kind=FindingKind.SHAPES,
        severity=Severity.ERROR if severity == SH.Violation else Severity.WARNING,
        location=places.locate(focus),
        message=f"{subject}: {message} (path {path})",
        hint=f"add or correct {path} on that node",
    )


def _path_name(report: Graph, path: Node | None) -> str:
    names = report.namespace_manager
    names.bind("jf", NAMESPACE, replace=True)
    names.bind("skos", str(SKOS), replace=True)
    if isinstance(path, URIRef):
        return names.normalizeUri(path)
    inverse = report.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, URIRef):
        return f"^{names.normalizeUri(inverse)}"
    return str(path)
