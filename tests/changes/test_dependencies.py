"""The dependency graph of provenance: a changed node reaches the role-levels that quote it,
as the frame templates do, and only those are rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobframe.canon import Canon, RoleLevel
from jobframe.changes import Dependencies, FrameChange, compare_canons, report
from jobframe.changes.nodes import Side, owners
from jobframe.frames import FrameKind
from tests.changes.canons import FLEET, LAB, OPS, load

BASE = "https://test.example/canon/"
OKR_AND_SCORECARD = frozenset({FrameKind.OKR, FrameKind.SCORECARD})


def _reached(canon: Canon, *iris: str) -> dict[str, frozenset[FrameKind]]:
    side = Side(canon, owners(canon))
    graph = Dependencies(side, side)
    return graph.reached((iri, type(canon.nodes[iri])) for iri in iris)


@pytest.mark.parametrize(
    ("node", "reached"),
    [
        ("role/ops/P3/r2", {OPS: frozenset(FrameKind)}),
        ("role/ops/P3/cps", {OPS: frozenset({FrameKind.SMART, FrameKind.MBO})}),
        ("level/P3/scope", {OPS: OKR_AND_SCORECARD, FLEET: OKR_AND_SCORECARD}),
        ("level/P3/scope/lab", {LAB: OKR_AND_SCORECARD}),
        ("level/P3/autonomy", dict.fromkeys([OPS, LAB, FLEET], OKR_AND_SCORECARD)),
        ("dimension/scope", dict.fromkeys([OPS, LAB, FLEET], OKR_AND_SCORECARD)),
        ("family/lab", {LAB: frozenset({FrameKind.SMART})}),
        ("function/ops", dict.fromkeys([OPS, LAB, FLEET], frozenset({FrameKind.SMART}))),
        ("level/P3", dict.fromkeys([OPS, LAB, FLEET], frozenset(FrameKind))),
        ("source/jfm", dict.fromkeys([OPS, LAB, FLEET], frozenset(FrameKind))),
        (
            "https://jobframe.example/ontology#KnowledgeApplication",
            {OPS: frozenset({FrameKind.SMART, FrameKind.MBO})},
        ),
        ("track/P", {}),
        ("role/lab/P3", {LAB: frozenset(FrameKind)}),
    ],
)
def test_a_node_reaches_the_role_levels_quoting_it_in_the_frames_quoting_its_kind(
    before: Canon, node: str, reached: dict[str, frozenset[FrameKind]]
) -> None:
    iri = node if node.startswith("https:") else BASE + node
    assert _reached(before, iri) == reached


def test_a_statement_moved_to_another_level_reaches_both_levels(before: Canon, after: Path) -> None:
    extra = """
<level/P4> a jf:Level ; skos:notation "P4" ; skos:prefLabel "Principal" ;
    jf:track <track/P> ; jf:rank 4 .
<role/fleet/P4> a jf:RoleLevel ; jf:family <family/fleet> ; jf:level <level/P4> .
<role/fleet/P4/r1> a jf:Responsibility ; jf:roleLevel <role/fleet/P4> ; jf:order 1 ;
    jf:source <source/jfm> ; jf:text "Leads the fleet" .
"""
    start = load(after / "start", extra=extra)
    edited = load(
        after / "edited",
        (
            "<level/P3/scope> a jf:DimensionStatement ; jf:level <level/P3> ;",
            "<level/P3/scope> a jf:DimensionStatement ; jf:level <level/P4> ;",
        ),
        extra=extra,
    )
    changes = compare_canons(start, edited)
    [node] = changes.nodes
    assert [(f.field, f.old, f.new) for f in node.fields] == [
        ("level", BASE + "level/P3", BASE + "level/P4")
    ]
    assert {r.iri for r in changes.role_levels} == {OPS, FLEET, BASE + "role/fleet/P4"}


def test_only_reached_role_levels_and_frames_quoting_the_change_are_rendered(
    before: Canon, after: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[tuple[str, FrameKind]] = []
    real = report.frame_changes

    def spy(
        old: RoleLevel | None, new: RoleLevel | None, kinds: frozenset[FrameKind]
    ) -> tuple[FrameChange, ...]:
        shown = new or old
        assert shown is not None
        rendered.extend((shown.iri, k) for k in kinds)
        return real(old, new, kinds)

    monkeypatch.setattr(report, "frame_changes", spy)
    compare_canons(before, load(after, ('"Laboratory"', '"Lab"')))
    assert rendered == [(LAB, FrameKind.SMART)]
