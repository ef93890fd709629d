"""Bounded input: the one reader for everything that comes from outside the process.

A canon file, a workbook part, a CSV sheet, a SPARQL answer, a version probe and a git
archive are all read through `read_chunks`, bounded in bytes *and* in wall-clock time for the
whole read (not per socket read: an endpoint sending one byte every five seconds is stopped
at the deadline). The bound is checked while streaming, so nothing past it is ever held. A
refusal is an `InputRefused` naming what was read and which bound it crossed, for the caller
to turn into a finding or a coded error.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

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


class InputRefused(Exception):
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
