"""SHACL shapes as SPARQL, run in Rust on the pyoxigraph store the checks already hold.

Each (shape, constraint) of `ontology/shapes.ttl` is compiled once (per shapes file) to one
SELECT; a row is a validation result, with the focus node, path, message and value pySHACL
would report. Only the SHACL Core constructs the shapes use are compiled: any other sh: term
raises `UnsupportedShape` when the shapes are compiled, naming the shape and the term, so a
new constraint is never silently skipped. pySHACL stays the reference: the differential test
(`tests/checks/test_shacl_sparql.py`) runs both over every canon of the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from ..errors import JobFrameError
from ..findings import Severity
from ..resources import SHAPES_FILE
from ..vocabulary import PREFIXES
from .shapes import ShapeResult, shapes_graph

_IGNORED = {SH.name, SH.description, SH.order, SH.group}
"""Non-validating sh: terms, allowed anywhere."""
_TARGETED = {SH.targetClass, SH.property}
_PROPERTY = {
    SH.path, SH.message, SH.severity, SH.minCount, SH.maxCount, SH.datatype, SH["class"],
    SH.nodeKind, SH.minInclusive, SH.node, SH.uniqueLang, SH.qualifiedValueShape,
    SH.qualifiedMaxCount,
}  # fmt: skip
_VALUE = {SH.datatype, SH.minLength, SH["or"]}
"""What a shape a value is tested against (by sh:node, sh:or, sh:qualifiedValueShape) may say."""
_TARGETS = {SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target}
_NODE_KINDS: dict[Node, str] = {
    SH.IRI: "isIRI(?v)",
    SH.BlankNode: "isBlank(?v)",
    SH.Literal: "isLiteral(?v)",
    SH.BlankNodeOrIRI: "!isLiteral(?v)",
    SH.BlankNodeOrLiteral: "!isIRI(?v)",
    SH.IRIOrLiteral: "!isBlank(?v)",
}
_DATATYPES: dict[Node, str] = {
    XSD.string: f"isLiteral(?v) && datatype(?v) = <{XSD}string>",
    RDF.langString: 'lang(?v) != ""',
    XSD.integer: f"datatype(?v) = <{XSD}integer> && isNumeric(?v)",
}
"""Datatypes whose well-formedness is checked as pySHACL does (an ill-typed `"abc"^^xsd:integer`
is not an integer); another datatype is refused."""


class UnsupportedShape(JobFrameError, ValueError):
    """The shapes use a SHACL construct this compiler does not evaluate."""


@dataclass(frozen=True)
class ShapeQuery:
    """One constraint of one shape as a SELECT of `?f` (and `?v` when a value is reported)."""

    sparql: str
    path: str
    component: str
    message: str
    severity: Severity
    expected: str | None = None
    with_value: bool = False


def validate(
    store: ox.Store,
    shapes_file: Path = SHAPES_FILE,
    *,
    union: bool = False,
    focus: Set[str] | None = None,
) -> tuple[ShapeResult, ...]:
    """Every SHACL result of the store's default graph (of all its graphs with `union`), as
    pySHACL would report it, in a stable order; with `focus` (IRIs), only those nodes'."""
    found: list[ShapeResult] = []
    instances = _Instances(store, union)
    values = None if focus is None else "VALUES ?f { " + " ".join(f"<{f}>" for f in focus) + " } "
    if focus is not None and not focus:
        return ()
    for query in compile_shapes(shapes_file):
        sparql = _INSTANCES.sub(instances, query.sparql)
        if values is not None:
            sparql = sparql.replace("WHERE { ", "WHERE { " + values)
        solutions = store.query(sparql, use_default_graph_as_union=union)
        assert isinstance(solutions, ox.QuerySolutions)
        for row in solutions:
            focus_node = row["f"]
            assert isinstance(focus_node, ox.NamedNode | ox.BlankNode)
            value = row["v"] if query.with_value else None
            found.append(
                ShapeResult(
                    focus=focus_node.value
                    if isinstance(focus_node, ox.NamedNode)
                    else f"_:{focus_node.value}",
                    path=query.path,
                    component=query.component,
                    message=query.message,
                    severity=query.severity,
                    value=value,
                    expected=query.expected,
                )
            )
    return tuple(sorted(found, key=result_order))


def result_order(result: ShapeResult) -> tuple[str, ...]:
    """A total order of results, the same whichever nodes were validated together."""
    return (
        result.focus,
        result.path,
        result.component,
        str(result.value),
        result.expected or "",
        result.message,
        result.severity.value,
    )


@cache
def compile_shapes(shapes_file: Path = SHAPES_FILE) -> tuple[ShapeQuery, ...]:
    """Every (shape, constraint) of the shapes file as one query; raises UnsupportedShape."""
    graph = shapes_graph(shapes_file)
    for shape, term in graph.subject_predicates(None):
        if term in _TARGETS:
            raise UnsupportedShape(
                f"{_name(shape)}: {_name(term)} is not supported (only sh:targetClass)"
            )
    for shape in set(graph.subjects(RDF.type, RDFS.Class)) | set(
        graph.subjects(RDF.type, OWL.Class)
    ):
        if (shape, RDF.type, SH.NodeShape) in graph or (shape, SH.property, None) in graph:
            raise UnsupportedShape(f"{_name(shape)}: implicit class targets are not supported")
    return tuple(
        query
        for shape in sorted(set(graph.subjects(SH.targetClass, None)), key=str)
        for query in _node_shape(graph, shape)
    )


def _node_shape(graph: Graph, shape: Node) -> Iterator[ShapeQuery]:
    _refuse_other(graph, shape, _TARGETED)
    classes = sorted(graph.objects(shape, SH.targetClass), key=str)
    targets = " UNION ".join(f"{{ {_instance('?f', '?t', c)} }}" for c in classes)
    for prop in sorted(graph.objects(shape, SH.property), key=str):
        yield from _property_shape(graph, prop, targets)


def _property_shape(graph: Graph, shape: Node, targets: str) -> Iterator[ShapeQuery]:
    _refuse_other(graph, shape, _PROPERTY)
    path = graph.value(shape, SH.path)
    if not isinstance(path, URIRef):
        raise UnsupportedShape(f"{_name(shape)}: only a property IRI is supported as sh:path")
    messages = list(graph.objects(shape, SH.message))
    if len(messages) != 1:
        raise UnsupportedShape(f"{_name(shape)}: give the property shape exactly one sh:message")
    severity = graph.value(shape, SH.severity) or SH.Violation
    if severity not in (SH.Violation, SH.Warning):
        raise UnsupportedShape(f"{_name(shape)}: sh:severity {_name(severity)} is not supported")

    def query(sparql: str, component: URIRef, expected: str | None = None) -> ShapeQuery:
        level = Severity.ERROR if severity == SH.Violation else Severity.WARNING
        return ShapeQuery(
            sparql, str(path), str(component), str(messages[0]), level, expected,
            with_value=sparql.startswith("SELECT DISTINCT ?f ?v"),
        )  # fmt: skip

    values = f"{targets} ?f <{path}> ?v ."

    def failing(test: str) -> str:
        return f"SELECT DISTINCT ?f ?v WHERE {{ {values} FILTER(!COALESCE({test}, false)) }}"

    def over(count: int, test: str = "true") -> str:
        return (
            f"SELECT ?f WHERE {{ {values} FILTER(COALESCE({test}, false)) }}"
            f" GROUP BY ?f HAVING (COUNT(DISTINCT ?v) > {count})"
        )

    for low in graph.objects(shape, SH.minCount):
        n = _count(shape, low)
        counted = (
            f"{{ SELECT ?f (COUNT(DISTINCT ?v) AS ?n)"
            f" WHERE {{ {targets} OPTIONAL {{ ?f <{path}> ?v }} }} GROUP BY ?f }}"
        )
        sparql = (
            f"SELECT DISTINCT ?f WHERE {{ {targets} FILTER NOT EXISTS {{ ?f <{path}> ?v }} }}"
            if n == 1
            else f"SELECT ?f WHERE {{ {counted} FILTER(?n < {n}) }}"
        )
        if n > 0:
            yield query(sparql, SH.MinCountConstraintComponent)
    for high in graph.objects(shape, SH.maxCount):
        yield query(over(_count(shape, high)), SH.MaxCountConstraintComponent)
    for datatype in graph.objects(shape, SH.datatype):
        yield query(
            failing(_datatype(shape, datatype)), SH.DatatypeConstraintComponent, str(datatype)
        )
    for cls in graph.objects(shape, SH["class"]):
        test = f"EXISTS {{ {_instance('?v', '?c', cls)} }}"
        yield query(failing(test), SH.ClassConstraintComponent, str(cls))
    for kind in graph.objects(shape, SH.nodeKind):
        if kind not in _NODE_KINDS:
            raise UnsupportedShape(f"{_name(shape)}: sh:nodeKind {_name(kind)} is not a node kind")
        yield query(failing(_NODE_KINDS[kind]), SH.NodeKindConstraintComponent)
    for bound in graph.objects(shape, SH.minInclusive):
        if not isinstance(bound, Literal):
            raise UnsupportedShape(f"{_name(shape)}: sh:minInclusive is a literal")
        test = f"?v >= {bound.n3()}"
        yield query(failing(test), SH.MinInclusiveConstraintComponent, str(bound))
    for node in graph.objects(shape, SH.node):
        yield query(failing(_conforms(graph, node, ())), SH.NodeConstraintComponent)
    for unique in graph.objects(shape, SH.uniqueLang):
        if unique == Literal(True):
            sparql = (
                f'SELECT ?f WHERE {{ {values} FILTER(lang(?v) != "") }}'
                " GROUP BY ?f (LCASE(lang(?v)) AS ?language) HAVING (COUNT(DISTINCT ?v) > 1)"
            )
            yield query(sparql, SH.UniqueLangConstraintComponent)
    qualified = graph.value(shape, SH.qualifiedValueShape)
    most = graph.value(shape, SH.qualifiedMaxCount)
    if (qualified is None) != (most is None):
        raise UnsupportedShape(
            f"{_name(shape)}: sh:qualifiedValueShape goes with sh:qualifiedMaxCount"
            " (sh:qualifiedMinCount is not supported)"
        )
    if qualified is not None and most is not None:
        test = _conforms(graph, qualified, ())
        yield query(over(_count(shape, most), test), SH.QualifiedMaxCountConstraintComponent)


def _instance(node: str, via: str, cls: Node) -> str:
    """`node` is a SHACL instance of `cls` (rdf:type/rdfs:subClassOf*), to be written when
    the shapes are run, once the data's subclasses of `cls` are known (see `_instances`)."""
    return f"{_INSTANCE}{node} {via} <{cls}>)"


_INSTANCE = "#instance("
_INSTANCES = re.compile(re.escape(_INSTANCE) + r"(\?\w+) (\?\w+) <([^>]*)>\)")


class _Instances:
    """Writes `_instance` patterns for one store: with the named subclasses listed (Oxigraph
    then reads each class's instances directly), or as the property path when a subclass is a
    blank node, which VALUES cannot name."""

    def __init__(self, store: ox.Store, union: bool) -> None:
        self.store = store
        self.union = union
        self.subclasses: dict[str, list[ox.NamedNode | ox.BlankNode]] = {}

    def __call__(self, match: re.Match[str]) -> str:
        node, via, cls = match.groups()
        if cls not in self.subclasses:
            rows = self.store.query(
                f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{cls}> }}",
                use_default_graph_as_union=self.union,
            )
            assert isinstance(rows, ox.QuerySolutions)
            self.subclasses[cls] = [row["c"] for row in rows]
        found = self.subclasses[cls]
        if not all(isinstance(c, ox.NamedNode) for c in found):
            return f"{node} a/<{RDFS.subClassOf}>* <{cls}> ."
        listed = " ".join(sorted(str(c) for c in found))
        return f"VALUES {via} {{ {listed} }} {node} a {via} ."


def _conforms(graph: Graph, shape: Node, seen: tuple[Node, ...]) -> str:
    """A SPARQL expression, true when `?v` conforms to `shape` (never an error)."""
    if shape in seen:
        raise UnsupportedShape(f"{_name(shape)}: recursive shapes are not supported")
    _refuse_other(graph, shape, _VALUE)
    tests = [f"COALESCE({_datatype(shape, d)}, false)" for d in graph.objects(shape, SH.datatype)]
    for length in graph.objects(shape, SH.minLength):
        n = _count(shape, length)
        if n > 0:
            tests.append(f"COALESCE(!isBlank(?v) && STRLEN(STR(?v)) >= {n}, false)")
    for members in graph.objects(shape, SH["or"]):
        alternatives = [_conforms(graph, m, (*seen, shape)) for m in Collection(graph, members)]
        tests.append("(" + (" || ".join(alternatives) or "false") + ")")
    return "(" + (" && ".join(tests) or "true") + ")"


def _datatype(shape: Node, datatype: Node) -> str:
    if datatype not in _DATATYPES:
        raise UnsupportedShape(f"{_name(shape)}: sh:datatype {_name(datatype)} is not supported")
    return _DATATYPES[datatype]


def _count(shape: Node, term: Node) -> int:
    if not isinstance(term, Literal) or not isinstance(term.value, int) or term.value < 0:
        raise UnsupportedShape(f"{_name(shape)}: a count or length is a non-negative integer")
    return int(term.value)


def _refuse_other(graph: Graph, shape: Node, allowed: set[URIRef]) -> None:
    for term in set(graph.predicates(shape, None)):
        if str(term).startswith(str(SH)) and term not in allowed | _IGNORED:
            raise UnsupportedShape(
                f"{_name(shape)}: {_name(term)} is not supported by the SPARQL shapes engine"
                " (checks/shacl_sparql.py); add it there or use a supported constraint"
            )


def _name(term: Node) -> str:
    text = str(term)
    for prefix in ("sh", "xsd", "rdf"):
        if text.startswith(PREFIXES[prefix]):
            return f"{prefix}:{text.removeprefix(PREFIXES[prefix])}"
    return f"<{text}>" if isinstance(term, URIRef) else f"a blank shape ({text})"
