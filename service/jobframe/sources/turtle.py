"""Reading Turtle files into one RDF store, with syntax errors that name file, line and column.

pyoxigraph parses each file in its own transaction: a file with a syntax error adds nothing,
and the other files are still read, so every broken file is reported in one pass.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from ..findings import CanonError, Finding, FindingKind, Location, Severity


@dataclass(frozen=True, slots=True)
class TurtleFiles:
    """A canon given as a list of Turtle files rather than a folder (the Python API's)."""

    paths: tuple[Path, ...]

    def __str__(self) -> str:
        return ", ".join(str(p) for p in self.paths)


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
        raise _refused(
            FindingKind.OUTSIDE,
            outside,
            "this file or folder links outside the canon folder and is not read",
            "copy the file into the canon folder instead of linking to it",
        )
    return files


def _inside(path: Path, root: Path) -> bool:
    """Whether the path leads inside the folder; a link that cannot be followed (a loop) is
    left to the reading, which reports it as not a regular file."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return True


def _refused(kind: FindingKind, paths: list[Path], message: str, hint: str) -> CanonError:
    """An error for each path that cannot be read as part of the canon."""
    return CanonError(
        tuple(Finding(kind, Severity.ERROR, Location(file=str(p)), message, hint) for p in paths)
    )


MAX_FILE_BYTES = 512 * 1024 * 1024
"""Largest canon file read (512 MiB), checked before reading and while reading (a file may
grow in between), so no file is read whole into memory whatever its size. The benchmark's
canon of 100,000 role-levels is 152 MiB in all, its largest file 1.6 MiB: this fits that
whole canon in one file three times over, with room for longer texts than the benchmark's."""

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
    digest = hashlib.sha256()
    for path, data in files:
        digest.update(os.fsencode(path.resolve()) + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def read_turtle(files: Iterable[Path]) -> Reading:
    """All files that parse, in one in-memory store, and a finding for each file that does not.

    Each file is read once, and the store is loaded from those very bytes, so `content` names
    exactly what was parsed even when a file changes while it is being read.
    """
    store = ox.Store()
    findings = []
    read: list[tuple[Path, bytes]] = []
    for path in files:
        if not path.is_file():  # a FIFO or a device would block or stream forever
            findings.append(_unreadable(path, "not a regular file", "use a plain Turtle file"))
            continue
        try:
            data = _read_bounded(path)
        except OSError as error:
            findings.append(_unreadable(path, f"cannot read file: {error.strerror or error}"))
            continue
        if data is None:
            findings.append(
                _unreadable(
                    path,
                    f"file is larger than {MAX_FILE_BYTES:,} bytes and is not read",
                    "split it into smaller Turtle files",
                )
            )
            continue
        read.append((path, data))
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
            continue
        try:
            store.load(
                data,
                format=ox.RdfFormat.TURTLE,
                base_iri=path.resolve().as_uri(),
                to_graph=ox.DefaultGraph(),
            )
        except SyntaxError as error:
            findings.append(
                Finding(
                    FindingKind.SYNTAX,
                    Severity.ERROR,
                    Location(file=str(path), line=error.lineno, column=error.offset),
                    f"Turtle syntax error: {_reason(error)}",
                    "correct the Turtle at that position",
                )
            )
        except UnicodeDecodeError as error:
            findings.append(_unreadable(path, f"cannot read file: {error}"))
        except MemoryError as error:  # pyoxigraph: a single term over its 16 MiB buffer
            findings.append(
                _unreadable(path, f"a term is too long to parse: {error}", "split the text")
            )
    return Reading(store, tuple(findings), content_digest(read))


def _read_bounded(path: Path) -> bytes | None:
    """The file's bytes, or None when it holds more than MAX_FILE_BYTES. Opened without
    blocking and checked again once open, so a file swapped for a FIFO cannot hang it."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            return None
        data = file.read(status.st_size + 1)
        if len(data) > status.st_size:  # it grew since: read on, to just past the bound
            data += file.read(MAX_FILE_BYTES + 1 - len(data))
    return data if len(data) <= MAX_FILE_BYTES else None


def _unreadable(path: Path, message: str, hint: str = "save the file as UTF-8 Turtle") -> Finding:
    return Finding(FindingKind.SYNTAX, Severity.ERROR, Location(file=str(path)), message, hint)


def _reason(error: SyntaxError) -> str:
    """The parser's own words without its position, which the location already gives."""
    message = error.msg or str(error)
    return message.split(": ", 1)[1] if message.startswith("Parser error") else message
