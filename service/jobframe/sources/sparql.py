"""Reading the canon from a SPARQL 1.1 endpoint instead of files.

Organisations that keep their job architecture in a triple store (Oxigraph, Fuseki, GraphDB,
Neptune) name it as `--canon sparql+http://host:port/query`. The default graph is read with
one CONSTRUCT as N-Triples into the same kind of store that files are read into, so the
checks, the compiled canon and the frames are exactly those of the same triples in files.
The answer is parsed as it streams in (`endpoint_reads.post_query`), bounded in bytes and in
seconds for the whole read: it is never held twice, and never past its bound.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

import pyoxigraph as ox

from ..findings import Finding, FindingKind, Location, Severity
from ..inputs import Bound, InputRefused, chunk_stream
from .endpoint_reads import post_query

SCHEME = "sparql+"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
ANSWER_FORMAT = ox.RdfFormat.N_TRIPLES
"""What the CONSTRUCT is asked for (its media type) and parsed as: one value for both."""
MAX_ANSWER_BYTES = 1024 * 2**20
"""The CONSTRUCT answer's default bound: N-Triples run three to four times the Turtle they
come from, so this holds the largest canon `--reload-state-mb` documents (150 MiB of Turtle)
with room; the setting `sparql_max_mb` changes it."""
ANSWER_SECONDS = 120.0
"""Wall-clock seconds for the whole CONSTRUCT answer (setting `sparql_seconds`): a local
store streams 1 GiB in well under a minute; a reload holds its lock no longer than this."""


@dataclass(frozen=True, slots=True)
class SparqlEndpoint:
    """A SPARQL query endpoint, written `sparql+http(s)://…`, with the bounds of its reads."""

    url: str
    max_bytes: int = MAX_ANSWER_BYTES
    seconds: float = ANSWER_SECONDS

    def __str__(self) -> str:
        return SCHEME + self.url

    @property
    def answer_bound(self) -> Bound:
        return Bound("the SPARQL endpoint's answer", self.max_bytes, self.seconds)


def parse_sparql(value: str) -> SparqlEndpoint | None:
    """The endpoint a `--canon` value names, or None when it names a folder."""
    if not value.startswith(SCHEME):
        return None
    url = value.removeprefix(SCHEME)
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"{value!r}: a SPARQL endpoint is sparql+http://… or sparql+https://…")
    return SparqlEndpoint(url)


def read_sparql(endpoint: SparqlEndpoint, store: ox.Store) -> tuple[Finding, ...]:
    """Add the endpoint's default graph to `store`; a finding when it cannot be read (down,
    an error status, over its bound in bytes or seconds, not N-Triples); nothing is added
    then."""
    chunks = post_query(endpoint.url, CONSTRUCT, ANSWER_FORMAT.media_type, endpoint.answer_bound)
    try:
        store.load(chunk_stream(chunks), format=ANSWER_FORMAT, to_graph=ox.DefaultGraph())
    except InputRefused as error:
        return (_finding(endpoint, f"cannot read the canon from the SPARQL endpoint: {error}"),)
    except (OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        return (_finding(endpoint, f"cannot read the canon from the SPARQL endpoint: {reason}"),)
    except SyntaxError as error:
        return (_finding(endpoint, f"the endpoint answered with invalid N-Triples: {error.msg}"),)
    finally:
        chunks.close()
    return ()


def _finding(endpoint: SparqlEndpoint, message: str) -> Finding:
    return Finding(
        FindingKind.SOURCE,
        Severity.ERROR,
        Location(file=str(endpoint)),
        message,
        "check that the endpoint is running, reachable and answers CONSTRUCT with N-Triples",
    )
