"""Comparing two canons: which nodes changed, which role-levels they reach, and which frames
of those differ, byte for byte."""

from __future__ import annotations

from pathlib import Path

from jobframe.canon import Canon
from jobframe.changes import Change, ChangeReport, compare_canons
from jobframe.frames import FrameKind
from tests.changes.canons import FLEET, LAB, OPS, load

ALL = [FrameKind.SMART, FrameKind.OKR, FrameKind.MBO, FrameKind.SCORECARD]


def _frames(report: ChangeReport) -> dict[str, list[FrameKind]]:
    return {r.iri: [f.kind for f in r.frames] for r in report.role_levels}


def test_an_unchanged_canon_reaches_no_role_level(before: Canon, after: Path) -> None:
    report = compare_canons(before, load(after))
    assert report.counts.total == 0
    assert report.nodes == () and report.role_levels == ()
    assert not report.frames_change and report.complete


def test_a_one_responsibility_edit_changes_exactly_its_role_levels_four_frames(
    before: Canon, after: Path
) -> None:
    report = compare_canons(before, load(after, ('"Responsibility 2"', '"Responsibility two"')))
    [node] = report.nodes
    assert (node.iri, node.kind, node.change) == (f"{OPS}/r2", "Responsibility", Change.CHANGED)
    assert [(f.field, f.old, f.new) for f in node.fields] == [
        ("text", "Responsibility 2", "Responsibility two")
    ]
    assert report.reached == 1
    assert _frames(report) == {OPS: ALL}
    smart = report.role_levels[0].frames[0].diff
    assert "-2. Responsibility 2  [source: JFM responsibility (P3)]" in smart
    assert "+2. Responsibility two  [source: JFM responsibility (P3)]" in smart
    assert smart.startswith("--- SMART goals (old)\n+++ SMART goals (new)\n@@")


def test_a_generic_statement_edit_reaches_its_level_but_not_a_family_with_its_own(
    before: Canon, after: Path
) -> None:
    report = compare_canons(before, load(after, ('"P3 scope statement"', '"Sets the scope"')))
    assert _frames(report) == {
        OPS: [FrameKind.OKR, FrameKind.SCORECARD],
        FLEET: [FrameKind.OKR, FrameKind.SCORECARD],
    }
    assert LAB not in _frames(report), "Laboratory has its own Scope statement"
    assert report.reached == 2


def test_a_family_statement_edit_reaches_only_that_familys_role_levels(
    before: Canon, after: Path
) -> None:
    edited = ('"Owns the lab programme of one site"', '"Owns the lab programme"')
    report = compare_canons(before, load(after, edited))
    assert _frames(report) == {LAB: [FrameKind.OKR, FrameKind.SCORECARD]}


def test_a_family_label_change_reaches_its_role_levels_in_the_frame_quoting_it(
    before: Canon, after: Path
) -> None:
    report = compare_canons(before, load(after, ('"Field Operations"', '"Field Services"')))
    [node] = report.nodes
    assert (node.kind, node.label, node.fields[0].old) == (
        "JobFamily",
        "Field Services",
        "Field Operations",
    )
    assert _frames(report) == {OPS: [FrameKind.SMART]}
    assert "Field Operations · Field Services mandate" not in report.role_levels[0].frames[0].diff
    assert "+   Relevant:    Advances the Operations · Field Services mandate" in (
        report.role_levels[0].frames[0].diff
    )


def test_a_function_label_change_reaches_every_role_level_of_its_families(
    before: Canon, after: Path
) -> None:
    report = compare_canons(before, load(after, ('"Operations"', '"Clinical Operations"')))
    assert _frames(report) == {
        OPS: [FrameKind.SMART],
        LAB: [FrameKind.SMART],
        FLEET: [FrameKind.SMART],
    }


def test_a_level_dimension_edit_reaches_every_role_level_at_its_levels(
    before: Canon, after: Path
) -> None:
    report = compare_canons(
        before, load(after, ('skos:notation "autonomy"', 'skos:notation "independence"'))
    )
    assert set(_frames(report)) == {OPS, LAB, FLEET}


def test_added_and_removed_nodes_are_listed_with_all_their_values(
    before: Canon, after: Path
) -> None:
    added = (
        "<role/ops/P3/r4> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ; jf:order 4 ;"
        ' jf:source <source/jfm> ; jf:text "Responsibility 4" .'
    )
    removed = (
        "<role/fleet/P3/r1> a jf:Responsibility ; jf:roleLevel <role/fleet/P3> ; jf:order 1 ;\n"
        '    jf:source <source/jfm> ; jf:text "Keeps the fleet running" .\n'
    )
    report = compare_canons(before, load(after, (removed, ""), extra=added))
    assert (report.counts.added, report.counts.removed, report.counts.changed) == (1, 1, 0)
    new, gone = report.nodes
    assert (new.change, new.iri) == (Change.ADDED, f"{OPS}/r4")
    assert {f.field: (f.old, f.new) for f in new.fields} == {
        "order": (None, "4"),
        "text": (None, "Responsibility 4"),
        "source": (None, "https://test.example/canon/source/jfm"),
        "roleLevel": (None, OPS),
    }
    assert (gone.change, gone.iri, gone.label) == (
        Change.REMOVED,
        f"{FLEET}/r1",
        "Fleet — P3 responsibility 1",
    )
    assert {f.field: f.new for f in gone.fields} == dict.fromkeys(
        ["order", "text", "source", "roleLevel"]
    )
    assert _frames(report) == {OPS: ALL, FLEET: ALL}
    assert "+Objective 4: Responsibility 4" in report.role_levels[0].frames[1].diff


def test_an_added_role_level_is_listed_with_its_whole_frames(before: Canon, after: Path) -> None:
    added = """
<level/P2> a jf:Level ; skos:notation "P2" ; skos:prefLabel "Specialist" ;
    jf:track <track/P> ; jf:rank 2 .
<role/lab/P2> a jf:RoleLevel ; jf:family <family/lab> ; jf:level <level/P2> .
<role/lab/P2/r1> a jf:Responsibility ; jf:roleLevel <role/lab/P2> ; jf:order 1 ;
    jf:source <source/jfm> ; jf:text "Assists in the lab" .
"""
    report = compare_canons(before, load(after, extra=added))
    assert {n.iri.rsplit("/canon/")[1] for n in report.nodes} == {
        "level/P2",
        "role/lab/P2",
        "role/lab/P2/r1",
    }
    [role] = report.role_levels
    assert (role.label, role.change) == ("Laboratory — P2", Change.ADDED)
    assert [f.kind for f in role.frames] == ALL
    assert role.frames[0].diff.startswith(
        "--- SMART goals (old)\n+++ SMART goals (new)\n@@ -0,0 +1,"
    )


def test_a_responsibility_moved_to_another_role_level_changes_both(
    before: Canon, after: Path
) -> None:
    moved = (
        "<role/ops/P3/r3> a jf:Responsibility ; jf:roleLevel <role/ops/P3>",
        "<role/ops/P3/r3> a jf:Responsibility ; jf:roleLevel <role/fleet/P3>",
    )
    report = compare_canons(before, load(after, moved))
    [node] = report.nodes
    assert [(f.field, f.old, f.new) for f in node.fields] == [("roleLevel", OPS, FLEET)]
    assert set(_frames(report)) == {OPS, FLEET}


def test_a_change_no_frame_quotes_reaches_no_role_level(before: Canon, after: Path) -> None:
    report = compare_canons(
        before,
        load(
            after,
            (
                '<track/P> a jf:Track ; skos:prefLabel "P"',
                '<track/P> a jf:Track ; skos:prefLabel "Professional"',
            ),
        ),
    )
    [node] = report.nodes
    assert node.kind == "Track"
    assert report.reached == 0 and report.role_levels == ()
    assert not report.frames_change


def test_a_role_level_reached_whose_frames_stay_identical_is_not_listed(
    before: Canon, after: Path
) -> None:
    """A responsibility's group is not quoted by any frame, but the responsibility is: its
    role-level is reached and rendered, and its identical frames are left out."""
    group = """
<group/results> a jf:ResponsibilityGroup ; skos:prefLabel "Results" ; jf:displayOrder 1 .
<role/ops/P3/r1> jf:group <group/results> .
"""
    report = compare_canons(before, load(after, extra=group))
    assert {n.kind for n in report.nodes} == {"ResponsibilityGroup", "Responsibility"}
    assert report.reached == 1
    assert report.role_levels == ()
    assert not report.frames_change


def test_the_bounds_list_the_first_and_count_all(before: Canon, after: Path) -> None:
    edited = load(after, ('"Operations"', '"Ops"'), ('"Responsibility 1"', '"Responsibility one"'))
    report = compare_canons(before, edited, listed_nodes=1, compared_role_levels=1)
    assert report.counts.changed == 2 and len(report.nodes) == 1
    assert report.reached == 3
    assert [r.compared for r in report.role_levels] == [True, False, False]
    assert not report.complete
    assert report.role_levels[1].frames == ()
