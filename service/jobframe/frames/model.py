"""What frame rules produce: frames of sections, rows and lines, each line with provenance.

Renderers (plain text, GraphQL, RDF) read these values; none of them holds wording of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..canon import CanonNode, RoleLevel


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
        return f"⟨{self.value}⟩"


@dataclass(frozen=True, slots=True)
class Provenance:
    """One canon value a line uses: the node it was quoted from and the exact quote."""

    label: str | None
    """The source tag the page shows for it (`JFM responsibility (M5)`), where it shows one."""
    quote: str
    node: CanonNode


@dataclass(frozen=True, slots=True)
class TemplateText:
    """Fixed wording of a template."""

    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Verbatim canon text inside a line."""

    provenance: Provenance

    @property
    def text(self) -> str:
        return self.provenance.quote


@dataclass(frozen=True, slots=True)
class Blank:
    """A typed placeholder inside a line."""

    placeholder: Placeholder

    @property
    def text(self) -> str:
        return self.placeholder.text


Part = TemplateText | Quote | Blank


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a frame; `template` is None when the line is nothing but canon text."""

    template: str | None
    parts: tuple[Part, ...]
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", "".join(p.text for p in self.parts))

    @property
    def sources(self) -> tuple[Provenance, ...]:
        return tuple(p.provenance for p in self.parts if isinstance(p, Quote))


@dataclass(frozen=True, slots=True)
class Field:
    """A named line of a row (Specific, KR2, Standard, …)."""

    name: str
    line: Line


@dataclass(frozen=True, slots=True)
class Row:
    """A goal, objective, area or scorecard measure: a heading line and its fields."""

    number: int
    heading: Line
    tag: str | None
    """The source tag shown beside the heading."""
    tagged: Provenance | None
    """The heading's canon value the tag names: where a reader follows the tag to."""
    fields: tuple[Field, ...]

    def field(self, name: str) -> Line | None:
        return next((f.line for f in self.fields if f.name == name), None)

    @property
    def lines(self) -> tuple[Line, ...]:
        return (self.heading, *(f.line for f in self.fields))


@dataclass(frozen=True, slots=True)
class Section:
    """A group of rows; only the scorecard names its sections (its perspectives)."""

    title: str | None
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Frame:
    """One goal frame of one role-level."""

    kind: FrameKind
    title: str
    intro: str
    role_level: RoleLevel
    sections: tuple[Section, ...]

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every line in reading order."""
        return tuple(line for s in self.sections for r in s.rows for line in r.lines)


@dataclass(frozen=True, slots=True)
class Page:
    """The goal-templates page of a role-level: its header lines and the four frames."""

    role_level: RoleLevel
    heading: Line
    breadcrumb: Line
    notice: str
    frames: tuple[Frame, ...]
