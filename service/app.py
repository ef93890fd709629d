"""The HTTP service: the viewer at /, GraphQL at /graphql, canon node pages, health, admin."""

from __future__ import annotations

import asyncio
import contextlib
import mimetypes
from collections.abc import AsyncIterator

import orjson
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL

from .admin import reload_endpoint
from .api.context import Context
from .api.schema import build_schema, schema
from .dereference import DEFAULT_IRI_BASE, canon_endpoint
from .http_cache import SERVED_KEY, CachingGraphQL, ResponseCache
from .limits import Limits
from .observability import CanonCollector, Observability
from .resources import QUERIES_DIR, VIEWER_DIR
from .serving import CanonHolder, Served
from .watch import watch

mimetypes.add_type("application/graphql", ".graphql")
"""The viewer's documents under /viewer/queries/ (Python's table does not know the suffix)."""


class CanonGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view on the snapshot `CachingGraphQL` chose for the request."""

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


def create_app(
    holder: CanonHolder,
    *,
    admin_token: str | None = None,
    watch_files: bool = False,
    cache_control: str = "no-cache",
    response_cache_bytes: int = 64 * 2**20,
    limits: Limits | None = None,
    iri_base: str = DEFAULT_IRI_BASE,
) -> Starlette:
    """An app serving the holder's canon.

    `watch_files` reloads when the canon files change; `cache_control` is sent with every
    GraphQL response; `response_cache_bytes` bounds the response cache (0 turns it off);
    `limits` bounds each request (`Limits()` when not given).
    """
    limits = limits or Limits()
    cache = ResponseCache(response_cache_bytes) if response_cache_bytes > 0 else None
    graphql = CachingGraphQL(CanonGraphQL(limits, iri_base), holder, cache, cache_control, limits)
    canon_page = canon_endpoint(holder, iri_base)

    registry = CollectorRegistry()
    registry.register(CanonCollector(holder))

    async def metrics(request: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    async def readyz(request: Request) -> JSONResponse:
        """Ready: the app exists only once a canon is loaded and checked (see `serving.py`)."""
        return JSONResponse({"ready": True, "version": holder.current.canon.version})

    async def healthz(request: Request) -> JSONResponse:
        served = holder.current
        return JSONResponse(
            {
                "status": "ok",
                "version": served.canon.version,
                "roleLevels": len(served.canon.role_levels),
                "triples": served.canon.triple_count,
            }
        )

    async def viewer(request: Request) -> FileResponse:
        return FileResponse(VIEWER_DIR / "index.html", headers={"Cache-Control": "no-cache"})

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

    app = Starlette(
        routes=[
            Route("/", viewer),
            Mount("/viewer/queries", StaticFiles(directory=QUERIES_DIR), name="queries"),
            Mount("/viewer", StaticFiles(directory=VIEWER_DIR), name="viewer"),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics),
            Route("/canon", canon_page),
            Route("/canon/{path:path}", canon_page),
            Route("/graphql", graphql),
            Route("/admin/reload", reload_endpoint(holder, admin_token), methods=["POST"]),
        ],
        lifespan=lifespan,
    )
    app.add_middleware(Observability, holder=holder, registry=registry)
    return app
