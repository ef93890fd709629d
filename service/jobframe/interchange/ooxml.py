"""OOXML's escapes for characters an XML cell cannot hold, as Excel writes and reads them.

A cell is XML text: a carriage return would come back as a line feed, and most control
characters cannot be written at all. Excel writes such a character as `_xHHHH_` (and a
literal `_xHHHH_` as `_x005F_xHHHH_`); openpyxl leaves both to the caller, so JobFrame
escapes on writing and unescapes on reading, and any canon text survives a workbook.
"""

from __future__ import annotations

import re

_TO_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape(text: str) -> str:
    """Text as a cell's XML may hold it."""
    return _TO_ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape(text: str) -> str:
    """A cell's text as written: each `_xHHHH_` is its character (a surrogate, which no text
    can hold alone, is left as written)."""
    if "_x" not in text:
        return text

    def character(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)

    return _ESCAPED.sub(character, text)
