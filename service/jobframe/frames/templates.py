"""Every frame, in one place: its structure here, its wording in `wording/en.toml`.

To change a frame's wording or text layout, edit `wording/en.toml`; to translate it, add
`wording/<language>.toml` of the same shape (data, no code). The structured frames (GraphQL),
the plain text and the RDF export are all made from these definitions. Slots such as
`{responsibility.text}` quote canon values verbatim; a line whose slot has no canon value
is omitted. Bindings a pattern may use: `role` (the role-level), `responsibility`,
`statement` (a level dimension statement), and the rubric entries named in RUBRIC.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..canon import CanonNode, DimensionStatement, LevelDimension, Responsibility
from ..vocabulary import JF
from .specs import FieldSpec, FrameKind, FrameSpec, PageSpec, Rows, SectionSpec

RUBRIC: dict[str, str] = {
    "complexity": JF.ComplexityProblemSolving,
    "knowledge": JF.KnowledgeApplication,
}
"""Binding name -> rubric dimension: the role-level's rubric entry along that dimension."""

CANON_FIELDS: dict[str, tuple[str, str]] = {
    "responsibility": ("responsibilities", "add jf:Responsibility nodes with jf:roleLevel {role}"),
    "statement": (
        "level dimension statement at that position",
        "add a jf:DimensionStatement for level {level} and each jf:LevelDimension",
    ),
    "complexity": (
        "complexity/problem-solving rubric entry",
        "add a jf:RubricEntry for {role} with jf:rubricDimension jf:ComplexityProblemSolving",
    ),
    "knowledge": (
        "knowledge-application rubric entry",
        "add a jf:RubricEntry for {role} with jf:rubricDimension jf:KnowledgeApplication",
    ),
}
"""Binding name -> (the canon field, as in "no …", how to add it): for the checks."""

STRUCTURE: dict[FrameKind, tuple[bool, tuple[tuple[Rows, str], ...]]] = {
    FrameKind.SMART: (True, ((Rows.RESPONSIBILITIES, "goal"),)),
    FrameKind.OKR: (True, ((Rows.RESPONSIBILITIES, "objective"),)),
    FrameKind.MBO: (True, ((Rows.RESPONSIBILITIES, "area"),)),
    FrameKind.SCORECARD: (
        False,
        ((Rows.RESPONSIBILITIES, "measure"), (Rows.DIMENSION_STATEMENTS, "measure")),
    ),
}
"""The frames in page order: whether rows are set apart by a blank line, and each section's
rows (what it has one row for, and what a row is called). Everything a reader sees is wording,
in `wording/<language>.toml`."""

_LABELLED: dict[str, type[CanonNode]] = {
    "Responsibility": Responsibility,
    "LevelDimension": LevelDimension,
    "DimensionStatement": DimensionStatement,
}
"""The node kinds a source tag may be written for in `[source_labels]`."""

WORDING_DIR = Path(__file__).parent / "wording"
ENGLISH = "en"
"""The wording the frames are defined in; every translation must match its shape."""


@dataclass(frozen=True, slots=True)
class Wording:
    """The frames, the page lines and the source tags in one language."""

    language: str
    frames: dict[FrameKind, FrameSpec]
    page: PageSpec
    source_labels: dict[type[CanonNode], str]
    """How a cited node is tagged (`node` is the node, `role` the role-level); other kinds
    are untagged."""


def read_wording(path: Path) -> Wording:
    """The wording of one `<language>.toml` file; ValueError naming the file if malformed."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        page = data["page"]
        frames = {}
        for kind, (row_gap, rows) in STRUCTURE.items():
            frame = data["frames"][kind.value]
            sections = frame["sections"]
            if len(sections) != len(rows):
                raise ValueError(f"frames.{kind.value} needs {len(rows)} sections")
            frames[kind] = FrameSpec(
                kind=kind,
                title=frame["title"],
                intro=frame["intro"],
                row_gap=row_gap,
                sections=tuple(
                    SectionSpec(
                        title=section["title"] or None,
                        rows=row_kind,
                        row=row,
                        heading=section["heading"],
                        fields=tuple(
                            FieldSpec(name, pattern) for name, pattern in section["fields"]
                        ),
                        text=tuple(section["text"]),
                        tag=section["tag"],
                    )
                    for section, (row_kind, row) in zip(sections, rows, strict=True)
                ),
            )
        labels = {_LABELLED[name]: pattern for name, pattern in data["source_labels"].items()}
        return Wording(
            path.stem,
            frames,
            PageSpec(page["heading"], page["breadcrumb"], page["notice"]),
            labels,
        )
    except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as error:
        raise ValueError(
            f"{path}: not a frame wording file ({type(error).__name__}: {error})"
        ) from None


ENGLISH_WORDING = read_wording(WORDING_DIR / f"{ENGLISH}.toml")
FRAMES: dict[FrameKind, FrameSpec] = ENGLISH_WORDING.frames
"""The frames in page order, in English."""
