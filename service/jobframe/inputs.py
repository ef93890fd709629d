"""Bounded input: the one reader for everything that comes from outside the process.

A canon file, a workbook part, a CSV sheet, a SPARQL answer, a version probe and a git
archive are all read through `read_chunks`, bounded in bytes *and* in wall-clock time for the
whole read (not per socket read: an endpoint sending one byte every five seconds is stopped
at the deadline). The bound is checked while streaming, so nothing past it is ever held. A
refusal is an `InputRefused` naming what was read and which bound it crossed, for the caller
to turn into a finding or a coded error.
"""

from __future__ import annotations

import io
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import JobFrameError

__all__ = [
    "CANON_FILE",
    "CHUNK_BYTES",
    "CSV_FILE",
    "GIT_FILE",
    "ONET_FILE",
    "WORKBOOK",
    "WORKBOOK_SHEET",
    "Bound",
    "InputRefused",
    "InputTooLarge",
    "InputTooSlow",
    "NotARegularFile",
    "OutsideFolder",
    "chunk_stream",
    "opened",
    "read_all",
    "read_chunks",
    "read_file",
    "streamed",
]

CHUNK_BYTES = 1 << 16
"""How much one read asks for: small enough that a bound is never overshot by much."""


@dataclass(frozen=True, slots=True)
class Bound:
    """How much of one input may be read, and for how long."""

    what: str
    """What is read, as a refusal names it: "a canon file", "the SPARQL endpoint's answer"."""
    max_bytes: int
    seconds: float
    """Wall-clock time for the whole read, from its first byte asked for to its last."""


class InputRefused(JobFrameError):
    """An input crossed its bound; nothing past the bound was read."""

    def __init__(self, bound: Bound, message: str) -> None:
        super().__init__(message)
        self.bound = bound


class InputTooLarge(InputRefused):
    def __init__(self, bound: Bound) -> None:
        super().__init__(bound, f"{bound.what} is over {bound.max_bytes:,} bytes")


class InputTooSlow(InputRefused):
    def __init__(self, bound: Bound) -> None:
        super().__init__(bound, f"{bound.what} took longer than {bound.seconds:g} s to read")


Read = Callable[[int], bytes]
"""Reads at most n bytes; b"" at the end. A socket's `recv`, a file's `read`."""
BeforeRead = Callable[[float], None]
"""Told the seconds left before each read, so a socket can time out at the deadline."""


def read_chunks(read: Read, bound: Bound, before_read: BeforeRead | None = None) -> Iterator[bytes]:
    """The input's chunks as they arrive, refused (InputTooLarge, InputTooSlow) the moment
    it crosses its bound. `before_read` lets a socket wait no longer than the time left."""
    deadline = time.monotonic() + bound.seconds
    total = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise InputTooSlow(bound)
        if before_read is not None:
            before_read(left)
        try:
            chunk = read(min(CHUNK_BYTES, bound.max_bytes + 1 - total))
        except TimeoutError as error:
            raise InputTooSlow(bound) from error
        if not chunk:
            return
        total += len(chunk)
        if total > bound.max_bytes:
            raise InputTooLarge(bound)
        if time.monotonic() > deadline:
            raise InputTooSlow(bound)
        yield chunk


def read_all(read: Read, bound: Bound, before_read: BeforeRead | None = None) -> bytes:
    """The whole input, within its bound (see `read_chunks`)."""
    return b"".join(read_chunks(read, bound, before_read))


def streamed(read: Read, bound: Bound) -> BinaryIO:
    """The input as a file object, for a parser that reads it itself (tarfile, an XML
    parser): every read goes through `read_chunks`, so the parse stops at the bound."""
    return chunk_stream(read_chunks(read, bound))


def chunk_stream(chunks: Iterator[bytes]) -> BinaryIO:
    """Chunks already bounded (`read_chunks`, a bounded exchange) as a file object."""
    return io.BufferedReader(_Chunks(chunks), CHUNK_BYTES)


class _Chunks(io.RawIOBase):
    """A raw stream of the bounded reader's chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self._left:
            self._left = next(self._chunks, b"")
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


class NotARegularFile(InputRefused):
    def __init__(self, bound: Bound) -> None:
        super().__init__(bound, f"{bound.what} is not a regular file")


class OutsideFolder(InputRefused):
    def __init__(self, bound: Bound, folder: Path) -> None:
        super().__init__(bound, f"{bound.what} leads outside the folder {folder}")


@contextmanager
def opened(path: Path, bound: Bound, inside: Path | None = None) -> Iterator[BinaryIO]:
    """A file from outside, opened once and checked on the opened descriptor, never by its
    path again: a regular file (opened without blocking, so a FIFO cannot hang it), not
    over the bound by its size, and, with `inside`, really inside that folder (a link
    swapped after a walk checked it leads nowhere else). OSError when it cannot be opened."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    with open(descriptor, "rb", buffering=0) as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(bound)
        if status.st_size > bound.max_bytes:
            raise InputTooLarge(bound)
        if inside is not None and not _opened_inside(descriptor, status, path, inside):
            raise OutsideFolder(bound, inside)
        yield file


def read_file(path: Path, bound: Bound, inside: Path | None = None) -> bytes:
    """A file's bytes, opened and checked once (`opened`) and read within its bound (so a
    file that grows while read is stopped at it). InputRefused or OSError when it is not."""
    with opened(path, bound, inside) as file:
        return read_all(file.read, bound)


def _opened_inside(descriptor: int, status: os.stat_result, path: Path, folder: Path) -> bool:
    """Whether the opened file lies inside the folder: on Linux its descriptor's own path;
    elsewhere the file the path resolves to now must be the very file opened."""
    root = folder.resolve()
    proc = Path(f"/proc/self/fd/{descriptor}")
    try:
        real = Path(os.readlink(proc))
    except OSError:
        try:
            real = path.resolve(strict=True)
            same = os.stat(real)
        except (OSError, RuntimeError):
            return False
        if (same.st_dev, same.st_ino) != (status.st_dev, status.st_ino):
            return False
    return real.is_relative_to(root)


MIB = 1024 * 1024
CANON_FILE = Bound("a canon file", 512 * MIB, 120.0)
"""512 MiB: the benchmark's canon of 100,000 role-levels is 152 MiB in all, its largest file
1.6 MiB, so this fits that whole canon in one file three times over. 120 s: a local disk
reads 512 MiB in a few seconds; a stalled network mount is stopped."""
GIT_FILE = Bound("a canon file of the git revision", CANON_FILE.max_bytes, CANON_FILE.seconds)
"""As for a canon file; the whole archive `git archive` streams is bounded at four times it."""
WORKBOOK = Bound("the workbook", 512 * MIB, 120.0)
"""An .xlsx for `jobframe import`: its file, and the sum of what its parts unpack to as its
zip directory declares them (Python's zipfile never inflates a part past its declared size).
512 MiB, as for a canon file: a workbook of Excel's 1,048,576 rows of the widest sheet
unpacks to about 150 MiB."""
WORKBOOK_SHEET = Bound("a sheet of the workbook", WORKBOOK.max_bytes, WORKBOOK.seconds)
"""One sheet part, parsed as it inflates: stopped at the bound in bytes, and in seconds for
the whole parse (a local disk inflates and parses 512 MiB of XML in about a minute)."""
CSV_FILE = Bound("a CSV file", WORKBOOK.max_bytes, WORKBOOK.seconds)
"""One `<sheet>.csv` of a folder for `jobframe import`, read as it streams: as for a sheet."""
ONET_FILE = Bound("an O*NET release file", 64 * MIB, 60.0)
"""A file of an O*NET text release: the 26.3 release's largest file read (Task Statements)
is 2.8 MB, so 64 MiB leaves twenty times the room; 60 s for a slow disk."""
