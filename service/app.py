"""The HTTP service: GraphQL (with GraphiQL) at /graphql and a health check at /healthz."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from .api.context import Context
from .api.schema import schema
from .canon import Canon


class CanonGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view, giving each request the canon being served when it arrived."""

    def __init__(self, canon: Canon) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.canon = canon

    async def get_context(self, request: Request, response: Response | None) -> Context:  # type: ignore[override]
        return Context(canon=self.canon)


def create_app(canon: Canon) -> Starlette:
    """An app serving one checked canon."""
    graphql = CanonGraphQL(canon)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse(
            {"status": "ok", "roleLevels": len(graphql.canon.role_levels)},
        )

    async def home(request: Request) -> RedirectResponse:
        return RedirectResponse("/graphql")

    return Starlette(
        routes=[
            Route("/", home),
            Route("/healthz", healthz),
            Route("/graphql", graphql),
        ]
    )
