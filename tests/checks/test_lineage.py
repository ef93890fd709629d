"""Lineage findings: each says which rule is broken, names every node concerned (by IRI and
label, or notation) and how to fix it; nodes that keep the rules raise none."""

from __future__ import annotations

from pathlib import Path

from jobframe.checks import CheckReport, check_canon
from jobframe.findings import FindingKind
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon

BASE = "https://test.example/canon/"
LINEAGE = {
    FindingKind.CYCLE,
    FindingKind.ORPHAN,
    FindingKind.DANGLING,
    FindingKind.DUPLICATE,
    FindingKind.RANK_GAP,
}


def check(folder: Path, *files: str) -> CheckReport:
    return check_canon(write_canon(folder, *files))


def found(report: CheckReport, kind: FindingKind) -> list[tuple[str | None, str, str]]:
    """(node, message, hint) of each finding of that kind, in report order."""
    return [(f.location.node, f.message, f.hint) for f in report.findings if f.kind == kind]


def test_a_node_may_also_have_a_type_from_another_vocabulary(tmp_path: Path) -> None:
    schema = "<https://schema.org/Occupation>"
    typed = ARCHITECTURE.replace("a jf:JobFamily", f"a jf:JobFamily, {schema}")
    report = check(tmp_path, typed, dimensions("Scope"), role_level(1))
    assert [f for f in report.findings if f.kind in LINEAGE] == []
    assert report.findings == ()
    assert report.canon is not None
    assert report.canon.family("Field Operations").label == "Field Operations"


def test_every_reference_to_an_undescribed_iri_is_reported_as_dangling(tmp_path: Path) -> None:
    broken = PREFIXES + (
        "<role/ops/P3> a jf:RoleLevel ; jf:family <family/ops> ; jf:level <level/P3> .\n"
        "<role/ops/P3/r1> a jf:Responsibility ; jf:roleLevel <role/ops/nowhere> ;"
        ' jf:order 1 ; jf:source <source/nowhere> ; jf:text "Runs visits" ;'
        " <http://www.w3.org/2000/01/rdf-schema#seeAlso> <elsewhere> ;"
        " <http://purl.org/dc/terms/subject> <subject/x> .\n"
        # Its type last: the references written before it are checked all the same.
        '<role/ops/P3/r2> jf:roleLevel <role/ops/P3> ; jf:order 2 ; jf:text "Trains" ;'
        " jf:source <source/elsewhere> ; a jf:Responsibility .\n"
    )
    report = check(tmp_path, ARCHITECTURE, broken)
    hint = "describe that node or correct the IRI (a typo?)"
    references = (
        ("r1", "http://purl.org/dc/terms/subject", "subject/x"),
        ("r1", "http://www.w3.org/2000/01/rdf-schema#seeAlso", "elsewhere"),
        ("r1", "https://jobframe.example/ontology#source", "source/nowhere"),
        ("r1", "https://jobframe.example/ontology#roleLevel", "role/ops/nowhere"),
        ("r2", "https://jobframe.example/ontology#source", "source/elsewhere"),
    )
    assert sorted(found(report, FindingKind.DANGLING)) == sorted(
        (
            f"{BASE}role/ops/P3/{name}",
            f"<{BASE}role/ops/P3/{name}> refers with <{prop}> to <{BASE}{target}>,"
            " which no canon file describes",
            hint,
        )
        for name, prop, target in references
    )
    assert report.canon is None


def test_a_missing_or_mistyped_parent_is_an_orphan(tmp_path: Path) -> None:
    mistyped = ARCHITECTURE.replace("jf:function <function/ops>", "jf:function <track/P>")
    no_level = PREFIXES + "<role/ops/P3> a jf:RoleLevel ; jf:family <family/ops> .\n"
    report = check(tmp_path, mistyped, no_level)
    assert found(report, FindingKind.ORPHAN) == [
        (
            f"{BASE}family/ops",
            f"JobFamily <{BASE}family/ops> (Field Operations) has jf:function pointing to no"
            " jf:JobFunction",
            "add jf:function pointing to a described jf:JobFunction",
        ),
        (
            f"{BASE}role/ops/P3",
            f"RoleLevel <{BASE}role/ops/P3> has no jf:level",
            "add jf:level pointing to a described jf:Level",
        ),
    ]


def test_a_literal_is_no_reference_to_a_parent(tmp_path: Path) -> None:
    literal = ARCHITECTURE.replace("jf:function <function/ops>", f'jf:function "{BASE}track/P"')
    report = check(tmp_path, literal, role_level(1))
    assert found(report, FindingKind.ORPHAN) == []
    assert found(report, FindingKind.DANGLING) == []
    assert [f.kind for f in report.errors] == [FindingKind.SHAPES]


def test_a_cycle_is_reported_once_from_its_smallest_iri(tmp_path: Path) -> None:
    def family(name: str, parent: str) -> str:
        return (
            f'<family/{name}> a jf:JobFamily ; skos:prefLabel "{name.upper()}" ;'
            f" jf:function <family/{parent}> .\n"
        )

    loops = PREFIXES + "".join(
        family(name, parent)
        for name, parent in (
            ("self", "self"),
            ("z", "m"),
            ("m", "z"),
            ("y", "c"),
            ("c", "y"),
            ("a", "b>, <family/d"),  # a's cycle with b also leads on to d's cycle with e
            ("b", "a"),
            ("d", "e"),
            ("e", "d"),
        )
    )
    report = check(tmp_path, ARCHITECTURE, loops)
    hint = "a node must not be its own ancestor: point one of these to its real parent"

    def path(*names: str) -> str:
        return " -> ".join(f"<{BASE}family/{n}> ({n.upper()})" for n in names)

    assert sorted(found(report, FindingKind.CYCLE)) == [
        (f"{BASE}family/a", f"lineage cycle: {path('a', 'b', 'a')}", hint),
        (f"{BASE}family/c", f"lineage cycle: {path('c', 'y', 'c')}", hint),
        (f"{BASE}family/d", f"lineage cycle: {path('d', 'e', 'd')}", hint),
        (f"{BASE}family/m", f"lineage cycle: {path('m', 'z', 'm')}", hint),
        (f"{BASE}family/self", f"lineage cycle: {path('self', 'self')}", hint),
    ]


DUPLICATES = PREFIXES + (
    "<role/ops/P3/r9> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ; jf:order 1 ;"
    ' jf:source <source/jfm> ; jf:text "Again" .\n'
    "<role/ops/P3/cps2> a jf:RubricEntry ; jf:roleLevel <role/ops/P3> ;"
    " jf:rubricDimension jf:ComplexityProblemSolving ; jf:source <source/jfm> ;"
    ' jf:text "Again" .\n'
    "<level/P3/scope2> a jf:DimensionStatement ; jf:level <level/P3> ;"
    ' jf:dimension <dimension/scope> ; jf:text "Again" .\n'
    "<role/ops/P3b> a jf:RoleLevel ; jf:family <family/ops> ; jf:level <level/P3> .\n"
    '<level/X> a jf:Level ; skos:notation "P3" ; jf:track <track/P> ; jf:rank 4 .\n'
    '<level/Q3> a jf:Level ; skos:notation "Q3" ; skos:prefLabel "Other" ;'
    " jf:track <track/P> ; jf:rank 3 .\n"
    '<dimension/reach> a jf:LevelDimension ; skos:prefLabel "Reach" ; skos:notation "reach" ;'
    " jf:displayOrder 1 .\n"
)


def test_each_one_of_a_kind_key_held_twice_is_a_duplicate(tmp_path: Path) -> None:
    report = check(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), DUPLICATES)
    hint = "give each its own value, or remove the extra one"
    assert sorted(found(report, FindingKind.DUPLICATE)) == sorted(
        (f"{BASE}{second}", f"{what}: <{BASE}{first}>{one}, <{BASE}{second}>{two}", hint)
        for what, first, one, second, two in (
            (
                "two level dimensions with the same jf:displayOrder",
                "dimension/reach",
                " (Reach)",
                "dimension/scope",
                " (Scope)",
            ),
            (
                "two responsibilities with the same jf:order in one role-level",
                "role/ops/P3/r1",
                "",
                "role/ops/P3/r9",
                "",
            ),
            (
                "two rubric entries along the same rubric dimension in one role-level",
                "role/ops/P3/cps",
                "",
                "role/ops/P3/cps2",
                "",
            ),
            (
                "two statements for the same level and dimension, both generic (no jf:family)",
                "level/P3/scope",
                "",
                "level/P3/scope2",
                "",
            ),
            (
                "two role-levels for the same family and level",
                "role/ops/P3",
                "",
                "role/ops/P3b",
                "",
            ),
            (
                "two levels with the same code",
                "level/P3",
                " (Senior Specialist)",
                "level/X",
                " (P3)",  # no label: named by its notation
            ),
            (
                "two levels with the same rank in one track",
                "level/P3",
                " (Senior Specialist)",
                "level/Q3",
                " (Other)",
            ),
        )
    )


def test_a_track_with_ranks_missing_between_its_levels_has_a_gap(tmp_path: Path) -> None:
    levels = PREFIXES + (
        '<level/P1> a jf:Level ; skos:notation "P1" ; skos:prefLabel "One" ;'
        " jf:track <track/P> ; jf:rank 1 .\n"
        '<level/P6> a jf:Level ; skos:notation "P6" ; skos:prefLabel "Six" ;'
        " jf:track <track/P> ; jf:rank 6 .\n"
        '<level/Px> a jf:Level ; skos:notation "Px" ; skos:prefLabel "No rank" ;'
        " jf:track <track/P> .\n"
        '<level/Q7> a jf:Level ; skos:notation "Q7" ; skos:prefLabel "Q" ;'
        " jf:track <track/Q> ; jf:rank 7 .\n"
        '<track/Q> a jf:Track ; skos:prefLabel "Q" .\n'
    )
    report = check(tmp_path, ARCHITECTURE, role_level(1), levels)
    assert found(report, FindingKind.RANK_GAP) == [
        (
            f"{BASE}track/P",
            f"track <{BASE}track/P> (P) has no level at rank 2, 4, 5",
            "add the missing level, or renumber the ranks",
        )
    ]


FAMILY_STATEMENTS = PREFIXES + (
    "<level/P3/scope/ops> a jf:DimensionStatement ; jf:level <level/P3> ;"
    ' jf:dimension <dimension/scope> ; jf:family <family/ops> ; jf:text "Ops scope" .\n'
)


def test_a_family_statement_may_stand_beside_the_generic_one(tmp_path: Path) -> None:
    report = check(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), FAMILY_STATEMENTS)
    assert [f for f in report.findings if f.kind in LINEAGE] == []
    assert report.canon is not None


def test_two_statements_for_the_same_level_dimension_and_family_are_a_duplicate(
    tmp_path: Path,
) -> None:
    again = FAMILY_STATEMENTS.replace("scope/ops>", "scope/ops2>").replace("Ops scope", "Again")
    report = check(
        tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), FAMILY_STATEMENTS, again
    )
    assert found(report, FindingKind.DUPLICATE) == [
        (
            f"{BASE}level/P3/scope/ops2",
            "two statements for the same level, dimension and jf:family:"
            f" <{BASE}level/P3/scope/ops>, <{BASE}level/P3/scope/ops2>",
            "give each its own value, or remove the extra one",
        )
    ]


def test_a_statement_family_and_a_responsibility_group_must_be_of_their_class(
    tmp_path: Path,
) -> None:
    wrong = PREFIXES + (
        "<level/P3/scope/ops> a jf:DimensionStatement ; jf:level <level/P3> ;"
        ' jf:dimension <dimension/scope> ; jf:family <track/P> ; jf:text "Ops scope" .\n'
        "<level/P3/scope/gone> a jf:DimensionStatement ; jf:level <level/P3> ;"
        ' jf:dimension <dimension/scope> ; jf:family <family/gone> ; jf:text "Gone" .\n'
        "<role/ops/P3/r1> jf:group <source/jfm> .\n"
    )
    report = check(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), wrong)
    assert sorted(found(report, FindingKind.ORPHAN)) == [
        (
            f"{BASE}level/P3/scope/ops",
            f"DimensionStatement <{BASE}level/P3/scope/ops> has jf:family pointing to no"
            " jf:JobFamily",
            "add jf:family pointing to a described jf:JobFamily",
        ),
        (
            f"{BASE}role/ops/P3/r1",
            f"Responsibility <{BASE}role/ops/P3/r1> has jf:group pointing to no"
            " jf:ResponsibilityGroup",
            "add jf:group pointing to a described jf:ResponsibilityGroup",
        ),
    ]
    [(node, message, _)] = found(report, FindingKind.DANGLING)
    assert node == f"{BASE}level/P3/scope/gone"
    assert f"to <{BASE}family/gone>, which no canon file describes" in message


def test_two_responsibility_groups_with_one_display_order_are_a_duplicate(
    tmp_path: Path,
) -> None:
    groups = PREFIXES + (
        '<group/a> a jf:ResponsibilityGroup ; skos:prefLabel "A" ; jf:displayOrder 1 .\n'
        '<group/b> a jf:ResponsibilityGroup ; skos:prefLabel "B" ; jf:displayOrder 1 .\n'
    )
    report = check(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), groups)
    assert [m for _, m, _ in found(report, FindingKind.DUPLICATE)] == [
        "two responsibility groups with the same jf:displayOrder:"
        f" <{BASE}group/a> (A), <{BASE}group/b> (B)"
    ]


def test_a_canon_describes_itself_at_most_once(tmp_path: Path) -> None:
    canons = PREFIXES + (
        '<canon> a jf:Canon ; jf:defaultLanguage "en" .\n<other-canon> a jf:Canon .\n'
    )
    report = check(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), canons)
    assert [m for _, m, _ in found(report, FindingKind.DUPLICATE)] == [
        f"two jf:Canon nodes (a canon describes itself once): <{BASE}canon>, <{BASE}other-canon>"
    ]


def test_where_the_canon_data_came_from_is_no_dangling_reference(tmp_path: Path) -> None:
    canon = PREFIXES + (
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        "<canon> a jf:Canon ; dcterms:source <https://www.onetcenter.org/database.html> ;"
        " dcterms:license <https://creativecommons.org/licenses/by/4.0/> .\n"
    )
    report = check(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), canon)
    assert report.errors == ()
