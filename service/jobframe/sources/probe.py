"""A source's version, cheaply, to tell whether a canon changed since it was last read.

Replicas poll it (`loading/follower.py`) instead of reading and checking the whole canon. For files
it is `content_digest` of the vocabulary and the canon files, the very digest a check
records (`CheckReport.content`), each file read as a check reads it (`inputs.opened`, with
the canon folder as `inside`) and rehashed only when its size, time or inode changed. For a
SPARQL endpoint it is one aggregate query, answered in one scan of the store: the number of
triples and two sums of hash digits over them, which any edit changes but for a chance of
2^-48.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import orjson

from ..errors import JobFrameError
from ..findings import CanonError
from ..inputs import CANON_FILE, Bound, InputRefused, opened, read_chunks
from ..resources import VOCABULARY_FILE
from .endpoint_reads import post_query
from .sparql import SparqlEndpoint
from .turtle import TurtleFiles, turtle_files

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


class ProbeError(JobFrameError):
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
        folder = self.source if isinstance(self.source, Path) else None
        digest = hashlib.sha256()
        hashes = {}
        for path in files:
            hashes[path] = self._hash(path, None if path == VOCABULARY_FILE else folder)
            digest.update(_name(path) + b"\0" + hashes[path][1])
        self._hashes = hashes
        return digest.hexdigest()

    def _hash(self, path: Path, inside: Path | None) -> tuple[tuple[int, int, int], bytes]:
        """A file's hash, read as a check reads it (`inputs.opened`: opened once, checked on
        its descriptor, inside the canon folder, within its bound) and kept while the
        opened file's size, time and inode are unchanged. A file the reader refuses (a FIFO,
        one too large, one leading outside the folder) is never read: its version is why."""
        try:
            with opened(path, CANON_FILE, inside) as file:
                info = os.fstat(file.fileno())
                stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
                known = self._hashes.get(path)
                if known is not None and known[0] == stamp:
                    return known
                digest = hashlib.sha256()
                for chunk in read_chunks(file.read, CANON_FILE):
                    digest.update(chunk)
                return stamp, digest.digest()
        except (InputRefused, OSError) as error:
            why = f"{type(error).__name__} {error}"
            return (-1, -1, -1), hashlib.sha256(why.encode()).digest()


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
        values = _version_values(orjson.loads(body))  # orjson: nesting stops at 1,024
    except (InputRefused, OSError, ValueError) as error:
        raise ProbeError(f"{endpoint}: cannot read the version: {error}") from error
    return "sparql:" + ":".join(values)


def _version_values(answer: object) -> list[str]:
    """The three values of the version query's one row; ValueError for any other shape a
    store (or something posing as one) may send, so that it is a ProbeError, logged once."""
    try:
        row = answer["results"]["bindings"][0]  # type: ignore[index]
    except (KeyError, IndexError, TypeError) as error:
        raise ValueError(f"no result row ({error!r})") from None
    if not isinstance(row, dict):
        raise ValueError("the result row is not an object")
    values = [row.get(name, {}) for name in ("triples", "first", "second")]
    texts = [v.get("value", "") if isinstance(v, dict) else v for v in values]
    if not all(isinstance(t, str) for t in texts):
        raise ValueError("a value of the result row is not a string")
    return texts
