"""What frame rules produce: frames of sections, rows and lines, each line with provenance.

Renderers (plain text, GraphQL, RDF) read these values; none of them holds wording of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..canon import CanonNode, RoleLevel
from .specs import FrameKind, FrameSpec, Placeholder
from .text import frame_text, page_text

__all__ = [
    "Blank",
    "Field",
    "Frame",
    "FrameKind",
    "Line",
    "Page",
    "Part",
    "Placeholder",
    "Provenance",
    "Quote",
    "Row",
    "Section",
    "TemplateText",
]


@dataclass(frozen=True, slots=True)
class Provenance:
    """One canon value a line uses: the node it was quoted from and the exact quote."""

    label: str | None
    """The source tag the page shows for it (`JFM responsibility (M5)`), where it shows one."""
    quote: str
    node: CanonNode
    language: str | None = None
    """The language tag of the quoted value; None when the canon gives it untagged."""


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
    text: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.placeholder.text)


Part = TemplateText | Quote | Blank


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a frame; `template` is None when the line is nothing but canon text."""

    template: str | None
    parts: tuple[Part, ...]
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", "".join([p.text for p in self.parts]))

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

    @property
    def values(self) -> dict[str, str]:
        """What a plain-text layout may name: `n`, `heading`, `tag` and each field's name."""
        values = {"n": str(self.number), "heading": self.heading.text, "tag": self.tag or ""}
        values.update((f.name, f.line.text) for f in self.fields)
        return values

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
    """One goal frame of one role-level, with the definition it was built from."""

    spec: FrameSpec
    role_level: RoleLevel
    sections: tuple[Section, ...]

    @property
    def kind(self) -> FrameKind:
        return self.spec.kind

    @property
    def title(self) -> str:
        """The frame's heading, such as `SMART goals`."""
        return self.spec.title

    @property
    def intro(self) -> str:
        """The sentence under the heading."""
        return self.spec.intro

    @property
    def text(self) -> str:
        """The frame as plain text (the page's "Copy / print as text"); empty without rows."""
        by_title = {s.title: s for s in self.spec.sections}
        return frame_text(
            self.spec,
            [
                (section.title, by_title[section.title], [r.values for r in section.rows])
                for section in self.sections
            ],
        )

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

    @property
    def text(self) -> str:
        """The whole page as plain text: header, then each frame's title, intro and text."""
        header = (self.heading.text, self.breadcrumb.text, self.notice)
        return page_text(header, [(f.title, f.intro, f.text) for f in self.frames])
