"""GraphQL over HTTP: what every GraphQL request goes through before and after Strawberry.

In order: the request body is bounded (`BODY_TOO_LARGE`, 413); the ETag is made of the canon
version and a digest of the request and of the served state (`Served.state`: the version
and the last reload's outcome); a response cached for this state is reused
(`response_cache.py`), else a malformed request is refused (400, `graphql_request.py`) or
runs within its time budget. `validators.py` then decides from the answer's typed outcome:
a good answer carries the ETag and the configured `Cache-Control`, and a matching
`If-None-Match` gets `304 Not Modified`; an answer with errors, a spent budget or this
process's load or reload time has no ETag, says `no-store` and is never a 304.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import MutableMapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api import ErrorCode, Limits, watching_replica_fields
from ..budget import Budget, budget
from ..canon import lookup
from ..loading import CanonHolder
from .graphql_request import refusal
from .negotiation import accepted_languages
from .request_scope import outcome_of, pin_served, set_client_gone, set_errors, set_language
from .response_cache import CachedResponse, ResponseCache
from .validators import caching_headers, not_modified

TIME_BUDGET_EXCEEDED = ErrorCode.TIME_BUDGET_EXCEEDED.value
"""The code of the one error a spent answer keeps."""


def _header(scope: Scope, name: bytes) -> bytes:
    return next((v for k, v in scope["headers"] if k == name), b"")


def _asks_for_the_ide(scope: Scope) -> bool:
    """A GET without a `query` parameter: GraphiQL for a browser, else Strawberry's 400.
    Every request that carries a query goes through the limits, whatever it accepts."""
    if scope["method"] != "GET":
        return False
    query_string: bytes = scope["query_string"]
    if query_string.startswith(b"query=") or b"&query=" in query_string:
        return False  # the usual spelling, found without decoding the whole query string
    try:
        return "query" not in parse_qs(scope["query_string"].decode("utf-8", "strict"))
    except UnicodeDecodeError:
        return False


GRAPHQL_RESPONSE = b"application/graphql-response+json"


class GraphQLHTTP:
    """ASGI wrapper around the GraphQL view.

    Refuses oversized bodies (413), runs the request within its time budget, and adds ETag,
    Cache-Control, 304 and the response cache. A client that accepts
    `application/graphql-response+json` gets 400 for a request that produced no data (a
    parse or validation failure, a spent budget), as the GraphQL-over-HTTP spec says.
    """

    def __init__(
        self,
        view: ASGIApp,
        holder: CanonHolder,
        cache: ResponseCache | None,
        cache_control: str,
        limits: Limits,
        default_language: str | None = None,
    ) -> None:
        self.view = view
        self.default_language = default_language
        self.holder = holder
        self.cache = cache
        self.cache_control = cache_control.encode()
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        served = self.holder.current
        pin_served(scope, served)
        if scope["type"] != "http" or _asks_for_the_ide(scope):
            await self.view(scope, receive, send)
            return
        if scope["method"] not in ("GET", "POST"):
            message = "GraphQL requests are GET or POST"
            allow = [(b"allow", b"GET, POST")]
            await _send(send, 405, _error_body(ErrorCode.BAD_REQUEST, message), allow)
            return
        body = await _read_body(receive, self.limits.max_body_bytes)
        if body is None:
            message = f"the request body is larger than {self.limits.max_body_bytes} bytes"
            await _send(send, 413, _error_body(ErrorCode.BODY_TOO_LARGE, message), [])
            return
        content_type = _header(scope, b"content-type")
        version, state = served.canon.version, served.state
        asked = accepted_languages(_header(scope, b"accept-language").decode("latin-1"))
        language = lookup(served.canon.languages, asked) or self.default_language
        set_language(scope, language)
        request = hashlib.sha256(
            b"\0".join(
                (
                    state.encode(),
                    (language or "").encode(),
                    scope["method"].encode(),
                    scope["query_string"],
                    content_type,
                    body,
                )
            )
        ).hexdigest()[:16]
        etag = f'"{version}-{request}"'.encode()
        # A cached answer was made for these very request bytes, so they were not refused:
        # only a miss checks them (parsing a GET's query string is most of a hit's time).
        cached = self.cache.get(state, request) if self.cache is not None else None
        if cached is None:
            refused = refusal(scope["method"], scope["query_string"], content_type, body)
            if refused is not None:
                await _send(send, 400, _error_body(ErrorCode.BAD_REQUEST, refused), [])
                return
            cached = await self._run(scope, receive, body)
            if self.cache is not None and cached.status == 200 and cached.outcome.reusable:
                self.cache.put(state, request, cached)
        set_errors(scope, cached.outcome.errors)
        caching = caching_headers(cached.outcome, cached.status, etag, self.cache_control)
        if not_modified(cached.outcome, cached.status, etag, scope["headers"]):
            await _send(send, 304, b"", list(caching))
            return
        status, headers = (
            cached.status,
            [
                *(h for h in cached.headers if h[0] not in (b"etag", b"cache-control", b"vary")),
                *caching,
            ],
        )
        if GRAPHQL_RESPONSE in _header(scope, b"accept") and status == 200:
            status, headers = _graphql_response(cached.body, headers)
        await _send(send, status, cached.body, headers)

    async def _run(self, scope: Scope, receive: Receive, body: bytes) -> CachedResponse:
        """The view's answer within the request's budget, with its typed outcome: what the
        view recorded of its execution, and whether it read this process's own time."""
        with budget(self.limits.time_budget) as opened, watching_replica_fields() as own:
            watcher = asyncio.create_task(_cancel_on_disconnect(scope, receive, opened))
            try:
                answer = await _capture(self.view, scope, body)
            finally:
                watcher.cancel()
        if 400 <= answer.status < 500 and not _is_json(answer.headers):
            answer = _coded(answer)
        outcome = outcome_of(scope)
        answer = replace(answer, outcome=replace(outcome, local=outcome.local or bool(own)))
        return _spent(answer) if answer.outcome.spent else answer


def _graphql_response(
    body: bytes, headers: list[tuple[bytes, bytes]]
) -> tuple[int, list[tuple[bytes, bytes]]]:
    """Status and headers under `application/graphql-response+json`."""
    try:
        data = orjson.loads(body).get("data")
    except (orjson.JSONDecodeError, AttributeError):
        return 200, headers
    typed = [h for h in headers if h[0] != b"content-type"]
    typed.append((b"content-type", GRAPHQL_RESPONSE))
    return (400 if data is None else 200), typed


def _is_json(headers: tuple[tuple[bytes, bytes], ...]) -> bool:
    return any(k == b"content-type" and b"json" in v for k, v in headers)


def _coded(response: CachedResponse) -> CachedResponse:
    """Strawberry's plain-text refusals ("Unsupported content type", "Unknown operation
    named …") as a coded GraphQL error, like every other answer a client gets."""
    message = response.body.decode("utf-8", "replace").strip() or "bad request"
    kept = tuple(h for h in response.headers if h[0] not in (b"content-type", b"content-length"))
    body = _error_body(ErrorCode.BAD_REQUEST, message)
    return replace(response, headers=(*kept, (b"content-type", b"application/json")), body=body)


def _spent(response: CachedResponse) -> CachedResponse:
    """A request that ran out of time answers one error and no data, and is never cached."""
    try:
        errors = orjson.loads(response.body).get("errors") or []
    except (orjson.JSONDecodeError, AttributeError):
        return response
    spent = [e for e in errors if (e.get("extensions") or {}).get("code") == TIME_BUDGET_EXCEEDED]
    if not spent:
        return response
    return replace(response, body=orjson.dumps({"data": None, "errors": spent[:1]}))


def _error_body(code: ErrorCode, message: str) -> bytes:
    return orjson.dumps({"errors": [{"message": message, "extensions": {"code": code.value}}]})


async def _send(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    headers = [h for h in headers if h[0] != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    if not any(h[0] == b"content-type" for h in headers):
        headers.append((b"content-type", b"application/json"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None as soon as it grows past `limit` bytes."""
    chunks = []
    size = 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            await _discard(receive, message, size)
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


DISCARD_BYTES = 64 * 2**20
"""How much of an oversized body is read and thrown away before the 413 is sent."""


async def _discard(receive: Receive, message: Message, size: int) -> None:
    """Read the rest of an oversized body (up to DISCARD_BYTES) without keeping it.

    A client that sends its whole body before reading the answer (Python's urllib, curl
    without Expect) would otherwise see its connection reset instead of the 413.
    """
    while message.get("more_body", False) and size <= DISCARD_BYTES:
        message = await receive()
        size += len(message.get("body", b""))


async def _cancel_on_disconnect(scope: Scope, receive: Receive, opened: Budget) -> None:
    """Cancel the request's work as soon as its client disconnects: the body has been read,
    so the next message the server has for this request is the disconnect."""
    while (await receive())["type"] != "http.disconnect":
        pass
    opened.cancelled = True
    set_client_gone(scope)


def _exact(chunks: list[bytes]) -> bytes:
    """The body in an object of its own size: orjson's output keeps a 4 KB buffer, which a
    cached 31-byte answer would otherwise hold for as long as it is cached."""
    return bytes(memoryview(chunks[0])) if len(chunks) == 1 else b"".join(chunks)


async def _capture(app: ASGIApp, scope: Scope, body: bytes) -> CachedResponse:
    """Run the app on a request whose body was already read, and keep its whole response."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    start: MutableMapping[str, Any] = {}
    chunks: list[bytes] = []

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return CachedResponse(
        status=int(start.get("status", 500)),
        headers=tuple((bytes(k), bytes(v)) for k, v in start.get("headers", [])),
        body=_exact(chunks),
    )
