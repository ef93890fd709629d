"""The canon↔RDF mapping is the one declaration of a node class's predicates: the modules
that read or write canon nodes name none themselves, and a node graph holds only them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import jobframe
from jobframe import vocabulary
from jobframe.canon import Canon, mapping
from jobframe.frames import node_graph

PACKAGE = Path(jobframe.__file__).parent
READERS_AND_WRITERS = (
    "canon/compiler.py",
    "frames/node_graph.py",
    "interchange/turtle_writer.py",
    "web/node_pages.py",
    "changes/nodes.py",
)
"""The modules that read canon nodes from RDF or write them as RDF, or report their fields."""
MAPPED = {f.predicate for c in mapping.NODE_CLASSES for f in c.fields} | {
    c.cls for c in mapping.NODE_CLASSES
}


def _term(node: ast.expr) -> str | None:
    """The vocabulary IRI an expression names (`JF.rank`, `SKOS_NOTATION`), if any."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        holder = getattr(vocabulary, node.value.id, None)
        value = getattr(holder, node.attr, None) if isinstance(holder, type) else None
        return value if isinstance(value, str) else None
    if isinstance(node, ast.Name):
        value = getattr(vocabulary, node.id, None)
        return value if isinstance(value, str) else None
    return None


def mapped_terms_named(source: str) -> list[tuple[int, str]]:
    """(line, IRI) for each use of a mapped predicate or class outside the mapping."""
    return [
        (node.lineno, iri)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute | ast.Name)
        and (iri := _term(node)) is not None
        and iri in MAPPED
    ]


@pytest.mark.parametrize("module", READERS_AND_WRITERS)
def test_no_reader_or_writer_of_canon_nodes_names_a_predicate(module: str) -> None:
    found = mapped_terms_named((PACKAGE / module).read_text("utf-8"))
    assert not found, f"{module} names {found}: read the predicate from canon/mapping.py"


def test_the_scan_catches_a_second_declaration() -> None:
    bad = "from ..vocabulary import JF, SKOS_NOTATION\nORDER = (SKOS_NOTATION, JF.rank)\n"
    assert mapped_terms_named(bad) == [(2, vocabulary.SKOS_NOTATION), (2, vocabulary.JF.rank)]


def test_a_node_graph_holds_only_its_class_and_the_predicates_its_mapping_declares(
    canon: Canon,
) -> None:
    for node in canon.nodes.values():
        node_class = mapping.mapping_of(node)
        declared = {f.predicate for f in node_class.fields} | {vocabulary.RDF_TYPE}
        graph = node_graph(canon, node)
        assert {str(p) for p in graph.predicates()} <= declared
        assert {str(o) for o in graph.objects(predicate=None)} >= {node_class.cls}
