"""Hostile workbooks written by hand (zipfile and XML), as no spreadsheet program would save
them: a declared dimension far past the cells, cells far past the header, parts that inflate
past what a workbook may hold."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

_OOXML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_CONTENT_TYPES = (
    f'<Types xmlns="{_PACKAGE}/content-types">'
    '<Default Extension="rels"'
    ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OOXML}.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml"'
    f' ContentType="{_OOXML}.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    f'<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    f' xmlns:r="{_RELATIONS}">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONS}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
SHEET_PART = "xl/worksheets/sheet1.xml"


def cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(dimension: str, rows: Iterable[tuple[int, str]], padding: int = 0) -> Iterable[bytes]:
    """A sheet part: its declared dimension, each row's number and cells (as XML), then
    `padding` bytes of white space, which deflate a thousandfold (a zip bomb)."""
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>'
    ).encode()
    for number, cells in rows:
        yield f'<row r="{number}">{cells}</row>'.encode()
    for start in range(0, padding, 1 << 20):
        yield b" " * min(1 << 20, padding - start)
    yield b"</sheetData></worksheet>"


def hand_made(path: Path, sheet: str, part: Iterable[bytes]) -> Path:
    """A one-sheet workbook named `sheet` whose sheet part is `part`, deflated as it comes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK.format(name=sheet))
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with book.open(SHEET_PART, "w", force_zip64=True) as out:
            for chunk in part:
                out.write(chunk)
    return path
