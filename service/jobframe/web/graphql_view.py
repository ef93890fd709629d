"""Strawberry's ASGI view, answering on the snapshot `GraphQLHTTP` chose for the request."""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL

from ..api import Context, Limits, build_schema, schema
from ..loading import Served
from .graphql_http import SERVED_KEY


class CanonGraphQL(GraphQL[Context, None]):
    """The schema under the service's limits; GraphiQL unless in production."""

    def __init__(self, limits: Limits, iri_base: str) -> None:
        super().__init__(
            schema if limits == Limits() else build_schema(limits),
            graphql_ide=None if limits.production else "graphiql",
        )
        self.iri_base = iri_base

    async def get_context(self, request: Request, response: Response | None) -> Context:  # type: ignore[override]
        served: Served = request.scope[SERVED_KEY]
        return Context(served=served, iri_base=self.iri_base)

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)
