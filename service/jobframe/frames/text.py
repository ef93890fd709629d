"""Plain-text rendering: the page's "Copy / print as text" blocks, from structured frames."""

from __future__ import annotations

from string import Formatter

from .model import Frame, Page, Row
from .specs import SectionSpec
from .templates import FRAMES


def _row_text(row: Row, spec: SectionSpec) -> list[str]:
    values = {"n": str(row.number), "heading": row.heading.text, "tag": row.tag or ""}
    values.update((f.name, f.line.text) for f in row.fields)
    lines = []
    for layout in spec.text:
        names = {name for _, name, _, _ in Formatter().parse(layout) if name is not None}
        if names <= values.keys():
            lines.append(layout.format_map(values))
    return lines


def frame_text(frame: Frame) -> str:
    """The frame as plain text; an empty string for a frame without rows."""
    spec = FRAMES[frame.kind]
    by_title = {s.title: s for s in spec.sections}
    blocks = []
    for section in frame.sections:
        section_spec = by_title[section.title]
        rows = [_row_text(row, section_spec) for row in section.rows]
        if spec.row_gap:
            body = "\n\n".join("\n".join(r) for r in rows)
        else:
            body = "\n".join(line for r in rows for line in r)
        blocks.append(f"{section.title}\n{body}" if section.title else body)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def page_text(page: Page) -> str:
    """The whole page: header, then each frame's title, intro and text block."""
    blocks = [page.heading.text, page.breadcrumb.text, page.notice]
    for frame in page.frames:
        blocks += [frame.title, frame.intro]
        if frame.sections:
            blocks.append(frame_text(frame).rstrip("\n"))
    return "\n\n".join(blocks) + "\n"
