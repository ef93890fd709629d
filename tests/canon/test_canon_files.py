"""The shipped ontology and canon: documented vocabulary, and canon text only from the page."""

from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SH

from jobframe.resources import DEFAULT_CANON_DIR, ONTOLOGY_DIR, VOCABULARY_FILE
from jobframe.vocabulary import TERMS
from tests.conftest import SPEC


def test_every_class_and_property_has_a_label_and_a_comment() -> None:
    vocabulary = Graph().parse(VOCABULARY_FILE)
    terms = {
        s
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in vocabulary.subjects(RDF.type, kind)
    }
    assert len(terms) > 20
    undocumented = [
        str(t)
        for t in terms
        if vocabulary.value(t, RDFS.label) is None or vocabulary.value(t, RDFS.comment) is None
    ]
    assert undocumented == []


def test_every_shape_has_a_label_and_a_comment() -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert node_shapes
    assert all(shapes.value(s, RDFS.label) and shapes.value(s, RDFS.comment) for s in node_shapes)


def test_canon_holds_no_text_that_is_not_on_the_reference_page() -> None:
    page = (SPEC / "reference-page-clinical-trials-operations-M5.txt").read_text("utf-8")
    canon = Graph()
    for path in sorted(Path(DEFAULT_CANON_DIR).rglob("*.ttl")):
        canon.parse(path)
    texts = {str(o) for o in canon.objects() if isinstance(o, Literal) and isinstance(o.value, str)}
    assert texts
    assert sorted(t for t in texts if t not in page) == []


def test_every_vocabulary_name_in_the_code_is_declared_in_the_ontology() -> None:
    vocabulary = Graph().parse(VOCABULARY_FILE)
    declared = {str(s) for s in vocabulary.subjects(RDF.type, None)}
    assert sorted(iri for iri in TERMS.values() if iri not in declared) == []
