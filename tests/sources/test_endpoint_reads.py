"""`post_query` is the one HTTP exchange with a SPARQL endpoint: the canon's CONSTRUCT and the
version probe both go through it, and whatever the endpoint sends is an OSError or a refused
input, never an exception of the HTTP library."""

from __future__ import annotations

import ast
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest

import jobframe
from jobframe.inputs import Bound
from jobframe.sources import ProbeError, SourceProbe, SparqlEndpoint, read_sparql
from jobframe.sources.endpoint_reads import EndpointError, post_query

PACKAGE = Path(jobframe.__file__).parent
HTTP_CLIENTS = ("http.client", "urllib.request", "urllib3", "httpx", "requests", "aiohttp")


@contextmanager
def not_http() -> Iterator[str]:
    """An endpoint that answers every request with a line that is not an HTTP status line."""
    server = socket.create_server(("127.0.0.1", 0))

    def answer() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                connection.sendall(b"SPARQL? never heard of it\r\n\r\n")

    threading.Thread(target=answer, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/query"
    finally:
        server.close()


def test_an_answer_that_is_not_http_is_an_endpoint_error() -> None:
    with not_http() as url, pytest.raises(EndpointError, match="never heard of it"):
        b"".join(post_query(url, "ASK {}", "*/*", Bound("an answer", 1000, 5.0)))


def test_the_canon_read_and_the_version_probe_report_an_answer_that_is_not_http() -> None:
    with not_http() as url:
        endpoint = SparqlEndpoint(url, seconds=5.0)
        (finding,) = read_sparql(endpoint, ox.Store())
        with pytest.raises(ProbeError, match=r"cannot read the version: .*never heard of it"):
            SourceProbe(endpoint).version()
    assert finding.message.startswith("cannot read the canon from the SPARQL endpoint: ")
    assert "never heard of it" in finding.message


def test_no_module_but_endpoint_reads_imports_an_http_client() -> None:
    importing = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            if any(n == c or n.startswith(c + ".") for n in names for c in HTTP_CLIENTS):
                importing.add(path.relative_to(PACKAGE).as_posix())
    assert importing == {"sources/endpoint_reads.py"}
