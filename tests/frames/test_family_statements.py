"""A dimension statement scoped to a family replaces the level's generic one for that
family's role-levels, in OKR KR2 and the Scorecard's Role calibration; others keep the generic."""

from __future__ import annotations

from jobframe.canon import Canon
from jobframe.frames import FrameKind, build_frame
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, dimensions, role_level

SPECIFIC = (
    PREFIXES
    + """
<level/P3/scope/ops> a jf:DimensionStatement ; jf:level <level/P3> ;
    jf:dimension <dimension/scope> ; jf:family <family/ops> ;
    jf:text "Owns the field programme of one region" .
<family/lab> a jf:JobFamily ; skos:prefLabel "Laboratory" ; jf:function <function/ops> .
<role/lab/P3> a jf:RoleLevel ; jf:family <family/lab> ; jf:level <level/P3> .
<role/lab/P3/r1> a jf:Responsibility ; jf:roleLevel <role/lab/P3> ; jf:order 1 ;
    jf:source <source/jfm> ; jf:text "Runs the lab" .
"""
)


def _canon(make_canon: CanonMaker) -> Canon:
    return make_canon(ARCHITECTURE, dimensions("Scope", "Impact"), role_level(2), SPECIFIC)


def _sources(canon: Canon, family: str, kind: FrameKind, field: str) -> list[tuple[str, str]]:
    frame = build_frame(canon.role_level(family, "P3"), kind)
    return [
        (s.quote, s.node.iri)
        for section in frame.sections
        for row in section.rows
        for f in row.fields
        if f.name == field
        for s in f.line.sources
    ] + [
        (s.quote, s.node.iri)
        for section in frame.sections
        if section.title == field
        for row in section.rows
        for s in row.heading.sources
    ]


def test_okr_kr2_quotes_the_familys_own_statement_with_its_provenance(
    make_canon: CanonMaker,
) -> None:
    canon = _canon(make_canon)
    quoted = _sources(canon, "Field Operations", FrameKind.OKR, "KR2")
    assert (
        "Owns the field programme of one region",
        "https://test.example/canon/level/P3/scope/ops",
    ) in quoted
    assert not any(q == "P3 scope statement" for q, _ in quoted)


def test_scorecard_role_calibration_uses_the_familys_own_statement(make_canon: CanonMaker) -> None:
    canon = _canon(make_canon)
    quoted = _sources(canon, "Field Operations", FrameKind.SCORECARD, "Role calibration")
    texts = [q for q, _ in quoted]
    assert "Owns the field programme of one region" in texts
    assert "P3 impact statement" in texts  # no specific statement for impact: the generic one
    assert "P3 scope statement" not in texts


def test_other_families_keep_the_generic_statement(make_canon: CanonMaker) -> None:
    canon = _canon(make_canon)
    quoted = _sources(canon, "Laboratory", FrameKind.SCORECARD, "Role calibration")
    assert ("P3 scope statement", "https://test.example/canon/level/P3/scope") in quoted
    assert "Owns the field programme of one region" not in [q for q, _ in quoted]


def test_the_level_keeps_generic_and_specific_statements_apart(make_canon: CanonMaker) -> None:
    level = _canon(make_canon).level("P3")
    assert [s.text for s in level.statements] == ["P3 scope statement", "P3 impact statement"]
    assert [(s.family.label if s.family else None, s.text) for s in level.family_statements] == [
        ("Field Operations", "Owns the field programme of one region")
    ]
