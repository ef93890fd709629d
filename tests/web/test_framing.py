"""HTTP/1.1 framing, against the real `jobframe serve` over raw sockets: a request whose
length is ambiguous (RFC 9112 section 6.3) is answered 400 and its connection closed, on
every route, since a proxy in front may have framed it differently (request smuggling); a
body declared over `--max-body-bytes` under `Expect: 100-continue` is refused at once,
without `100 Continue` and without reading it."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.servers import jobframe_serve

MAX_BODY = 1000
WAIT = 10.0
"""Seconds a refused connection may take to be answered and closed on a noisy machine."""
QUERY = b'{"query": "{ __typename }"}'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with jobframe_serve(log, "--max-body-bytes", str(MAX_BODY)) as url:
        parts = urlsplit(url)
        assert parts.hostname and parts.port
        yield parts.hostname, parts.port


def _exchange(address: tuple[str, int], sent: bytes) -> tuple[bytes, bool]:
    """What the server answers to `sent`, and whether it then closed the connection."""
    with socket.create_connection(address) as sock:
        sock.sendall(sent)
        sock.settimeout(WAIT)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except TimeoutError:
            return received, False
        return received, True


def _head(method: str, path: str, *headers: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: x", *headers, "", ""]
    return "\r\n".join(lines).encode()


AMBIGUOUS = {
    "content-length and chunked": (
        "Content-Type: application/json",
        f"Content-Length: {len(QUERY)}",
        "Transfer-Encoding: chunked",
    ),
    "two equal content-lengths": (
        "Content-Type: application/json",
        f"Content-Length: {len(QUERY)}",
        f"Content-Length: {len(QUERY)}",
    ),
    "two different content-lengths": (
        "Content-Type: application/json",
        f"Content-Length: {len(QUERY)}",
        f"Content-Length: {len(QUERY) + 1}",
    ),
    "a transfer-encoding other than chunked": (
        "Content-Type: application/json",
        "Transfer-Encoding: gzip, chunked",
    ),
    "chunked twice": ("Content-Type: application/json", "Transfer-Encoding: chunked, chunked"),
    "an obs-fold line": (
        "Content-Type: application/json",
        "X-Folded: a",
        " b",
        f"Content-Length: {len(QUERY)}",
    ),
}


@pytest.mark.parametrize("path", ["/graphql", "/healthz", "/admin/reload"])
@pytest.mark.parametrize("case", sorted(AMBIGUOUS))
def test_a_request_of_ambiguous_length_is_refused_and_its_connection_closed(
    server: tuple[str, int], case: str, path: str
) -> None:
    chunked = f"{len(QUERY):x}\r\n".encode() + QUERY + b"\r\n0\r\n\r\n"
    sent = _head("POST", path, *AMBIGUOUS[case]) + (chunked if "chunked" in case else QUERY)
    received, closed = _exchange(server, sent + _head("GET", "/healthz"))
    assert received.startswith(b"HTTP/1.1 400 "), received[:200]
    assert received.count(b"HTTP/1.1 ") == 1, "the pipelined request after it was answered"
    assert closed


def test_an_oversized_body_announced_with_expect_is_refused_before_it_is_sent(
    server: tuple[str, int],
) -> None:
    declared = 64 * 2**20
    head = _head(
        "POST",
        "/graphql",
        "Content-Type: application/json",
        f"Content-Length: {declared}",
        "Expect: 100-continue",
    )
    start = time.monotonic()
    received, closed = _exchange(server, head)
    assert received.startswith(b"HTTP/1.1 413 "), received[:200]
    assert b"100 Continue" not in received
    assert b"BODY_TOO_LARGE" in received
    assert closed and time.monotonic() - start < WAIT


def test_a_body_within_the_limit_announced_with_expect_is_still_answered(
    server: tuple[str, int],
) -> None:
    head = _head(
        "POST",
        "/graphql",
        "Content-Type: application/json",
        f"Content-Length: {len(QUERY)}",
        "Expect: 100-continue",
        "Connection: close",
    )
    with socket.create_connection(server) as sock:
        sock.sendall(head)
        sock.settimeout(WAIT)
        assert sock.recv(65536).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(QUERY)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    assert received.startswith(b"HTTP/1.1 200 "), received[:200]
    assert b"__typename" in received


def test_a_plain_chunked_request_is_still_answered(server: tuple[str, int]) -> None:
    chunked = f"{len(QUERY):x}\r\n".encode() + QUERY + b"\r\n0\r\n\r\n"
    head = _head(
        "POST",
        "/graphql",
        "Content-Type: application/json",
        "Transfer-Encoding: chunked",
        "Connection: close",
    )
    received, closed = _exchange(server, head + chunked)
    assert received.startswith(b"HTTP/1.1 200 "), received[:200]
    assert closed


CHUNKED_HEAD = _head(
    "POST", "/graphql", "Content-Type: application/json", "Transfer-Encoding: chunked"
)
BARE_LF = {
    "in the head, hiding a second content-length": (
        b"POST /graphql HTTP/1.1\nHost: x\nContent-Type: application/json\n"
        + f"Content-Length: {len(QUERY)}\nContent-Length: {len(QUERY)}\n\n".encode()
        + QUERY
    ),
    "after the first chunk size": CHUNKED_HEAD + f"{len(QUERY):x}\n".encode() + QUERY,
    "after a later chunk size": CHUNKED_HEAD + b"1\r\n{\r\n" + f"{len(QUERY) - 1:x}\n".encode(),
    "in the trailer": CHUNKED_HEAD + f"{len(QUERY):x}\r\n".encode() + QUERY + b"\r\n0\r\nX: 1\n",
}


@pytest.mark.parametrize("case", sorted(BARE_LF))
def test_a_line_ending_in_a_bare_lf_is_refused_at_once(server: tuple[str, int], case: str) -> None:
    """One line-ending rule for the head and the chunked framing: before, h11 took bare-LF
    header lines (and the duplicate length they hid) but waited the body timeout for a
    chunk size ended by one."""
    received, closed = _exchange(server, BARE_LF[case])
    assert received.startswith(b"HTTP/1.1 400 "), received[:200]
    assert b"bare LF" in received
    assert closed


def test_chunk_data_may_hold_bare_lfs(server: tuple[str, int]) -> None:
    query = b'{"query":\n"{ __typename }"}'
    chunked = f"{len(query):x}\r\n".encode() + query + b"\r\n0\r\n\r\n"
    received, _ = _exchange(server, CHUNKED_HEAD[:-2] + b"Connection: close\r\n\r\n" + chunked)
    assert received.startswith(b"HTTP/1.1 200 "), received[:200]
    assert b"__typename" in received
