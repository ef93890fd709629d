"""Hostile SPARQL endpoints for the tests and bench/hostile.py: real HTTP servers on
127.0.0.1 that dribble or flood.

Each answers every POST with a valid start of an N-Triples (or JSON) answer and then
misbehaves the way a broken or hostile store does: one byte at a time with pauses, or a body
that never ends. They are stopped (and their connections closed) when the block ends.
"""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

Mode = Literal["dribble", "flood", "dribble-headers"]
LINE = b"<https://x.example/s> <https://x.example/p> <https://x.example/o> .\n"


@contextmanager
def serving(
    handler: type[BaseHTTPRequestHandler], stopping: threading.Event | None = None
) -> Iterator[str]:
    """`http://127.0.0.1:PORT` of a threaded server of `handler` on a free port, until the
    block ends; then `stopping` is set, so handlers that loop on it end, and it is closed."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        if stopping is not None:
            stopping.set()
        server.shutdown()
        server.server_close()
        time.sleep(0)  # let handler threads see the stop


@contextmanager
def hostile_endpoint(mode: Mode, pause: float = 0.5) -> Iterator[str]:
    """The URL of an endpoint that misbehaves as `mode` says, until the block ends."""
    stopping = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                if mode == "dribble-headers":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    while not stopping.wait(pause):
                        self.wfile.write(b"X")
                        self.wfile.flush()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/n-triples")
                self.end_headers()
                while not stopping.is_set():
                    if mode == "flood":
                        self.wfile.write(LINE * 1000)
                    else:
                        self.wfile.write(LINE[:1])
                        self.wfile.flush()
                        stopping.wait(pause)
            except OSError:
                pass  # the client gave up: what a bounded reader does

    with serving(Handler, stopping) as url:
        yield f"{url}/query"


@contextmanager
def answering_endpoint(body: bytes, content_type: str) -> Iterator[str]:
    """The URL of an endpoint answering every POST with `body`, as a lying store would."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serving(Handler) as url:
        yield f"{url}/query"


@dataclass(frozen=True)
class TurningEndpoint:
    url: str
    turned: threading.Event
    """Set it to make the endpoint dribble from the next request on."""
    dribbled: list[float]
    """When each dribbled request came (monotonic seconds)."""


@contextmanager
def turning_endpoint(store_url: str, pause: float = 0.5) -> Iterator[TurningEndpoint]:
    """An endpoint that forwards every query to a real store at `store_url` until `turned`
    is set, then dribbles as `hostile_endpoint("dribble")` does: a service starts on a good
    canon, then meets a source that hangs."""
    turned = threading.Event()
    stopping = threading.Event()
    dribbled: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                if not turned.is_set():
                    headers = {k: self.headers[k] for k in ("Accept", "Content-Type")}
                    forwarded = urllib.request.Request(store_url, data=body, headers=headers)
                    with urllib.request.urlopen(forwarded, timeout=30) as answer:
                        data = answer.read()
                        self.send_response(answer.status)
                        self.send_header("Content-Type", answer.headers["Content-Type"])
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)
                    return
                dribbled.append(time.monotonic())
                self.send_response(200)
                self.send_header("Content-Type", "application/n-triples")
                self.end_headers()
                while not stopping.is_set():
                    self.wfile.write(LINE[:1])
                    self.wfile.flush()
                    stopping.wait(pause)
            except OSError:
                pass

    with serving(Handler, stopping) as url:
        yield TurningEndpoint(f"{url}/query", turned, dribbled)
