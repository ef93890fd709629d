"""The HTTP service: the viewer at /, GraphQL at /graphql, canon node pages, health, admin."""

from __future__ import annotations

import asyncio
import contextlib
import mimetypes
from collections.abc import AsyncIterator

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route

from ..api import Limits, schema_for
from ..caches import bound_caches
from ..loading import CanonHolder, follow, watch
from ..resources import QUERIES_DIR, VIEWER_DIR
from ..settings import Settings
from .admin import reload_handler
from .graphql_http import GraphQLHTTP
from .graphql_view import CanonGraphQL
from .node_pages import canon_handler
from .observability import CacheCollector, CanonCollector, Observability
from .page_headers import PageHeaders
from .request_scope import served_of
from .response_cache import ResponseCache
from .stopping import AnswerWhenStopping
from .validators import Assets

STOP_GRACE = 1.0
"""Seconds the watcher and the replica follower get to stop before they are cancelled."""
mimetypes.add_type("application/graphql", ".graphql")
"""The viewer's documents under /viewer/queries/ (Python's table does not know the suffix)."""


def create_app(holder: CanonHolder, settings: Settings | None = None) -> Starlette:
    """An app serving the holder's canon with these settings (the defaults when not given).

    Of the settings, the app uses the request limits, `watch` (reload when the canon files
    change), `sync_interval` (reload when the source's version changed),
    `cache_control` (sent with every GraphQL response), `response_cache_mb` (0
    turns the cache off), the byte bounds of the parse, validation and plan caches,
    `iri_base` and `admin_token`.
    """
    settings = settings or Settings()
    limits = Limits.of(settings)
    cache_bytes = settings.response_cache_mb * 2**20
    bound_caches(
        {
            "parse": settings.parse_cache_mb * 2**20,
            "validation": settings.validation_cache_mb * 2**20,
            "plan": settings.plan_cache_mb * 2**20,
        }
    )
    cache = ResponseCache(cache_bytes) if cache_bytes > 0 else None
    view = CanonGraphQL(schema_for(limits), limits.production, settings.iri_base)
    graphql = GraphQLHTTP(
        view, holder, cache, settings.cache_control, limits, settings.default_language
    )
    canon_page = canon_handler(holder, settings.iri_base, settings.time_budget)

    registry = CollectorRegistry()
    registry.register(CanonCollector(holder))
    registry.register(CacheCollector(cache))

    async def metrics(request: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    async def readyz(request: Request) -> JSONResponse:
        """Ready: the app exists only once a canon is loaded and checked (see `loading/`)."""
        return JSONResponse({"ready": True, "version": served_of(request.scope).canon.version})

    async def healthz(request: Request) -> JSONResponse:
        current = served_of(request.scope)
        return JSONResponse(
            {
                "status": "ok",
                "version": current.canon.version,
                "roleLevels": len(current.canon.role_levels),
                "triples": current.canon.triple_count,
            }
        )

    async def viewer(request: Request) -> FileResponse:
        return FileResponse(VIEWER_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        tasks = []
        if settings.watch:
            tasks.append(asyncio.create_task(watch(holder, stop)))
        if settings.sync_interval > 0:
            tasks.append(asyncio.create_task(follow(holder, settings.sync_interval, stop)))
        try:
            yield
        finally:
            stop.set()  # the watcher and the follower end within a tick; a reload they
            if tasks:  # wait on (a hanging source) is cancelled, its thread abandoned
                _, running = await asyncio.wait(tasks, timeout=STOP_GRACE)
                for task in running:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    routes = [
        Route("/graphql", graphql),  # first: nearly every request is one
        Route("/", viewer),
        Mount("/viewer/queries", Assets(directory=QUERIES_DIR), name="queries"),
        Mount("/viewer", Assets(directory=VIEWER_DIR), name="viewer"),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics),
        Route("/canon", canon_page),
        Route("/canon/{path:path}", canon_page),
        Route("/admin/reload", reload_handler(holder, settings.admin_token), methods=["POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.add_middleware(AnswerWhenStopping)  # inside Observability: its log line says 503
    app.add_middleware(Observability, holder=holder, registry=registry, routes=routes)
    app.add_middleware(PageHeaders)
    return app
