"""The SPARQL shapes engine reports exactly what pySHACL reports — focus node, path, constraint,
message, severity and value — on every canon of the corpus, the hostile corpus, the shipped
canon and a generated one; and it refuses, when compiling, any SHACL it does not evaluate."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, URIRef

from bench.generate import generate
from jobframe.checks import check_canon
from jobframe.checks.shacl_sparql import UnsupportedShape, compile_shapes, validate
from jobframe.checks.shapes import ShapeResult, report_results, shapes_graph
from jobframe.findings import CanonError, FindingKind
from jobframe.resources import DEFAULT_CANON_DIR, SHAPES_FILE, VOCABULARY_FILE
from jobframe.sources.turtle import read_turtle, turtle_files
from tests.checks import corpus, hostile
from tests.checks.test_shapes import NEW_RULES
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon

SHAPE_PREFIXES = PREFIXES + (
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
)
Key = tuple[str, str, str, str, str, str | None, str | None]


def keys(found: tuple[ShapeResult, ...]) -> set[Key]:
    """What two engines must agree on; blank nodes are named apart by each engine."""

    def name(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str | None:
        return None if term is None else "_:" if isinstance(term, ox.BlankNode) else str(term)

    return {
        (
            "_:" if r.focus.startswith("_:") else r.focus,
            r.path,
            r.component,
            r.message,
            r.severity.value,
            name(r.value),
            r.expected,
        )
        for r in found
    }


def reference(store: ox.Store) -> set[Key]:
    """pySHACL on the very triples of the store."""
    graph = Graph()
    for s, p, o, _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph.add((_rdflib(s), URIRef(p.value), _rdflib(o)))
    _, report, _ = pyshacl_validate(graph, shacl_graph=shapes_graph(), inference="none")
    assert isinstance(report, Graph)
    return keys(report_results(report))


def _rdflib(term: object) -> URIRef | BNode | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def read(folder: Path) -> ox.Store | None:
    try:
        files = [VOCABULARY_FILE, *turtle_files(folder)]
    except CanonError:
        return None
    return read_turtle(files).store


def agree(folder: Path) -> set[Key]:
    store = read(folder)
    if store is None:
        return set()
    ours = keys(validate(store))
    assert ours == reference(store)
    return ours


@pytest.mark.parametrize("case", corpus.CASES)
def test_engine_agrees_with_pyshacl_on_the_broken_canon(case: str, tmp_path: Path) -> None:
    agree(corpus.assemble(case, tmp_path / case))


@pytest.mark.parametrize("name", hostile.CASES)
def test_engine_agrees_with_pyshacl_on_the_hostile_canon(name: str, tmp_path: Path) -> None:
    agree(hostile.make(name, tmp_path / "canon"))


def test_engine_agrees_with_pyshacl_on_the_shipped_and_a_generated_canon(tmp_path: Path) -> None:
    assert agree(DEFAULT_CANON_DIR) == set()
    assert agree(generate(100, tmp_path / "generated")) == set()


def test_engine_agrees_with_pyshacl_on_every_rule_broken(tmp_path: Path) -> None:
    edges = PREFIXES + (
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "<sub> rdfs:subClassOf jf:Level .\n"
        '<level/S> a <sub> ; skos:notation "S" ; jf:rank "x"^^xsd:integer, -2, 1.0, true .\n'
        "<level/B> a <sub>, jf:Level ; jf:track [ a jf:Track ], <track/T> ;"
        ' skos:notation "B"@en, "b"@EN .\n'
        "<track/T> a [ rdfs:subClassOf jf:Track ] .\n"
        '[ a jf:Source ; skos:prefLabel "", ""@de, <x> ; skos:notation "n"^^xsd:token ] .\n'
    )
    folder = write_canon(
        tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(2), *NEW_RULES, edges
    )
    assert read_turtle([VOCABULARY_FILE, *turtle_files(folder)]).findings == ()
    found = agree(folder)
    components = {component.rsplit("#", 1)[1] for _, _, component, *_ in found}
    assert components == {
        f"{name}ConstraintComponent"
        for name in (
            "MinCount", "MaxCount", "Datatype", "Class", "NodeKind", "MinInclusive", "Node",
            "UniqueLang", "QualifiedMaxCount",
        )
    }  # fmt: skip
    assert FindingKind.SHAPES in {f.kind for f in check_canon(folder).errors}


@pytest.mark.parametrize(
    ("shape", "refused"),
    [
        ('sh:path jf:text ; sh:pattern "^a" ; sh:message "m"', "sh:pattern"),
        ('sh:path jf:rank ; sh:datatype xsd:date ; sh:message "m"', "xsd:date"),
        ("sh:path jf:rank ; sh:minCount 1", "sh:message"),
        ('sh:path [ sh:inversePath jf:rank ] ; sh:minCount 1 ; sh:message "m"', "sh:path"),
        ('sh:path jf:text ; sh:node [ sh:maxLength 3 ] ; sh:message "m"', "sh:maxLength"),
    ],
    ids=["pattern", "datatype", "no message", "inverse path", "nested"],
)
def test_a_construct_the_engine_does_not_evaluate_is_refused_when_compiled(
    tmp_path: Path, shape: str, refused: str
) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        SHAPE_PREFIXES
        + f"<S> a sh:NodeShape ; sh:targetClass jf:Level ; sh:property [ {shape} ] .\n",
        "utf-8",
    )
    with pytest.raises(UnsupportedShape, match=refused):
        compile_shapes(shapes)


@pytest.mark.parametrize(
    ("shape", "refused"),
    [
        ("<S> sh:targetNode <n> .", "sh:targetNode"),
        ("<S> a sh:NodeShape, <http://www.w3.org/2000/01/rdf-schema#Class> .", "implicit"),
    ],
    ids=["node", "implicit class"],
)
def test_a_target_other_than_a_class_is_refused(tmp_path: Path, shape: str, refused: str) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(SHAPE_PREFIXES + shape + "\n", "utf-8")
    with pytest.raises(UnsupportedShape, match=refused):
        compile_shapes(shapes)


def test_the_shipped_shapes_compile_once() -> None:
    assert compile_shapes(SHAPES_FILE) is compile_shapes(SHAPES_FILE)
    assert len(compile_shapes(SHAPES_FILE)) > 50
