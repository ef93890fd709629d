"""The shape of frame rules as data; the data itself is in `templates.py`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FrameKind(Enum):
    """The four goal frames."""

    SMART = "smart"
    OKR = "okr"
    MBO = "mbo"
    SCORECARD = "scorecard"


class Placeholder(Enum):
    """A blank the manager fills in; shown as ⟨target⟩, ⟨baseline⟩ or ⟨date⟩."""

    TARGET = "target"
    BASELINE = "baseline"
    DATE = "date"

    @property
    def text(self) -> str:
        return _SHOWN[self]


_SHOWN = {p: f"⟨{p.value}⟩" for p in Placeholder}


class Rows(Enum):
    """What a section has one row for."""

    RESPONSIBILITIES = "responsibilities"
    """One row per responsibility of the role-level, in canon order. Binds `responsibility`,
    and `statement` to the level's dimension statement at the same position (if any)."""
    DIMENSION_STATEMENTS = "dimension statements"
    """One row per dimension statement of the level, in display order. Binds `statement`."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A named line of a row and its pattern (see `patterns.py` for the syntax)."""

    name: str
    pattern: str


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """A section's rows: the heading pattern, its source tag, its fields and its text layout.

    `text` lays a row out as plain text: `{n}` its number, `{heading}`, `{tag}`, and a
    field's name for that field's line. A text line naming a field the row lacks is left out.
    """

    title: str | None
    rows: Rows
    row: str
    heading: str
    fields: tuple[FieldSpec, ...]
    text: tuple[str, ...]
    tag: str = "{label}"


@dataclass(frozen=True, slots=True)
class FrameSpec:
    """A frame: its title, intro and sections; `row_gap` puts a blank line between rows."""

    kind: FrameKind
    title: str
    intro: str
    sections: tuple[SectionSpec, ...]
    row_gap: bool


@dataclass(frozen=True, slots=True)
class PageSpec:
    """The lines above the frames on a role-level's goal-templates page."""

    heading: str
    breadcrumb: str
    notice: str
