"""The HTTP service: GraphQL (with GraphiQL) at /graphql, health, and admin reload."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from .admin import reload_endpoint
from .api.context import Context
from .api.schema import schema
from .serving import CanonHolder
from .watch import watch


class CanonGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view; each request keeps the snapshot served when it arrived."""

    def __init__(self, holder: CanonHolder) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.holder = holder

    async def get_context(self, request: Request, response: Response | None) -> Context:  # type: ignore[override]
        served = self.holder.current
        if response is not None:
            response.headers["ETag"] = f'"{served.canon.version}"'
        return Context(served=served)


def create_app(
    holder: CanonHolder, *, admin_token: str | None = None, watch_files: bool = False
) -> Starlette:
    """An app serving the holder's canon; with `watch_files`, reloads when the files change."""

    async def healthz(request: Request) -> JSONResponse:
        served = holder.current
        return JSONResponse(
            {
                "status": "ok",
                "version": served.canon.version,
                "roleLevels": len(served.canon.role_levels),
            }
        )

    async def home(request: Request) -> RedirectResponse:
        return RedirectResponse("/graphql")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(watch(holder, stop)) if watch_files else None
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                await task

    return Starlette(
        routes=[
            Route("/", home),
            Route("/healthz", healthz),
            Route("/graphql", CanonGraphQL(holder)),
            Route("/admin/reload", reload_endpoint(holder, admin_token), methods=["POST"]),
        ],
        lifespan=lifespan,
    )
