"""One bounded exchange with a SPARQL endpoint: a POSTed query, its answer as bounded chunks.

The CONSTRUCT that reads the canon and the version probe both come here, so both are bounded
in bytes and in wall-clock time for the whole exchange (connecting, the answer's headers and
its body), never per socket read: an endpoint sending one byte every five seconds is cut at
the deadline. The body goes through `inputs.read_chunks` with the socket's timeout set to
the time left before each read; the headers, which `http.client` reads itself, are cut by a
timer that shuts the socket at the deadline. Nothing past the byte bound is held. This is
the service's only HTTP client: callers see `InputRefused` or `OSError`, never `http.client`.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.parse
from collections.abc import Generator
from dataclasses import replace

from ..errors import JobFrameError
from ..inputs import Bound, InputTooSlow, read_chunks


class EndpointError(JobFrameError, OSError):
    """The endpoint answered, but not with a usable answer (an HTTP error status, or
    something `http.client` cannot read as HTTP)."""


def post_query(url: str, query: str, accept: str, bound: Bound) -> Generator[bytes, None, None]:
    """The endpoint's answer to `query`, chunk by chunk, within `bound` (InputRefused beyond;
    OSError, EndpointError among them, when it cannot be read)."""
    try:
        yield from _exchange(url, query, accept, bound)
    except http.client.HTTPException as error:
        raise EndpointError(str(error)) from error


def _exchange(url: str, query: str, accept: str, bound: Bound) -> Generator[bytes, None, None]:
    deadline = time.monotonic() + bound.seconds
    parts = urllib.parse.urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname or "", parts.port, timeout=bound.seconds)
    cut = threading.Event()
    try:
        connection.connect()
        sock = connection.sock
        assert isinstance(sock, socket.socket)
        timer = threading.Timer(max(deadline - time.monotonic(), 0), _shut, (sock, cut))
        timer.daemon = True
        timer.start()
        try:
            connection.request(
                "POST",
                urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, "")),
                body=urllib.parse.urlencode({"query": query}).encode(),
                headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
            )
            response = connection.getresponse()
            if cut.is_set():  # cut short, what was read may look like a whole answer
                raise InputTooSlow(bound)
        except (OSError, http.client.HTTPException) as error:
            if cut.is_set():
                raise InputTooSlow(bound) from error
            raise
        finally:
            timer.cancel()
        if response.status != 200:
            raise EndpointError(f"HTTP {response.status} {response.reason}")
        left = replace(bound, seconds=max(deadline - time.monotonic(), 0.001))
        try:
            yield from read_chunks(response.read1, left, sock.settimeout)
        except InputTooSlow as error:
            raise InputTooSlow(bound) from error
    finally:
        connection.close()


def _shut(sock: socket.socket, cut: threading.Event) -> None:
    """At the deadline: end whatever read `http.client` is blocked in."""
    cut.set()
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
