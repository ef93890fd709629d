"""Where a canon comes from: Turtle files or a SPARQL endpoint, read into one RDF store.

The first stage of the flow. Nothing here knows about frames or GraphQL; reading problems
are findings, so the checks can report them with everything else.
"""

from __future__ import annotations

from pathlib import Path

from .git import GitRevision, git_folder, parse_git
from .graphs import FileChanges, FileGraphs
from .index import TripleIndex
from .probe import ProbeError, SourceProbe
from .sourcemap import SourceMap
from .sparql import ANSWER_SECONDS as SPARQL_ANSWER_SECONDS
from .sparql import MAX_ANSWER_BYTES as SPARQL_ANSWER_BYTES
from .sparql import SparqlEndpoint, parse_sparql, read_sparql
from .turtle import Reading, TurtleFiles, content_digest, read_file, read_turtle, turtle_files
from .version import VersionLines, canon_version

CanonSource = Path | TurtleFiles | SparqlEndpoint
"""A folder of Turtle files, a list of them, or a SPARQL endpoint holding the same triples."""


def parse_source(value: str) -> CanonSource:
    """`sparql+http(s)://…` names an endpoint; anything else a folder. ValueError if malformed."""
    return parse_sparql(value) or Path(value)


__all__ = [
    "SPARQL_ANSWER_BYTES",
    "SPARQL_ANSWER_SECONDS",
    "CanonSource",
    "FileChanges",
    "FileGraphs",
    "GitRevision",
    "ProbeError",
    "Reading",
    "SourceMap",
    "SourceProbe",
    "SparqlEndpoint",
    "TripleIndex",
    "TurtleFiles",
    "VersionLines",
    "canon_version",
    "content_digest",
    "git_folder",
    "parse_git",
    "parse_source",
    "read_file",
    "read_sparql",
    "read_turtle",
    "turtle_files",
]
