"""Request logs and metrics: one JSON log line per request, a request id echoed back, and
Prometheus metrics at /metrics.

The middleware only observes: it tees the request body to learn the GraphQL operation name
and the response to learn its outcome, and changes nothing but two headers: `X-Request-ID`,
and `JobFrame-Canon-Version`, the version of the canon that answered, on every response, so
a client or a load balancer can tell which canon each replica serves.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import parse_qs

import orjson
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api import executions
from ..caches import cache_bytes
from ..loading import CanonHolder
from .request_scope import client_gone, has_errors, pin_served, served_of
from .response_cache import ResponseCache

access_log = logging.getLogger("jobframe.access")

CANON_VERSION_HEADER = "JobFrame-Canon-Version"
_VERSION_HEADER = CANON_VERSION_HEADER.lower().encode()
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_SAFE_OPERATION = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
MAX_OPERATION_LABELS = 100
"""Operation names are chosen by clients; beyond this many, new ones are counted as `other`."""


class JsonFormatter(logging.Formatter):
    """A log record as one JSON object per line; a record's `fields` are merged in."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on standard error for every JobFrame log, the access log included."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("jobframe")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


class CanonCollector(Collector):
    """The canon being served and its reloads, read from the holder at each scrape."""

    def __init__(self, holder: CanonHolder) -> None:
        self.holder = holder

    def collect(self) -> Iterator[Metric]:
        canon = self.holder.current.canon
        triples = GaugeMetricFamily("jobframe_canon_triples", "Triples in the served canon.")
        triples.add_metric([], canon.triple_count)
        role_levels = GaugeMetricFamily(
            "jobframe_canon_role_levels", "Role-levels in the served canon."
        )
        role_levels.add_metric([], len(canon.role_levels))
        version = GaugeMetricFamily(
            "jobframe_canon_info", "The served canon's version (always 1).", labels=["version"]
        )
        version.add_metric([canon.version], 1)
        reloads = CounterMetricFamily(
            "jobframe_canon_reloads", "Canon reload attempts.", labels=["trigger", "outcome"]
        )
        for (trigger, succeeded), count in sorted(self.holder.attempts.items()):
            reloads.add_metric([trigger, "succeeded" if succeeded else "failed"], count)
        executed = CounterMetricFamily(
            "jobframe_graphql_executions",
            "GraphQL operations executed, by executor: `planned` answered by a compiled plan, "
            "`reference` by graphql-core (errors, and what a plan does not cover).",
            labels=["executor"],
        )
        for executor, count in executions().items():
            executed.add_metric([executor], count)
        yield from (triples, role_levels, version, reloads, executed, *self._changes())

    def _changes(self) -> Iterator[Metric]:
        """What the last successful reload changed (0 before any), and a running total."""
        changes = self.holder.last_changes
        changed = GaugeMetricFamily(
            "jobframe_reload_changed_role_levels",
            "Role-levels whose frames changed in the last successful reload.",
        )
        changed.add_metric([], len(changes.changed_role_levels) if changes else 0)
        nodes = GaugeMetricFamily(
            "jobframe_reload_changed_nodes",
            "Canon nodes added, removed and changed by the last successful reload.",
            labels=["change"],
        )
        counts = changes.counts if changes else None
        for label in ("added", "removed", "changed"):
            nodes.add_metric([label], getattr(counts, label) if counts else 0)
        total = CounterMetricFamily(
            "jobframe_reload_role_level_changes",
            "Role-levels whose frames changed, summed over every reload of this process.",
        )
        total.add_metric([], self.holder.changed_role_levels)
        yield from (changed, nodes, total)


class CacheCollector(Collector):
    """The bytes each cache holds and its bound, and their sum, read at each scrape."""

    def __init__(self, responses: ResponseCache | None) -> None:
        self.responses = responses

    def collect(self) -> Iterator[Metric]:
        sizes = dict(cache_bytes())
        responses = self.responses
        sizes["response"] = (0, 0) if responses is None else (responses.size, responses.max_bytes)
        held = GaugeMetricFamily(
            "jobframe_cache_bytes", "Bytes held by each cache, as it counts them.", labels=["cache"]
        )
        bound = GaugeMetricFamily(
            "jobframe_cache_max_bytes", "The byte bound of each cache.", labels=["cache"]
        )
        for name, (size, max_bytes) in sorted(sizes.items()):
            held.add_metric([name], size)
            bound.add_metric([name], max_bytes)
        total = GaugeMetricFamily("jobframe_caches_bytes", "Bytes held by all caches together.")
        total.add_metric([], sum(size for size, _ in sizes.values()))
        yield from (held, bound, total)


class Observability:
    """ASGI middleware: request id, JSON access log line, request metrics."""

    def __init__(
        self,
        app: ASGIApp,
        holder: CanonHolder,
        registry: CollectorRegistry,
        routes: Sequence[BaseRoute],
    ) -> None:
        self.app = app
        self.holder = holder
        self.routes = routes
        """The app's routes, which name the operation of a request other than GraphQL."""
        self.requests = Counter(
            "jobframe_requests",
            "Requests by operation and outcome.",
            ["operation", "outcome"],
            registry=registry,
        )
        self.latency = Histogram(
            "jobframe_request_duration_seconds",
            "Request latency.",
            ["operation"],
            registry=registry,
        )
        self._operations: set[str] = set()
        self._child = functools.cache(self.requests.labels)
        self._timer = functools.cache(self.latency.labels)
        """Each label set's child metric, looked up once: `labels()` costs more than the
        increment (bounded: operations are capped at MAX_OPERATION_LABELS)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        route = route_label(self.routes, scope)  # before routing rewrites the scope's paths
        pin_served(scope, self.holder.current)
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _SAFE_ID.match(given) else os.urandom(16).hex()
        body = bytearray()
        status = 500

        async def tee_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request" and len(body) < 1_000_000:
                body.extend(message.get("body", b""))
            return message

        async def tee_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                headers.append((b"x-request-id", request_id.encode()))
                headers.append((_VERSION_HEADER, _answering_version(scope)))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, tee_receive, tee_send)
        finally:
            duration = time.perf_counter() - start
            operation = route if route != GRAPHQL else self._graphql_operation(scope, bytes(body))
            outcome = _outcome(status, has_errors(scope), client_gone(scope))
            self._child(operation, outcome).inc()
            self._timer(operation).observe(duration)
            access_log.info(
                "request",
                extra={
                    "fields": {
                        "request_id": request_id,
                        "method": scope["method"],
                        "path": scope["path"],
                        "operation": operation,
                        "status": status,
                        "outcome": outcome,
                        "duration_ms": round(duration * 1000, 3),
                        "canon_version": served_of(scope).canon.version,
                    }
                },
            )

    def _graphql_operation(self, scope: Scope, body: bytes) -> str:
        name = _operation_name(scope, body)
        if not name:
            return "anonymous"
        if name not in self._operations and len(self._operations) >= MAX_OPERATION_LABELS:
            return "other"
        self._operations.add(name)
        return name


GRAPHQL = "/graphql"
"""The route whose requests are labelled by their operation's name instead."""


def route_label(routes: Sequence[BaseRoute], scope: Scope) -> str:
    """The route of the app that serves the request (`/canon/*` for `/canon/{path:path}`, a
    mount's path then `/*`), never the raw path: clients choose paths, and a label per path
    would grow the metrics without bound. A route found for another method counts as it."""
    for route in routes:
        match, _ = route.matches(scope)
        if match is Match.NONE:
            continue
        if isinstance(route, Mount):
            return f"{route.path}/*"
        path: str = getattr(route, "path", "")
        return f"{path[: path.index('{')]}*" if "{" in path else path
    return "other"


def _answering_version(scope: Scope) -> bytes:
    """The canon the request started on (GraphQL pins the one it answers from)."""
    return served_of(scope).canon.version.encode()


def _operation_name(scope: Scope, body: bytes) -> str | None:
    name: object = None
    if scope["method"] == "GET":
        if b"operationName=" not in scope["query_string"]:
            return None
        names = parse_qs(scope["query_string"].decode("latin-1")).get("operationName", [])
        name = names[0] if names else None
    elif body:
        try:
            parsed = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        name = parsed.get("operationName") if isinstance(parsed, dict) else None
    return name if isinstance(name, str) and _SAFE_OPERATION.match(name) else None


def _outcome(status: int, errors: bool, gone: bool) -> str:
    if gone:
        return "client_gone"  # its work was cancelled; whatever it answered, nobody read it
    if status >= 500:
        return "error"
    if status >= 400:
        return "refused"
    return "graphql_error" if errors else "ok"
