"""Plain-text rendering: the page's "Copy / print as text" blocks, laid out as the frame
definitions say (`SectionSpec.text`, `FrameSpec.row_gap`).

Works on plain strings, so that the frame model can offer `.text` without this module
knowing the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from string import Formatter

from .specs import FrameSpec, SectionSpec


def row_lines(spec: SectionSpec, values: Mapping[str, str]) -> list[str]:
    """A row's lines; a layout line naming a value the row lacks (a field) is left out."""
    lines = []
    for layout in spec.text:
        if _names(layout) <= values.keys():
            lines.append(layout.format_map(values))
    return lines


@cache
def _names(layout: str) -> frozenset[str]:
    """The values a layout line names; layouts are the frame definitions' few strings."""
    return frozenset(name for _, name, _, _ in Formatter().parse(layout) if name is not None)


SectionRows = tuple[str | None, SectionSpec, Sequence[Mapping[str, str]]]
"""A section's title, its definition and its rows' values."""


def frame_text(spec: FrameSpec, sections: Iterable[SectionRows]) -> str:
    """A frame's text block; an empty string for a frame without rows."""
    blocks = []
    for title, section_spec, rows in sections:
        lines = [row_lines(section_spec, values) for values in rows]
        if spec.row_gap:
            body = "\n\n".join("\n".join(r) for r in lines)
        else:
            body = "\n".join(line for r in lines for line in r)
        blocks.append(f"{title}\n{body}" if title else body)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def page_text(header: Sequence[str], frames: Iterable[tuple[str, str, str]]) -> str:
    """The page: its header lines, then each frame's title, intro and text (when it has one)."""
    blocks = list(header)
    for title, intro, text in frames:
        blocks += [title, intro]
        if text:
            blocks.append(text.rstrip("\n"))
    return "\n\n".join(blocks) + "\n"
