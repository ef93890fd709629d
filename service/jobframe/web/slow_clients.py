"""Slow clients: a connection that never finishes a request's headers or body is closed.

uvicorn's `timeout_keep_alive` runs only between requests and stops at the first byte of the
next one, and nothing at all times a fresh connection, so a client that sends half a request
(slowloris) would hold its connection forever. `TimedH11Protocol` is uvicorn's h11 protocol
with two deadlines: a request's headers within `--header-timeout` of the connection opening
(or of the previous response), its body within `--body-timeout` of its headers. Its h11
connection is `framing.FramedConnection`, so every route refuses ambiguous framing the same
way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from functools import partial
from typing import Any, Literal, cast

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol, RequestResponseCycle

from ..settings import Settings
from .framing import FramedConnection

log = logging.getLogger("jobframe.http")

Waiting = Literal["headers", "body"]

_TIMEOUT_BODY = b"Request Timeout"
_TIMEOUT_HEADERS = [
    (b"content-type", b"text/plain; charset=utf-8"),
    (b"content-length", str(len(_TIMEOUT_BODY)).encode()),
    (b"connection", b"close"),
]


def http_protocol(settings: Settings) -> type[asyncio.Protocol]:
    """uvicorn's `http=`: `TimedH11Protocol` with the settings' deadlines.

    A partial of a module-level class, so it pickles to `--workers` processes; uvicorn only
    calls it with keyword arguments, so it may stand where uvicorn's type says a class.
    """
    factory = partial(
        TimedH11Protocol,
        header_timeout=settings.header_timeout,
        body_timeout=settings.body_timeout,
        max_body_bytes=settings.max_body_bytes,
    )
    return cast(type[asyncio.Protocol], factory)


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request is not complete in time.

    A timed-out client that has sent part of a request and has no response started gets
    `408 Request Timeout` with `Connection: close`; an idle one is closed silently, as
    uvicorn's keep-alive timeout does (a 408 there could race a request just being sent).
    """

    def __init__(
        self,
        *args: Any,
        header_timeout: float,
        body_timeout: float,
        max_body_bytes: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.conn = FramedConnection(max_body_bytes, self.config.h11_max_incomplete_event_size)
        self.header_timeout = header_timeout
        self.body_timeout = body_timeout
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting: Waiting | None = None
        self._timed_cycle: RequestResponseCycle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _no_delay(transport)
        self._start("headers")

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self.transport.is_closing() or self.transport.get_protocol() is not self:
            self._stop()  # answered and closing, or upgraded to another protocol
            return
        cycle = self.cycle
        if cycle is not None and cycle is not self._timed_cycle:
            self._timed_cycle = cycle  # a new request's headers are complete
            if cycle.more_body:
                self._start("body")
            else:
                self._stop()
        elif cycle is not None and self._waiting == "body" and not cycle.more_body:
            self._stop()

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request h11 refused; a refused framing gets its own status
        and coded error, and the connection is closed either way."""
        refusal = self.conn.refusal if isinstance(self.conn, FramedConnection) else None
        if refusal is None:
            super().send_400_response(msg)
            return
        body = refusal.body()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        events = [
            h11.Response(status_code=refusal.status, headers=headers),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ]
        self.transport.write(b"".join(self.conn.send(event) or b"" for event in events))
        self.transport.close()
        fields = {"peer": self._peer(), "status": refusal.status, "reason": refusal.message}
        log.info("request framing refused", extra={"fields": fields})

    def on_response_complete(self) -> None:
        # Before uvicorn's own handling, which may parse a pipelined request and re-time it.
        if not self.transport.is_closing():
            self._start("headers")
        super().on_response_complete()

    def _start(self, waiting: Waiting) -> None:
        self._stop()
        timeout = self.header_timeout if waiting == "headers" else self.body_timeout
        self._waiting = waiting
        self._deadline = self.loop.call_later(timeout, self._expired)

    def _stop(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = None
        self._waiting = None

    def _expired(self) -> None:
        waited_for = self._waiting
        self._stop()
        if self.transport.is_closing():
            return
        answered = self._answer_408()
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            cycle.disconnected = True  # the app, if running, now receives http.disconnect
            cycle.message_event.set()
        self.transport.close()
        timeout = self.header_timeout if waited_for == "headers" else self.body_timeout
        fields = {
            "peer": self._peer(),
            "waited_for": waited_for,
            "timeout_s": timeout,
            "status": 408 if answered else None,
        }
        log.info("slow client closed", extra={"fields": fields})

    def _peer(self) -> str | None:
        return f"{self.client[0]}:{self.client[1]}" if self.client else None

    def _answer_408(self) -> bool:
        """Write a 408 when no response has started and the client sent part of a request."""
        state = self.conn.our_state
        sent_part = state is h11.SEND_RESPONSE or (
            state is h11.IDLE and bool(self.conn.trailing_data[0])
        )
        if not sent_part:
            return False
        events: list[h11.Event] = [
            h11.Response(status_code=408, headers=_TIMEOUT_HEADERS, reason=b"Request Timeout"),
            h11.Data(data=_TIMEOUT_BODY),
            h11.EndOfMessage(),
        ]
        try:
            output = b"".join(self.conn.send(event) or b"" for event in events)
        except h11.LocalProtocolError:
            return False  # e.g. a HEAD request, whose answer may carry no body
        self.transport.write(output)
        return True


def _no_delay(transport: asyncio.Transport) -> None:
    """Send each response at once. uvicorn's pre-bound socket for `--workers N` leaves Nagle's
    algorithm on, so every kept-alive answer waited ~40 ms for the client's delayed ACK
    (encode/uvicorn#3149)."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
