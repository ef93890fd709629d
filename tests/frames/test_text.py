"""Plain-text layout on plain strings: a layout line is kept only when the row has every value
it names, and the page keeps each frame's text as it is."""

from __future__ import annotations

from jobframe.frames.specs import FrameKind, FrameSpec, Rows, SectionSpec
from jobframe.frames.text import frame_text, page_text, row_lines

SECTION = SectionSpec(
    title=None,
    rows=Rows.RESPONSIBILITIES,
    row="goal",
    heading="{responsibility.text}",
    fields=(),
    text=("{n}. {heading}  [source: {tag}]", "   Extra: {Extra}", "---"),
)


def test_a_layout_line_is_kept_when_the_row_has_exactly_the_values_it_names() -> None:
    values = {"n": "1", "heading": "Runs visits", "tag": "JFM"}
    assert row_lines(SECTION, values) == ["1. Runs visits  [source: JFM]", "---"]
    assert row_lines(SECTION, {**values, "Extra": "more"}) == [
        "1. Runs visits  [source: JFM]",
        "   Extra: more",
        "---",
    ]


def test_a_frame_without_gaps_runs_its_rows_together_under_the_section_title() -> None:
    spec = FrameSpec(FrameKind.SCORECARD, "Scorecard", "Intro.", (SECTION,), row_gap=False)
    rows = [{"n": "1", "heading": "A", "tag": "t"}, {"n": "2", "heading": "B", "tag": "t"}]
    assert frame_text(spec, [("Perspective", SECTION, rows)]) == (
        "Perspective\n1. A  [source: t]\n---\n2. B  [source: t]\n---\n"
    )
    gapped = FrameSpec(FrameKind.SMART, "SMART", "Intro.", (SECTION,), row_gap=True)
    assert frame_text(gapped, [(None, SECTION, rows)]) == (
        "1. A  [source: t]\n---\n\n2. B  [source: t]\n---\n"
    )
    assert frame_text(gapped, []) == ""


def test_the_page_text_is_header_then_each_frame_with_its_text_as_is() -> None:
    text = page_text(
        ["Heading", "Breadcrumb", "Notice"],
        [
            ("SMART", "Intro.", "1. A\n   X\n"),
            ("OKRs", "More.", "Objective 1: B  \n"),
            ("Empty", "None here.", ""),
        ],
    )
    assert text.split("\n\n") == [
        "Heading",
        "Breadcrumb",
        "Notice",
        "SMART",
        "Intro.",
        "1. A\n   X",
        "OKRs",
        "More.",
        "Objective 1: B  ",
        "Empty",
        "None here.\n",
    ]
