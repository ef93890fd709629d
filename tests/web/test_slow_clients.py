"""Slow clients, against the real `jobframe serve`: a connection that does not finish a
request's headers within `--header-timeout`, or its body within `--body-timeout` of the
headers, is answered 408 (or, if it sent nothing, closed) and never held open."""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx2
import pytest

from tests.servers import jobframe_serve

HEADER_TIMEOUT = 0.5
BODY_TIMEOUT = 3.0
MARGIN = 2.0
"""How late a deadline may fire on a noisy machine and still pass."""

PARTIAL_HEADERS = b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
PARTIAL_BODY = (
    b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Content-Length: 1000\r\n\r\n" + b"{" * 10
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    timeouts = ("--header-timeout", str(HEADER_TIMEOUT), "--body-timeout", str(BODY_TIMEOUT))
    with jobframe_serve(log, *timeouts) as url:
        yield url


def _address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    assert parts.hostname and parts.port
    return parts.hostname, parts.port


def _until_closed(sock: socket.socket, wait: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes, and the seconds that took; fails if
    the connection is still open after `wait` seconds."""
    start = time.monotonic()
    sock.settimeout(wait)
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except TimeoutError:
        pytest.fail(f"the connection was still open after {wait} s (received {received!r})")
    return received, time.monotonic() - start


def _slow(url: str, sent: bytes) -> socket.socket:
    sock = socket.create_connection(_address(url))
    sock.sendall(sent)
    return sock


def test_unfinished_headers_are_answered_408_and_closed(server: str) -> None:
    with _slow(server, PARTIAL_HEADERS) as sock:
        received, waited = _until_closed(sock, HEADER_TIMEOUT + MARGIN + 5)
    assert received.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert b"connection: close" in received.lower()
    assert waited < HEADER_TIMEOUT + MARGIN


def test_a_connection_that_sends_nothing_is_closed_without_an_answer(server: str) -> None:
    with _slow(server, b"") as sock:
        received, waited = _until_closed(sock, HEADER_TIMEOUT + MARGIN + 5)
    assert received == b""
    assert waited < HEADER_TIMEOUT + MARGIN


def test_an_unfinished_body_is_answered_408_after_the_body_timeout(server: str) -> None:
    with _slow(server, PARTIAL_BODY) as sock:
        received, waited = _until_closed(sock, BODY_TIMEOUT + MARGIN + 5)
    assert received.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert BODY_TIMEOUT - 0.1 <= waited < BODY_TIMEOUT + MARGIN


def test_kept_alive_requests_work_and_each_next_request_is_timed_again(server: str) -> None:
    connection = http.client.HTTPConnection(*_address(server), timeout=10)
    connection.request("GET", "/healthz")
    first = connection.getresponse()
    assert (first.status, first.read()[:1]) == (200, b"{")
    sock = connection.sock
    connection.request(
        "POST",
        "/graphql",
        body=b'{"query": "{ __typename }"}',
        headers={"Content-Type": "application/json"},
    )
    second = connection.getresponse()
    assert second.status == 200
    assert json.loads(second.read())["data"] == {"__typename": "Query"}
    assert connection.sock is sock, "both requests went over one connection"
    sock.sendall(PARTIAL_HEADERS)
    received, waited = _until_closed(sock, HEADER_TIMEOUT + MARGIN + 5)
    assert received.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert waited < HEADER_TIMEOUT + MARGIN
    connection.close()


def test_slow_clients_neither_stop_other_clients_nor_stay_connected(server: str) -> None:
    opened = time.monotonic()
    slow = [_slow(server, PARTIAL_BODY) for _ in range(3)]
    try:
        assert httpx2.get(f"{server}/healthz", timeout=MARGIN).status_code == 200
        answered = time.monotonic() - opened
        for sock in slow:
            received, _ = _until_closed(sock, BODY_TIMEOUT + MARGIN + 5)
            assert received.startswith(b"HTTP/1.1 408 ")
        closed = time.monotonic() - opened
    finally:
        for sock in slow:
            sock.close()
    assert answered < BODY_TIMEOUT - 0.1 <= closed, "/healthz answered while all three were open"
    assert closed < BODY_TIMEOUT + MARGIN
