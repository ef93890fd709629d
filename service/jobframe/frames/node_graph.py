"""A canon node as RDF: its own triples, written by the canon↔RDF mapping (`canon/mapping.py`)
from the compiled canon, so a node page serves exactly what the canon states about it."""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef

from ..canon import Canon, CanonNode, ancestry, mapping
from ..vocabulary import PREFIXES


def node_graph(canon: Canon, node: CanonNode) -> Graph:
    """The node's own triples: type, names, text, and links to the nodes it belongs to."""
    graph = Graph()
    for prefix in ("jf", "skos"):
        graph.bind(prefix, PREFIXES[prefix])
    node_class = mapping.mapping_of(node)
    subject = URIRef(node.iri)
    graph.add((subject, RDF.type, URIRef(node_class.cls)))
    for field in node_class.fields:
        if field.value is mapping.Value.OWNER:
            path = ancestry(canon, node.iri) or ()
            value: object = path[1] if len(path) > 1 else None
        else:
            value = getattr(node, field.name)
        if value is None or value == "":
            continue
        predicate = URIRef(field.predicate)
        if isinstance(value, CanonNode):
            graph.add((subject, predicate, URIRef(value.iri)))
        elif field.value is mapping.Value.IRI:
            graph.add((subject, predicate, URIRef(str(value))))
        elif field.value is mapping.Value.QUOTED:
            graph.add((subject, predicate, Literal(value, lang=node.language(field.name))))
        else:
            graph.add((subject, predicate, Literal(value)))
    return graph
