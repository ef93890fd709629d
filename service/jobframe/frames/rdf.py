"""Frame lines as RDF: each line a prov:Entity with prov:wasQuotedFrom edges to the canon.

This renderer builds a new graph from frame values; it never reads the canon graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from ..vocabulary import JF, NAMESPACE
from .model import Frame


def frames_graph(frames: Iterable[Frame]) -> Graph:
    """One prov:Collection per frame, holding its lines in reading order (jf:position)."""
    graph = Graph()
    graph.bind("jf", NAMESPACE)
    graph.bind("prov", PROV)
    for frame in frames:
        frame_iri = URIRef(f"{frame.role_level.iri}/frames/{frame.kind.value}")
        graph.add((frame_iri, RDF.type, PROV.Collection))
        graph.add((frame_iri, RDFS.label, Literal(frame.title)))
        graph.add((frame_iri, PROV.wasDerivedFrom, URIRef(frame.role_level.iri)))
        for position, line in enumerate(frame.lines, start=1):
            line_iri = URIRef(f"{frame_iri}/line/{position}")
            graph.add((frame_iri, PROV.hadMember, line_iri))
            graph.add((line_iri, RDF.type, URIRef(JF.FrameLine)))
            graph.add((line_iri, PROV.value, Literal(line.text)))
            graph.add((line_iri, URIRef(JF.position), Literal(position, datatype=XSD.integer)))
            if line.template is not None:
                graph.add((line_iri, URIRef(JF.template), Literal(line.template)))
            for source in line.sources:
                node = URIRef(source.node.iri)
                quotation = BNode()
                graph.add((line_iri, PROV.wasQuotedFrom, node))
                graph.add((line_iri, PROV.qualifiedQuotation, quotation))
                graph.add((quotation, RDF.type, PROV.Quotation))
                graph.add((quotation, PROV.entity, node))
                graph.add((quotation, URIRef(JF.quote), Literal(source.quote)))
                if source.label is not None:
                    graph.add((quotation, RDFS.label, Literal(source.label)))
    return graph
