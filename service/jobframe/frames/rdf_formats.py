"""The RDF serialisations the service writes, in one table: the CLI's `--format` choices, the
GraphQL enum `RdfFormat` and the node pages' content negotiation are all read from it, so a
format added here is offered everywhere at once.
"""

from __future__ import annotations

from enum import Enum

from rdflib import Graph

from ..vocabulary import JSONLD_CONTEXT


class RdfFormat(Enum):
    """A serialisation: its value is rdflib's name for it (and the CLI's `--format` value),
    its member name the GraphQL enum value, `media_type` what an HTTP answer is labelled."""

    _value_: str
    media_type: str

    TURTLE = "turtle", "text/turtle"
    JSON_LD = "json-ld", "application/ld+json"
    N_TRIPLES = "nt", "application/n-triples"

    def __new__(cls, value: str, media_type: str) -> RdfFormat:
        member = object.__new__(cls)
        member._value_ = value
        member.media_type = media_type
        return member


def write_graph(graph: Graph, format: RdfFormat) -> str:
    """The graph in `format`; JSON-LD compacted with the context of everything JobFrame
    writes as JSON-LD."""
    if format is RdfFormat.JSON_LD:
        return graph.serialize(format=format.value, context=JSONLD_CONTEXT)
    return graph.serialize(format=format.value)
