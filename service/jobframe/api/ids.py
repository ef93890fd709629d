"""Opaque global IDs (Relay): base64 of `TypeName:iri`, so clients never parse them."""

from __future__ import annotations

import base64
import binascii


def encode_id(type_name: str, iri: str) -> str:
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
