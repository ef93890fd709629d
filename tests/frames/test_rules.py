"""The frame rules hold for any canon, not only the shipped one."""

import re
from dataclasses import replace

import pytest

from jobframe.canon import Canon, NotFound
from jobframe.frames.model import Frame, FrameKind, Placeholder
from jobframe.frames.rules import TEMPLATES, Omission, build_frame, build_page, omissions
from jobframe.frames.specs import FieldSpec, Rows, SectionSpec
from jobframe.frames.templates import FRAMES
from jobframe.frames.wordings import compile_section as _compile
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, dimensions, role_level

SMART, SCORECARD = FRAMES[FrameKind.SMART], FRAMES[FrameKind.SCORECARD]

SIX = ("Scope", "Autonomy", "Complexity", "Impact", "Decision rights", "Leadership")


def frame_of(canon: Canon, kind: FrameKind) -> Frame:
    return build_frame(canon.role_level("Field Operations", "P3"), kind)


def test_smart_has_one_goal_per_responsibility_in_canon_order(make_canon: CanonMaker) -> None:
    shuffled = PREFIXES + "".join(
        f"<role/ops/P3/x{order}> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ;"
        f' jf:order {order} ; jf:source <source/jfm> ; jf:text "Output {order}" .\n'
        for order in (3, 1, 2)
    )
    canon = make_canon(ARCHITECTURE, dimensions(*SIX), role_level(0), shuffled)
    rows = frame_of(canon, FrameKind.SMART).sections[0].rows
    assert [r.heading.text for r in rows] == ["Output 1", "Output 2", "Output 3"]
    assert [r.number for r in rows] == [1, 2, 3]


def test_smart_has_achievable_only_with_a_complexity_rubric(make_canon: CanonMaker) -> None:
    with_rubric = make_canon(ARCHITECTURE, dimensions(*SIX), role_level(2))
    without = make_canon(ARCHITECTURE, dimensions(*SIX), role_level(2, complexity=False))
    for row in frame_of(with_rubric, FrameKind.SMART).sections[0].rows:
        assert row.field("Achievable") is not None
    for row in frame_of(without, FrameKind.SMART).sections[0].rows:
        assert row.field("Achievable") is None
        assert [f.name for f in row.fields] == ["Specific", "Measurable", "Relevant", "Time-bound"]
    assert "Achievable" not in (frame_of(without, FrameKind.SMART)).text


def test_smart_achievable_quotes_the_rubric_entry(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, dimensions(*SIX), role_level(1))
    line = frame_of(canon, FrameKind.SMART).sections[0].rows[0].field("Achievable")
    assert line is not None
    assert line.text == (
        'Scoped to this level\'s jfm complexity/problem-solving rubric: "Solves hard problems."'
    )


def test_okr_has_kr1_always_and_kr2_for_the_ith_dimension(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, dimensions("Scope", "Autonomy"), role_level(4))
    rows = frame_of(canon, FrameKind.OKR).sections[0].rows
    assert [[f.name for f in r.fields] for r in rows] == [
        ["KR1", "KR2"],
        ["KR1", "KR2"],
        ["KR1"],
        ["KR1"],
    ]
    kr2 = [r.field("KR2") for r in rows[:2]]
    assert [line.text for line in kr2 if line] == [
        'Evidence at this level\'s scope bar: "P3 scope statement" — ⟨target⟩ by ⟨date⟩',
        'Evidence at this level\'s autonomy bar: "P3 autonomy statement" — ⟨target⟩ by ⟨date⟩',
    ]
    assert "KR2" not in (frame_of(canon, FrameKind.OKR)).text.split("Objective 3")[1]


def test_okr_pairs_dimensions_by_display_order_not_file_order(make_canon: CanonMaker) -> None:
    reordered = dimensions("Scope", "Autonomy").replace("jf:displayOrder 1", "jf:displayOrder 9")
    canon = make_canon(ARCHITECTURE, reordered, role_level(2))
    rows = frame_of(canon, FrameKind.OKR).sections[0].rows
    first = rows[0].field("KR2")
    assert first is not None and "autonomy bar" in first.text


def test_okr_has_no_kr2_when_level_has_no_dimensions(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, role_level(3))
    for row in frame_of(canon, FrameKind.OKR).sections[0].rows:
        assert [f.name for f in row.fields] == ["KR1"]


def test_mbo_has_standard_only_with_a_knowledge_application_rubric(
    make_canon: CanonMaker,
) -> None:
    without = make_canon(ARCHITECTURE, dimensions(*SIX), role_level(2, knowledge=False))
    rows = frame_of(without, FrameKind.MBO).sections[0].rows
    assert [[f.name for f in r.fields] for r in rows] == [["Target", "Due"]] * 2
    assert (frame_of(without, FrameKind.MBO)).text.splitlines()[:2] == [
        "1. Area: Responsibility 1  [source: JFM responsibility (P3) — reused, no distinct"
        " responsibility content]",
        "   Target:   ⟨target⟩   Due: ⟨date⟩",
    ]


def test_scorecard_calibration_lists_an_added_dimension(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, dimensions(*SIX, "Influence"), role_level(1))
    calibration = frame_of(canon, FrameKind.SCORECARD).sections[1]
    assert calibration.title == "Role calibration"
    assert len(calibration.rows) == 7
    assert (frame_of(canon, FrameKind.SCORECARD)).text.endswith(
        '  - Meets the influence bar: "P3 influence statement"  →  ⟨target⟩ by ⟨date⟩'
        "   [source: level dimension (Influence)]\n"
    )


def test_okr_pairs_an_added_dimension_with_the_seventh_objective(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, dimensions(*SIX, "Influence"), role_level(7))
    seventh = frame_of(canon, FrameKind.OKR).sections[0].rows[6].field("KR2")
    assert seventh is not None and "influence bar" in seventh.text


def test_scorecard_leaves_out_a_perspective_without_lines(make_canon: CanonMaker) -> None:
    no_dimensions = make_canon(ARCHITECTURE, role_level(2))
    assert [s.title for s in frame_of(no_dimensions, FrameKind.SCORECARD).sections] == [
        "Internal process"
    ]
    no_responsibilities = make_canon(ARCHITECTURE, dimensions("Scope"), role_level(0))
    scorecard = frame_of(no_responsibilities, FrameKind.SCORECARD)
    assert [s.title for s in scorecard.sections] == ["Role calibration"]
    assert scorecard.text.startswith("Role calibration\n")


def test_scorecard_never_has_financial_or_customer(canon: Canon) -> None:
    for role in canon.role_levels:
        titles = {s.title for s in build_frame(role, FrameKind.SCORECARD).sections}
        assert titles <= {"Internal process", "Role calibration"}


def test_role_level_without_responsibilities_gives_frames_without_rows(
    make_canon: CanonMaker,
) -> None:
    canon = make_canon(ARCHITECTURE, role_level(0))
    for kind in FrameKind:
        frame = frame_of(canon, kind)
        assert frame.sections == ()
        assert frame.lines == ()
        assert frame.text == ""


def test_placeholders_are_typed_parts(canon: Canon) -> None:
    role = canon.role_level("Clinical Trials Operations", "M5")
    measurable = build_frame(role, FrameKind.SMART).sections[0].rows[0].field("Measurable")
    assert measurable is not None
    blanks = [getattr(p, "placeholder", None) for p in measurable.parts]
    assert [b for b in blanks if b] == [Placeholder.BASELINE, Placeholder.TARGET, Placeholder.DATE]


def test_unknown_family_names_the_asked_and_the_closest(canon: Canon) -> None:
    with pytest.raises(NotFound) as caught:
        canon.role_level("Clinical Trial Ops", "M5")
    assert caught.value.asked == "Clinical Trial Ops"
    assert caught.value.closest == ("Clinical Trials Operations",)
    assert "Clinical Trial Ops" in str(caught.value)


def test_unknown_level_names_the_asked_and_the_closest(canon: Canon) -> None:
    with pytest.raises(NotFound) as caught:
        canon.role_level("Clinical Trials Operations", "M6")
    assert caught.value.what == "level"
    assert caught.value.closest == ("M5",)


def test_family_and_level_without_a_role_level_is_not_found(make_canon: CanonMaker) -> None:
    other_level = PREFIXES + (
        '<level/P4> a jf:Level ; skos:notation "P4" ; skos:prefLabel "Lead" ;'
        " jf:track <track/P> ; jf:rank 4 .\n"
    )
    canon = make_canon(ARCHITECTURE, other_level, role_level(1))
    with pytest.raises(NotFound) as caught:
        canon.role_level("Field Operations", "P4")
    assert caught.value.what == "role-level"
    assert caught.value.closest == ("Field Operations — P3",)


def test_lookup_ignores_case_when_unambiguous(canon: Canon) -> None:
    assert canon.role_level("clinical trials operations", "m5").label == (
        "Clinical Trials Operations — M5"
    )


def _section(heading: str, *fields: str, rows: Rows = Rows.RESPONSIBILITIES) -> SectionSpec:
    return SectionSpec(
        title="Cost & Risk (Q3)",
        rows=rows,
        row="measure",
        heading=heading,
        fields=tuple(FieldSpec(f"Field {n}", pattern) for n, pattern in enumerate(fields)),
        text=("{heading}",),
    )


@pytest.mark.parametrize(
    ("heading", "field", "unknown"),
    [
        ("{statement.text}", "For {responsibility.text}", ["responsibility"]),
        ("{responsibility.text}", "ok", ["responsibility"]),
        ('"{statement.text}"', "{zeta.text} and {alpha.label}", ["alpha", "zeta"]),
    ],
)
def test_a_frame_definition_with_an_unknown_binding_is_refused(
    heading: str, field: str, unknown: list[str]
) -> None:
    spec = _section(heading, field, rows=Rows.DIMENSION_STATEMENTS)
    with pytest.raises(ValueError) as refused:
        _compile(FrameKind.SCORECARD, spec)
    wrong = heading if "responsibility" in heading else field
    assert str(refused.value) == f"{wrong!r} uses unknown bindings {unknown}"


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("Deliver {responsibility}", "must be {binding.attribute}"),
        ("Deliver {responsibility.text:>9}", "must be {binding.attribute}"),
        ("Deliver {responsibility.text!r}", "must be {binding.attribute}"),
        ("By ⟨deadline⟩", "unknown placeholder ⟨deadline⟩"),
    ],
)
def test_a_frame_definition_with_a_malformed_slot_or_placeholder_is_refused(
    pattern: str, message: str
) -> None:
    for spec in (_section(pattern), _section("{responsibility.text}", pattern)):
        with pytest.raises(ValueError, match=re.escape(message)):
            _compile(FrameKind.SMART, spec)


def test_a_frame_definition_may_use_the_role_the_rubric_and_its_rows_bindings() -> None:
    fields = ("{role.label}", "{complexity.text} {knowledge.text}", "{statement.text}")
    spec = _section("{responsibility.text}", *fields)
    compiled = _compile(FrameKind.SMART, spec)
    assert compiled.spec is spec
    assert compiled.heading.pattern == "{responsibility.text}"
    assert [(name, t.pattern) for name, t in compiled.fields] == [
        ("Field 0", "{role.label}"),
        ("Field 1", "{complexity.text} {knowledge.text}"),
        ("Field 2", "{statement.text}"),
    ]


def test_template_ids_are_the_slugs_of_frame_section_and_row_or_field() -> None:
    fields = (FieldSpec("Time-Bound", "⟨date⟩"), FieldSpec(" KR 2! ", "x"))
    spec = replace(_section('Meets "{responsibility.text}"'), fields=fields)
    compiled = _compile(FrameKind.SCORECARD, spec)
    assert compiled.heading.id == "scorecard.cost-risk-q3.measure"
    assert [(n, t.id) for n, t in compiled.fields] == [
        ("Time-Bound", "scorecard.cost-risk-q3.time-bound"),
        (" KR 2! ", "scorecard.cost-risk-q3.kr-2"),
    ]
    smart = _compile(FrameKind.SMART, SMART.sections[0])
    assert smart.heading.id is None  # the heading is a bare canon value
    assert [t.id for _, t in smart.fields] == [
        "smart.specific",
        "smart.measurable",
        "smart.achievable",
        "smart.relevant",
        "smart.time-bound",
    ]
    calibration = _compile(FrameKind.SCORECARD, SCORECARD.sections[1])
    assert calibration.heading.id == "scorecard.role-calibration.measure"
    assert [t.id for _, t in calibration.fields] == ["scorecard.role-calibration.target"]
    assert {"smart.time-bound", "scorecard.role-calibration.measure"} <= set(TEMPLATES)


def test_omissions_name_each_section_left_out_and_the_field_it_lacks(
    make_canon: CanonMaker,
) -> None:
    empty = make_canon(ARCHITECTURE, role_level(0, complexity=False, knowledge=False))
    assert omissions(empty.role_level("Field Operations", "P3")) == [
        Omission(FrameKind.SMART, None, None, 0, 0, "responsibility"),
        Omission(FrameKind.OKR, None, None, 0, 0, "responsibility"),
        Omission(FrameKind.MBO, None, None, 0, 0, "responsibility"),
        Omission(FrameKind.SCORECARD, "Internal process", None, 0, 0, "responsibility"),
        Omission(FrameKind.SCORECARD, "Role calibration", None, 0, 0, "statement"),
    ]


def test_omissions_count_the_rows_that_lack_a_field(make_canon: CanonMaker) -> None:
    canon = make_canon(
        ARCHITECTURE, dimensions("Scope"), role_level(3, complexity=False, knowledge=False)
    )
    assert omissions(canon.role_level("Field Operations", "P3")) == [
        Omission(FrameKind.SMART, None, "Achievable", 3, 3, "complexity"),
        Omission(FrameKind.OKR, None, "KR2", 2, 3, "statement"),
        Omission(FrameKind.MBO, None, "Standard", 3, 3, "knowledge"),
    ]
    whole = make_canon(ARCHITECTURE, dimensions("Scope", "Autonomy"), role_level(2))
    assert omissions(whole.role_level("Field Operations", "P3")) == []


def test_the_page_is_of_its_role_level_with_its_heading_and_breadcrumb(
    make_canon: CanonMaker,
) -> None:
    canon = make_canon(ARCHITECTURE, role_level(1))
    role = canon.role_level("Field Operations", "P3")
    page = build_page(role)
    assert page.role_level is role
    assert page.heading.text == "Goal templates — Field Operations — P3"
    assert page.breadcrumb.text == "Operations · Field Operations · P3 — Senior Specialist"
    assert [f.kind for f in page.frames] == list(FrameKind)


def test_a_row_whose_heading_has_no_canon_value_is_left_out_and_the_next_rows_kept(
    make_canon: CanonMaker,
) -> None:
    role = make_canon(ARCHITECTURE, role_level(3)).role_level("Field Operations", "P3")
    blank = replace(role.responsibilities[0], text="")
    role = replace(role, responsibilities=(blank, *role.responsibilities[1:]))
    rows = build_frame(role, FrameKind.SMART).sections[0].rows
    assert [r.heading.text for r in rows] == ["Responsibility 2", "Responsibility 3"]
