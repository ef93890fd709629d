"""HTTP/1.1 framing: a request whose body length is ambiguous is refused before it is served.

A proxy in front of the service and the service itself must agree where a request ends, or
the rest of one request is read as the next (request smuggling). RFC 9112 section 6.3 lets a
server refuse what h11 would accept: Content-Length beside Transfer-Encoding, Content-Length
given twice (even equal) or as a list, Transfer-Encoding in HTTP/1.0, and header lines folded
onto the next (obs-fold, section 5.2), and a line of the head or of the chunked framing that
ends in a bare LF (section 2.2: h11 takes one in the head but waits for CRLF after a chunk
size, so the two disagreed, and the head checks here read CRLF lines). Each is 400 and the
connection closed; h11 already
refuses conflicting lengths and codings other than chunked. A body declared over the body
limit under `Expect: 100-continue` is 413 at once, without `100 Continue`, so it is never
sent; an expectation other than 100-continue is 417.
"""

from __future__ import annotations

from dataclasses import dataclass

import h11
import orjson
from h11._readers import ChunkedReader

from ..api import ErrorCode

HEAD_BYTES = 65536
"""How much of the receive buffer is looked at for a request's head: h11 refuses a longer
incomplete head itself (its `max_incomplete_event_size`, 16 KiB in uvicorn)."""


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request's framing is refused, as the status and coded error it is answered."""

    status: int
    code: ErrorCode
    message: str

    def body(self) -> bytes:
        error = {"message": self.message, "extensions": {"code": self.code.value}}
        return orjson.dumps({"errors": [error]})


class FramedConnection(h11.Connection):
    """h11's server connection, refusing a request whose framing is ambiguous.

    The refusal is raised as h11's `RemoteProtocolError`, so uvicorn answers it where it
    answers h11's own (`TimedH11Protocol.send_400_response` writes `refusal`)."""

    def __init__(self, max_body_bytes: int, max_incomplete_event_size: int | None) -> None:
        # uvicorn passes None when its setting is unset: h11's own default then applies.
        sizes = (
            {}
            if max_incomplete_event_size is None
            else {"max_incomplete_event_size": max_incomplete_event_size}
        )
        super().__init__(h11.SERVER, **sizes)
        self.max_body_bytes = max_body_bytes
        self.refusal: Refusal | None = None

    def next_event(self) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
        # The raw head, before h11 merges equal Content-Lengths and unfolds folded lines.
        # h11 has no public view of its buffer; tests/web/test_framing.py holds this.
        head = b""
        if self.their_state is h11.IDLE:
            head = bytes(self._receive_buffer._data[:HEAD_BYTES])
        event = super().next_event()
        if isinstance(event, h11.Request):
            self._refuse(_raw_refusal(head) or _refusal(event, self.max_body_bytes))
        elif event is h11.NEED_DATA and self.their_state is h11.SEND_BODY:
            # Where h11 waits, with its reader at the line it waits on.
            self._refuse(_chunk_line_refusal(self._reader, self._receive_buffer._data))
        return event

    def _refuse(self, refusal: Refusal | None) -> None:
        self.refusal = refusal
        if refusal is not None:
            raise h11.RemoteProtocolError(refusal.message, refusal.status)


def _bad(message: str) -> Refusal:
    return Refusal(400, ErrorCode.BAD_REQUEST, message)


BARE_LF = _bad("a line ends in a bare LF, not CRLF (RFC 9112 section 2.2)")


def _ends_in_bare_lf(lines: bytes | bytearray) -> bool:
    return lines.count(b"\n") != lines.count(b"\r\n")


def _chunk_line_refusal(reader: object, buffer: bytearray) -> Refusal | None:
    """A bare LF in the chunk-size line or the trailer h11 reads next, which h11 would
    wait on until the body timeout. The chunk data itself may hold any byte."""
    if not isinstance(reader, ChunkedReader):
        return None
    if reader._reading_trailer:
        end = 0 if buffer.startswith(b"\r\n") else buffer.find(b"\r\n\r\n")
        lines = buffer[: end if end >= 0 else len(buffer)]
    elif reader._bytes_in_chunk == 0:
        start = len(reader._bytes_to_discard)  # the CRLF after a chunk's data, then its line
        lines = buffer[start : buffer.find(b"\n", start) + 1]
    else:
        return None
    return BARE_LF if _ends_in_bare_lf(lines) else None


def _raw_refusal(head: bytes) -> Refusal | None:
    end = head.find(b"\r\n\r\n")
    head = head[: end if end >= 0 else len(head)]
    if _ends_in_bare_lf(head):
        return BARE_LF
    lines = head.split(b"\r\n")[1:]
    if any(line[:1] in (b" ", b"\t") for line in lines):
        return _bad("a header line is folded onto the next (obs-fold, RFC 9112 section 5.2)")
    fields = (line.partition(b":") for line in lines)
    lengths = [value for name, _, value in fields if _is(name, b"content-length")]
    if len(lengths) > 1 or any(b"," in value for value in lengths):
        return _bad("Content-Length is given more than once (RFC 9112 section 6.3)")
    return None


def _is(name: bytes, expected: bytes) -> bool:
    return name.strip().lower() == expected


def _refusal(request: h11.Request, max_body_bytes: int) -> Refusal | None:
    headers = dict(request.headers)  # h11 lower-cases names; only one length is left
    if b"transfer-encoding" in headers:
        if b"content-length" in headers:
            return _bad("Content-Length and Transfer-Encoding together (RFC 9112 section 6.3)")
        if request.http_version == b"1.0":
            return _bad("Transfer-Encoding in an HTTP/1.0 request (RFC 9112 section 6.1)")
    expect = headers.get(b"expect")
    if expect is None:
        return None
    if expect.lower() != b"100-continue":
        return Refusal(417, ErrorCode.BAD_REQUEST, "the only expectation met is 100-continue")
    declared = int(headers.get(b"content-length", b"0"))  # h11 checked it is digits
    if declared > max_body_bytes:
        message = f"the request body is larger than {max_body_bytes} bytes"
        return Refusal(413, ErrorCode.BODY_TOO_LARGE, message)
    return None
