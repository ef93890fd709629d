"""The GraphQL interfaces every canon node implements, and the wrapping of a node by kind.

Upstream of both the frame types (a quote cites a `CanonNode`) and the concrete node types,
so neither imports the other to name a node.
"""

from __future__ import annotations

from collections.abc import Mapping

import strawberry
from strawberry.types.base import get_object_definition

from ...canon import nodes
from ..context import Info
from ..urls import node_url
from .ids import encode_id


@strawberry.interface(description="An object with a globally unique, opaque ID (Relay).")
class Node:
    @strawberry.field(description="Opaque global ID of this object; `node(id:)` resolves it.")
    def id(self) -> strawberry.ID:
        raise NotImplementedError


@strawberry.interface(
    description="A node of the canon graph. Frame lines quote only its `label`, "
    "`notation` or `text`, so any quote can be checked against the node it cites."
)
class CanonNode(Node):
    model: strawberry.Private[nodes.CanonNode]

    @strawberry.field(description="Opaque global ID of this node; `node(id:)` resolves it.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id(type_name(type(self)), self.model.iri))

    @strawberry.field(description="The node's IRI in the canon graph.")
    def iri(self) -> str:
        return self.model.iri

    @strawberry.field(
        description="Where the node resolves on this service: an HTML page, or Turtle or "
        "JSON-LD by content negotiation."
    )
    def url(self, info: Info) -> str:
        return node_url(self.model.iri, info.context.iri_base)

    @strawberry.field(description="Human-readable name (skos:prefLabel, or composed for texts).")
    def label(self) -> str:
        return self.model.label

    @strawberry.field(description="Code or running-text name (skos:notation), where it has one.")
    def notation(self) -> str | None:
        return self.model.notation

    @strawberry.field(description="Verbatim canon text (jf:text), where the node has one.")
    def text(self) -> str | None:
        return self.model.text


_TYPES: dict[type[nodes.CanonNode], type[CanonNode]] = {}
"""Each model class's GraphQL type, as `nodes.py` declares them (`declare_node_types`):
that module imports this one, so this one cannot name its types."""


def declare_node_types(types: Mapping[type[nodes.CanonNode], type[CanonNode]]) -> None:
    """Declare the GraphQL type of each canon model class, for `wrap`."""
    _TYPES.update(types)


def type_name(graphql_type: type) -> str:
    """The GraphQL name of a Strawberry type: what a global ID carries."""
    return get_object_definition(graphql_type, strict=True).name


def wrap(node: nodes.CanonNode) -> CanonNode:
    """The GraphQL object of a canon node, typed by its kind."""
    return _TYPES[type(node)](model=node)
