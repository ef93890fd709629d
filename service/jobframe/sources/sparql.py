"""Reading the canon from a SPARQL 1.1 endpoint instead of files.

Organisations that keep their job architecture in a triple store (Oxigraph, Fuseki, GraphDB,
Neptune) name it as `--canon sparql+http://host:port/query`. The default graph is read with
one CONSTRUCT as N-Triples into the same kind of store that files are read into, so the
checks, the compiled canon and the frames are exactly those of the same triples in files.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox

from ..findings import Finding, FindingKind, Location, Severity

SCHEME = "sparql+"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class SparqlEndpoint:
    """A SPARQL query endpoint, written `sparql+http(s)://…`."""

    url: str

    def __str__(self) -> str:
        return SCHEME + self.url


def parse_sparql(value: str) -> SparqlEndpoint | None:
    """The endpoint a `--canon` value names, or None when it names a folder."""
    if not value.startswith(SCHEME):
        return None
    url = value.removeprefix(SCHEME)
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"{value!r}: a SPARQL endpoint is sparql+http://… or sparql+https://…")
    return SparqlEndpoint(url)


def read_sparql(endpoint: SparqlEndpoint, store: ox.Store) -> tuple[Finding, ...]:
    """Add the endpoint's default graph to `store`; a finding when it cannot be read."""
    request = urllib.request.Request(
        endpoint.url,
        data=urllib.parse.urlencode({"query": CONSTRUCT}).encode(),
        headers={
            "Accept": "application/n-triples",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read()
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return (_finding(endpoint, f"cannot read the canon from the SPARQL endpoint: {reason}"),)
    try:
        store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    except SyntaxError as error:
        return (_finding(endpoint, f"the endpoint answered with invalid N-Triples: {error.msg}"),)
    return ()


def _finding(endpoint: SparqlEndpoint, message: str) -> Finding:
    return Finding(
        FindingKind.SOURCE,
        Severity.ERROR,
        Location(file=str(endpoint)),
        message,
        "check that the endpoint is running, reachable and answers CONSTRUCT with N-Triples",
    )
