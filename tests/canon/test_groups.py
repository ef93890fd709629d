"""Responsibilities may name their group; grouping never changes frame wording or order."""

from __future__ import annotations

from jobframe.frames import FrameKind, build_frame
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, dimensions, role_level

GROUPS = (
    PREFIXES
    + """
<group/results> a jf:ResponsibilityGroup ; skos:prefLabel "Results" ; jf:displayOrder 1 .
<group/talent> a jf:ResponsibilityGroup ; skos:prefLabel "Talent" ; jf:displayOrder 2 .
<role/ops/P3/r1> jf:group <group/talent> .
<role/ops/P3/r2> jf:group <group/results> .
"""
)


def test_a_responsibility_names_its_group_and_groups_come_in_their_order(
    make_canon: CanonMaker,
) -> None:
    canon = make_canon(ARCHITECTURE, dimensions("Scope"), role_level(3), GROUPS)
    role = canon.role_level("Field Operations", "P3")
    assert [r.group.label if r.group else None for r in role.responsibilities] == [
        "Talent",
        "Results",
        None,
    ]
    assert [g.label for g in canon.groups] == ["Results", "Talent"]


def test_groups_change_no_frame_wording_or_order(make_canon: CanonMaker) -> None:
    plain = make_canon(ARCHITECTURE, dimensions("Scope"), role_level(3))
    grouped = make_canon(ARCHITECTURE, dimensions("Scope"), role_level(3), GROUPS)
    for kind in FrameKind:
        before = build_frame(plain.role_level("Field Operations", "P3"), kind)
        after = build_frame(grouped.role_level("Field Operations", "P3"), kind)
        assert after.text == before.text
