"""Opaque global IDs (Relay): base64 of `TypeName:iri`, so clients never parse them."""

from __future__ import annotations

import base64
import binascii
from functools import lru_cache

from ...canon import Canon


@lru_cache(maxsize=2**16)
def encode_id(type_name: str, iri: str) -> str:
    """Cached: a frames response repeats the IDs of the same few nodes, and a node's ID
    never changes."""
    return base64.urlsafe_b64encode(f"{type_name}:{iri}".encode()).decode().rstrip("=")


def decode_id(global_id: str) -> tuple[str, str] | None:
    """(type name, IRI), or None when the string is not one of our IDs."""
    padded = global_id + "=" * (-len(global_id) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    type_name, sep, iri = raw.partition(":")
    return (type_name, iri) if sep and type_name and iri else None


def iri_of(canon: Canon, asked: str, type_name: str) -> str:
    """A name argument given as the global ID of a node of that type becomes its IRI; any
    other string (a label, a code, an IRI) is returned as asked."""
    decoded = decode_id(asked)
    if decoded is not None and decoded[0] == type_name and decoded[1] in canon.nodes:
        return decoded[1]
    return asked
