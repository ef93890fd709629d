"""Compiling a checked canon: lists come out in the order frames and clients rely on, not in
the order of IRIs or files, and every node keeps the values it was read with."""

from __future__ import annotations

from jobframe.canon import Canon
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, dimensions, role_level

ROLE = "<role/ops/P3> a jf:RoleLevel ; jf:family <family/ops> ; jf:level <level/P3> .\n"


def responsibility(name: str, order: int) -> str:
    return (
        f"<role/ops/P3/{name}> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ;"
        f' jf:order {order} ; jf:source <source/jfm> ; jf:text "Output {order}" .\n'
    )


def rubric_entry(name: str, dimension: str, text: str) -> str:
    return (
        f"<role/ops/P3/{name}> a jf:RubricEntry ; jf:roleLevel <role/ops/P3> ;"
        f" jf:rubricDimension jf:{dimension} ; jf:source <source/jfm> ;"
        f' jf:text "{text}" .\n'
    )


def test_responsibilities_follow_jf_order_not_iri_order(make_canon: CanonMaker) -> None:
    # As strings "r10" < "r2" < "r3": the IRIs sort the other way round from the orders.
    parts = PREFIXES + ROLE + "".join(responsibility(f"r{n}", n) for n in (10, 2, 3))
    canon = make_canon(ARCHITECTURE, parts)
    role = canon.role_level("Field Operations", "P3")
    assert [r.order for r in role.responsibilities] == [2, 3, 10]
    assert [r.iri.rsplit("/", 1)[1] for r in role.responsibilities] == ["r2", "r3", "r10"]
    assert [r.text for r in role.responsibilities] == ["Output 2", "Output 3", "Output 10"]
    assert role.responsibilities[0].label == "Field Operations — P3 responsibility 2"


def test_rubric_is_ordered_by_dimension_label_then_iri_not_by_iri(
    make_canon: CanonMaker,
) -> None:
    # The knowledge-application entry has the smaller IRI; complexity/problem-solving sorts
    # first by its dimension's label.
    parts = (
        PREFIXES
        + ROLE
        + rubric_entry("a-knowledge", "KnowledgeApplication", "Applies")
        + rubric_entry("b-complexity", "ComplexityProblemSolving", "Solves")
    )
    role = make_canon(ARCHITECTURE, parts).role_level("Field Operations", "P3")
    assert [(e.dimension.label, e.text) for e in role.rubric] == [
        ("complexity/problem-solving", "Solves"),
        ("knowledge-application", "Applies"),
    ]
    assert [e.label for e in role.rubric] == [
        "Field Operations — P3 complexity/problem-solving rubric",
        "Field Operations — P3 knowledge-application rubric",
    ]


def test_tracks_are_ordered_by_label_and_keep_their_notation(make_canon: CanonMaker) -> None:
    # <track/A> is labelled "Q", <track/P> "P": the label decides, not the IRI.
    other = PREFIXES + '<track/A> a jf:Track ; skos:prefLabel "Q" ; skos:notation "q-track" .\n'
    canon = make_canon(ARCHITECTURE, other, role_level(1))
    assert [(t.iri, t.label, t.notation) for t in canon.tracks] == [
        ("https://test.example/canon/track/P", "P", None),
        ("https://test.example/canon/track/A", "Q", "q-track"),
    ]


def test_levels_keep_their_rank_and_are_ordered_by_track_then_rank(
    make_canon: CanonMaker,
) -> None:
    lower = PREFIXES + (
        '<level/P2> a jf:Level ; skos:notation "P2" ; skos:prefLabel "Specialist" ;'
        " jf:track <track/P> ; jf:rank 2 .\n"
    )
    canon = make_canon(ARCHITECTURE, lower, role_level(1))
    assert [(lv.code, lv.rank, lv.track.label) for lv in canon.levels] == [
        ("P2", 2, "P"),
        ("P3", 3, "P"),
    ]


def test_statements_follow_the_display_order_of_their_dimensions(
    make_canon: CanonMaker,
) -> None:
    canon: Canon = make_canon(ARCHITECTURE, dimensions("Scope", "Autonomy"), role_level(0))
    (level,) = canon.levels
    assert [(s.dimension.label, s.text, s.label) for s in level.statements] == [
        ("Scope", "P3 scope statement", "P3 Scope"),
        ("Autonomy", "P3 autonomy statement", "P3 Autonomy"),
    ]
