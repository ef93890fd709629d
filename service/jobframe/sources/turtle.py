"""Reading Turtle files into one RDF store, with syntax errors that name file, line and column.

pyoxigraph parses each file in its own transaction: a file with a syntax error adds nothing,
and the other files are still read, so every broken file is reported in one pass.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PosixPath
from typing import NamedTuple

import pyoxigraph as ox

from ..findings import CanonError, Finding, FindingKind, Location, Severity
from ..inputs import (
    CANON_FILE,
    InputTooLarge,
    InputTooSlow,
    NotARegularFile,
    OutsideFolder,
)
from ..inputs import read_file as read_bounded


@dataclass(frozen=True, slots=True)
class TurtleFiles:
    """A canon given as a list of Turtle files rather than a folder (the Python API's)."""

    paths: tuple[Path, ...]

    def __str__(self) -> str:
        return ", ".join(str(p) for p in self.paths)


class CanonFile(PosixPath):
    """A Turtle file found by walking a canon folder, which it names, so that its reader
    checks the opened file is inside that folder (not only the path the walk saw)."""

    folder: Path | None = None

    @classmethod
    def found_in(cls, path: Path, folder: Path) -> CanonFile:
        found = cls(path)
        found.folder = folder
        return found


def turtle_files(folder: Path | TurtleFiles) -> list[Path]:
    """Every `.ttl` file under `folder` in a stable order, or the files listed, in order.

    A link that leads outside the folder is refused: a canon may only make the service read
    files inside its own folder.
    """
    if isinstance(folder, TurtleFiles):
        missing = [p for p in folder.paths if not p.is_file()]
        if missing:
            raise _refused(
                FindingKind.MISSING,
                missing,
                "canon file does not exist",
                "name Turtle files that exist, or a folder of them",
            )
        if not folder.paths:
            raise CanonError((_no_turtle(None),))
        return list(folder.paths)
    if not folder.is_dir():
        raise _refused(
            FindingKind.MISSING,
            [folder],
            "canon folder does not exist",
            "pass --canon a folder of Turtle files",
        )
    root = folder.resolve()
    files = sorted(folder.rglob("*.ttl"))
    linked_folders = [p for p in folder.rglob("*") if p.is_symlink() and p.is_dir()]
    outside = [p for p in [*files, *linked_folders] if not _inside(p, root)]
    if outside:
        raise CanonError(tuple(_outside(p) for p in outside))
    if not files:
        raise CanonError((_no_turtle(folder),))
    return [CanonFile.found_in(p, root) for p in files]


def _no_turtle(folder: Path | None) -> Finding:
    """A canon of no files is a mistake (a wrong `--canon` path), never an empty canon."""
    return Finding(
        FindingKind.MISSING,
        Severity.ERROR,
        Location(file=str(folder) if folder is not None else None),
        "the canon holds no Turtle files (*.ttl)",
        "pass --canon the folder that holds the canon's .ttl files",
    )


def _inside(path: Path, root: Path) -> bool:
    """Whether the path leads inside the folder; a link that cannot be followed (a loop) is
    left to the reading, which reports it as not a regular file."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return True


def _outside(path: Path) -> Finding:
    return Finding(
        FindingKind.OUTSIDE,
        Severity.ERROR,
        Location(file=str(path)),
        "this file or folder links outside the canon folder and is not read",
        "copy the file into the canon folder instead of linking to it",
    )


def _refused(kind: FindingKind, paths: list[Path], message: str, hint: str) -> CanonError:
    """An error for each path that cannot be read as part of the canon."""
    return CanonError(
        tuple(Finding(kind, Severity.ERROR, Location(file=str(p)), message, hint) for p in paths)
    )


MAX_FILE_BYTES = CANON_FILE.max_bytes
"""Kept for `probe.py` (converted on branch i20-sparql), which skips digesting larger files."""

MAX_NESTING = 64
"""Deepest nesting of `( … )` lists and `[ … ]` blank nodes read. The parser recurses, and
100,000 nested lists crashed the process; a canon needs two or three levels."""

_TOKENS = re.compile(
    rb'"""(?:[^"\\]|\\.|"(?!""))*"""'
    rb"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    rb'|"(?:[^"\\\n]|\\.)*"'
    rb"|'(?:[^'\\\n]|\\.)*'"
    rb"|<[^>\s]*>|#[^\n]*|[\[\]()]"
)
"""Strings, IRIs and comments (skipped whole, so brackets inside them do not count), and
the brackets that nest."""


def too_deep(data: bytes) -> int | None:
    """The line where nesting first passes MAX_NESTING, or None. Files with no more brackets
    than that (every ordinary canon file) are not scanned at all."""
    if data.count(b"(") + data.count(b"[") <= MAX_NESTING:
        return None
    depth = 0
    for token in _TOKENS.finditer(data):
        bracket = token.group()
        if bracket in (b"(", b"["):
            depth += 1
            if depth > MAX_NESTING:
                return data.count(b"\n", 0, token.start()) + 1
        elif bracket in (b")", b"]"):
            depth = max(0, depth - 1)
    return None


class Reading(NamedTuple):
    """What reading the canon files gave: the store, a finding per file that could not be
    read, and a digest of exactly the bytes that were parsed (path and content of each)."""

    store: ox.Store
    findings: tuple[Finding, ...]
    content: str


def content_digest(files: Iterable[tuple[Path, bytes]]) -> str:
    """A digest of each file's absolute path and bytes, in order."""
    return digests_digest((path, hashlib.sha256(data).digest()) for path, data in files)


def digests_digest(files: Iterable[tuple[Path, bytes]]) -> str:
    """`content_digest` from each file's own SHA-256 digest, for a reader that kept those."""
    digest = hashlib.sha256()
    for path, file_digest in files:
        digest.update(os.fsencode(path.resolve()) + b"\0" + file_digest)
    return digest.hexdigest()


def read_turtle(files: Iterable[Path]) -> Reading:
    """All files that parse, in one in-memory store, and a finding for each file that does not.

    Each file is read once, and the store is loaded from those very bytes, so `content` names
    exactly what was parsed even when a file changes while it is being read.
    """
    store = ox.Store()
    findings: list[Finding] = []
    read: list[tuple[Path, bytes]] = []
    for path in files:
        data, found = read_file(path)
        findings.extend(found)
        if data is not None:
            read.append((path, data))
            findings.extend(load_file(store, path, data, ox.DefaultGraph()))
    return Reading(store, tuple(findings), content_digest(read))


def read_file(path: Path) -> tuple[bytes | None, tuple[Finding, ...]]:
    """A canon file's bytes, or None and why it cannot be read (before any parser sees it).

    Read once through the bounded reader and checked on the opened file: a file the walk
    found in a canon folder (a `CanonFile`) must still be inside it when opened."""
    try:
        return read_bounded(path, CANON_FILE, getattr(path, "folder", None)), ()
    except OutsideFolder:
        return None, (_outside(path),)
    except NotARegularFile:  # a FIFO or a device would block or stream forever
        return None, (_unreadable(path, "not a regular file", "use a plain Turtle file"),)
    except InputTooLarge:
        too_large = f"file is larger than {CANON_FILE.max_bytes:,} bytes and is not read"
        return None, (_unreadable(path, too_large, "split it into smaller Turtle files"),)
    except InputTooSlow as slow:
        return None, (_unreadable(path, str(slow), "copy the canon to a local disk"),)
    except (OSError, RuntimeError) as error:
        reason = getattr(error, "strerror", None) or error
        return None, (_unreadable(path, f"cannot read file: {reason}"),)


def load_file(
    store: ox.Store, path: Path, data: bytes, graph: ox.NamedNode | ox.DefaultGraph
) -> tuple[Finding, ...]:
    """Parse a file's bytes (from `read_file`) into `graph` of the store, in one transaction:
    a file that does not parse adds nothing. The findings say why, or that it is empty."""
    foreign = _foreign_encoding(data)
    if foreign is not None:
        return (_unreadable(path, f"file is {foreign}, not UTF-8", "save it as UTF-8"),)
    findings: list[Finding] = []
    if data.startswith(UTF8_BOM):
        findings.append(
            Finding(
                FindingKind.SYNTAX,
                Severity.WARNING,
                Location(file=str(path), line=1),
                "file starts with a UTF-8 byte-order mark (U+FEFF); it is read without it",
                "save the file as UTF-8 without BOM",
            )
        )
        data = data[len(UTF8_BOM) :]
    nested = too_deep(data)
    if nested is not None:
        findings.append(
            Finding(
                FindingKind.SYNTAX,
                Severity.ERROR,
                Location(file=str(path), line=nested),
                f"lists or blank nodes nested more than {MAX_NESTING} deep",
                "flatten the structure: a canon needs no deep nesting",
            )
        )
        return tuple(findings)
    try:
        store.load(
            data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri(), to_graph=graph
        )
    except SyntaxError as error:
        reason = _reason(error)
        findings.append(
            Finding(
                FindingKind.SYNTAX,
                Severity.ERROR,
                Location(file=str(path), line=error.lineno, column=error.offset),
                f"Turtle syntax error: {reason}",
                "save the file as UTF-8"
                if "UTF-8" in reason
                else "correct the Turtle at that position",
            )
        )
        return tuple(findings)
    except UnicodeDecodeError as error:
        return (*findings, _unreadable(path, f"cannot read file: {error}"))
    except MemoryError as error:  # pyoxigraph: a single term over its 16 MiB buffer
        return (
            *findings,
            _unreadable(path, f"a term is too long to parse: {error}", "split the text"),
        )
    if not _holds_triples(data, path):
        findings.append(
            Finding(
                FindingKind.EMPTY,
                Severity.WARNING,
                Location(file=str(path)),
                "file is empty (0 bytes)" if not data else "file holds no triples",
                "add what it should say, or delete the file",
            )
        )
    return tuple(findings)


UTF8_BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte-order mark: Windows editors write it; Turtle parsers refuse it, and a
message that quoted it would show an invisible character. It is named and dropped."""

_OTHER_ENCODINGS = (
    (b"\xff\xfe\x00\x00", "UTF-32 (it starts with the byte-order mark FF FE 00 00)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (it starts with the byte-order mark 00 00 FE FF)"),
    (b"\xff\xfe", "UTF-16 (it starts with the byte-order mark FF FE)"),
    (b"\xfe\xff", "UTF-16 (it starts with the byte-order mark FE FF)"),
)


def _foreign_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark says the file is in, when that is not UTF-8."""
    return next((name for mark, name in _OTHER_ENCODINGS if data.startswith(mark)), None)


def _holds_triples(data: bytes, path: Path) -> bool:
    """Whether the (parsed) file states at least one triple: parses only up to the first."""
    if not data.strip():
        return False
    triples = ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    return next(iter(triples), None) is not None


def _unreadable(path: Path, message: str, hint: str = "save the file as UTF-8 Turtle") -> Finding:
    return Finding(FindingKind.SYNTAX, Severity.ERROR, Location(file=str(path)), message, hint)


def _reason(error: SyntaxError) -> str:
    """The parser's own words without its position, which the location already gives."""
    message = error.msg or str(error)
    return message.split(": ", 1)[1] if message.startswith("Parser error") else message
