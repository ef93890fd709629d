"""The frame rules hold for any canon, not only the shipped one."""

import pytest

from jobframe.canon import Canon, NotFound
from jobframe.frames.model import Frame, FrameKind, Placeholder
from jobframe.frames.rules import build_frame
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, dimensions, role_level

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
