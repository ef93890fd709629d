"""Frame lines as RDF: each line a prov:Entity with prov:wasQuotedFrom edges to the canon.

This renderer builds a new graph from frame values; it never reads the canon graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from ..budget import check_budget, within_budget
from ..vocabulary import JF, PREFIXES
from .model import Frame
from .rdf_formats import RdfFormat, write_graph


def frames_graph(frames: Iterable[Frame]) -> Graph:
    """One prov:Collection per frame, holding its lines in reading order (jf:position)."""
    graph = Graph()
    for prefix in ("jf", "prov"):
        graph.bind(prefix, PREFIXES[prefix])
    for frame in frames:
        frame_iri = URIRef(_frame_iri(frame))
        graph.add((frame_iri, RDF.type, PROV.Collection))
        graph.add((frame_iri, RDFS.label, Literal(frame.title)))
        graph.add((frame_iri, PROV.wasDerivedFrom, URIRef(frame.role_level.iri)))
        for position, line in enumerate(within_budget(frame.lines, every=64), start=1):
            line_iri = URIRef(_line_iri(frame, position))
            graph.add((frame_iri, PROV.hadMember, line_iri))
            graph.add((line_iri, RDF.type, URIRef(JF.FrameLine)))
            graph.add((line_iri, PROV.value, Literal(line.text)))
            graph.add((line_iri, URIRef(JF.position), Literal(position, datatype=XSD.integer)))
            if line.template is not None:
                graph.add((line_iri, URIRef(JF.template), Literal(line.template)))
            for number, source in enumerate(line.sources, start=1):
                node = URIRef(source.node.iri)
                quotation = _quotation(frame, position, number)
                graph.add((line_iri, PROV.wasQuotedFrom, node))
                graph.add((line_iri, PROV.qualifiedQuotation, quotation))
                graph.add((quotation, RDF.type, PROV.Quotation))
                graph.add((quotation, PROV.entity, node))
                quoted = Literal(source.quote, lang=source.language)
                graph.add((quotation, URIRef(JF.quote), quoted))
                if source.label is not None:
                    graph.add((quotation, RDFS.label, Literal(source.label)))
    return graph


def _frame_iri(frame: Frame) -> str:
    return f"{frame.role_level.iri}/frames/{frame.kind.value}"


def _line_iri(frame: Frame, position: int) -> str:
    return f"{_frame_iri(frame)}/line/{position}"


def _quotation(frame: Frame, position: int, number: int) -> BNode:
    """A quotation's blank node, labelled by its place so that every export is the same."""
    return BNode(f"{frame.kind.value}-{position}-q{number}")


def serialize_frames(frames: Sequence[Frame], format: RdfFormat) -> str:
    """The frames' lines as Turtle, N-Triples or JSON-LD.

    JSON-LD is compacted with the context the node pages use, and keeps reading order: each
    frame, then its lines by `jf:position`, each followed by its quotations; a frame's
    members and a line's quotations and sources are listed in the order the line reads.
    """
    graph = frames_graph(frames)
    check_budget()
    if format is not RdfFormat.JSON_LD:
        return write_graph(graph, format)
    data = json.loads(write_graph(graph, format))
    check_budget()
    context = data["@context"]
    nodes = data.get("@graph") or [{k: v for k, v in data.items() if k != "@context"}]
    order: dict[str, int] = {}
    within: dict[str, dict[str, int]] = {}
    for frame in frames:
        frame_iri = _frame_iri(frame)
        order[frame_iri] = len(order)
        within[frame_iri] = {}
        for position, line in enumerate(frame.lines, start=1):
            line_iri = _line_iri(frame, position)
            order[line_iri] = within[frame_iri][line_iri] = len(order)
            within[line_iri] = {}
            for number, source in enumerate(line.sources, start=1):
                quotation = f"_:{_quotation(frame, position, number)}"
                order[quotation] = within[line_iri][quotation] = len(order)
                within[line_iri].setdefault(source.node.iri, number)

    def rank(ranks: dict[str, int], value: object) -> int:
        iri = _expand(value["@id"], context) if isinstance(value, dict) else ""
        return ranks.get(iri, len(order))

    for node in nodes:
        ranks = within.get(node.get("@id", ""), {})
        for values in node.values():
            if isinstance(values, list):
                values.sort(key=lambda v: rank(ranks, v))
    nodes.sort(key=lambda node: order.get(node.get("@id", ""), len(order)))
    return json.dumps({"@context": context, "@graph": nodes}, indent=2, ensure_ascii=False)


def _expand(iri: str, context: dict[str, str]) -> str:
    """A compact IRI (`jf:KnowledgeApplication`) in full, by the context's prefixes."""
    prefix, colon, rest = iri.partition(":")
    return context[prefix] + rest if colon and prefix in context else iri
