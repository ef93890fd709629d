"""A source's version, cheaply, to tell whether a canon changed since it was last read.

Replicas poll it (`web/sync.py`) instead of reading and checking the whole canon. For files
it is `content_digest` of the vocabulary and the canon files, the very digest a check
records (`CheckReport.content`), each file rehashed only when its size or modification time
changed. For a SPARQL endpoint it is one aggregate query, answered in one scan of the store:
the number of triples and two sums of hash digits over them, which any edit changes but for
a chance of 2^-48.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import stat
from pathlib import Path

from ..findings import CanonError
from ..inputs import Bound, InputRefused
from ..resources import VOCABULARY_FILE
from .endpoint_reads import post_query
from .sparql import SparqlEndpoint
from .turtle import MAX_FILE_BYTES, TurtleFiles, turtle_files

PROBE_SECONDS = 10.0
"""Wall-clock seconds for the whole version answer (or the endpoint's `seconds`, if less)."""
PROBE_MAX_BYTES = 100_000
"""The version answer is one row of three numbers; anything near this is not one."""

_HEX = "0123456789abcdef"


def _digits(hash_variable: str, start: int, count: int) -> str:
    """A SPARQL integer from `count` hex digits of a hash, from `start` (1-based)."""
    digit = 'STRLEN(STRBEFORE("{hex}", SUBSTR({var}, {at}, 1))) * {weight}'
    terms = [
        digit.format(hex=_HEX, var=hash_variable, at=start + i, weight=16 ** (count - 1 - i))
        for i in range(count)
    ]
    return " + ".join(terms)


VERSION_QUERY = f"""SELECT (COUNT(*) AS ?triples) (SUM(?a) AS ?first) (SUM(?b) AS ?second)
WHERE {{
  ?s ?p ?o .
  BIND(MD5(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o), " ",
       IF(isLiteral(?o), CONCAT(LANG(?o), "^", STR(DATATYPE(?o))), ""))) AS ?h)
  BIND({_digits("?h", 1, 6)} AS ?a)
  BIND({_digits("?h", 7, 6)} AS ?b)
}}"""
"""Order-independent and small to answer: a triple's MD5 read as two 24-bit numbers, summed.
Blank nodes have no string form; their triples count but add nothing to the sums."""


class ProbeError(Exception):
    """The source's version could not be read (the endpoint is down or answers nonsense)."""


class SourceProbe:
    """Reads a source's version; keeps each file's hash while its size and time are unchanged."""

    def __init__(self, source: Path | TurtleFiles | SparqlEndpoint) -> None:
        self.source = source
        self._hashes: dict[Path, tuple[tuple[int, int, int], bytes]] = {}

    def version(self) -> str:
        """The version now; ProbeError when it cannot be read. Blocking: call it in a thread."""
        if isinstance(self.source, SparqlEndpoint):
            return _endpoint_version(self.source)
        try:
            files = [VOCABULARY_FILE, *turtle_files(self.source)]
        except CanonError as error:
            return "unreadable:" + hashlib.sha256(str(error.findings).encode()).hexdigest()
        digest = hashlib.sha256()
        hashes = {}
        for path in files:
            hashes[path] = self._hash(path)
            digest.update(_name(path) + b"\0" + hashes[path][1])
        self._hashes = hashes
        return digest.hexdigest()

    def _hash(self, path: Path) -> tuple[tuple[int, int, int], bytes]:
        """A file's hash; a FIFO, a device or a file too large to check is never read (a
        check refuses it): its version is its kind, size and time."""
        try:
            info = path.stat()
            stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
            known = self._hashes.get(path)
            if known is not None and known[0] == stamp:
                return known
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                return stamp, hashlib.sha256(repr((info.st_mode, stamp)).encode()).digest()
            return stamp, hashlib.sha256(path.read_bytes()).digest()
        except OSError as error:
            return (-1, -1, -1), hashlib.sha256(str(error).encode()).digest()


def _name(path: Path) -> bytes:
    """The path as `content_digest` names it; a link loop keeps its own name."""
    try:
        return os.fsencode(path.resolve())
    except (OSError, RuntimeError):
        return os.fsencode(path.absolute())


def _endpoint_version(endpoint: SparqlEndpoint) -> str:
    bound = Bound(
        "the SPARQL endpoint's version answer",
        PROBE_MAX_BYTES,
        min(PROBE_SECONDS, endpoint.seconds),
    )
    try:
        body = b"".join(
            post_query(endpoint.url, VERSION_QUERY, "application/sparql-results+json", bound)
        )
        row = json.loads(body)["results"]["bindings"][0]
        values = [row.get(name, {}).get("value", "") for name in ("triples", "first", "second")]
    except (
        InputRefused,
        OSError,
        http.client.HTTPException,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        AttributeError,
    ) as error:
        raise ProbeError(f"{endpoint}: cannot read the version: {error}") from error
    return "sparql:" + ":".join(values)
