"""Typos must not lose data: every class, property and value of the JobFrame namespace a canon
uses is declared in the vocabulary, or it is an error at the line that uses it, naming the
closest declared term; the shapes and lineage checks do not report the same typo again."""

from __future__ import annotations

from pathlib import Path

from jobframe.checks import check_canon
from jobframe.checks.terms import declared
from jobframe.findings import FindingKind, Location, Severity
from jobframe.resources import DEFAULT_CANON_DIR
from jobframe.vocabulary import JF, NAMESPACE
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon

BASE = "https://test.example/canon/"


def test_an_unknown_class_is_an_error_at_its_line_naming_the_closest_class(
    tmp_path: Path,
) -> None:
    """It used to be "0 errors, 1 warning", and the SMART frame silently lost the row."""
    typo = PREFIXES + (
        "\n"
        "<role/ops/P3/r4>\n"
        "    a jf:Responsiblity ;\n"
        "    jf:roleLevel <role/ops/P3> ; jf:order 4 ; jf:source <source/jfm> ;\n"
        '    jf:text "Responsibility 4" .\n'
    )
    report = check_canon(
        write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(3), typo)
    )
    assert report.canon is None and not report.passes()
    [finding] = report.errors
    assert finding.kind is FindingKind.UNKNOWN_TERM
    assert finding.location == Location(
        file=str(tmp_path / "part3.ttl"), line=6, node=f"{BASE}role/ops/P3/r4"
    )
    assert finding.message == (
        f"<{BASE}role/ops/P3/r4> uses jf:Responsiblity, a class the JobFrame vocabulary does"
        " not declare; did you mean jf:Responsibility?"
    )
    assert finding.hint == "replace jf:Responsiblity with jf:Responsibility"


def test_an_unknown_property_is_one_error_not_also_a_missing_value(tmp_path: Path) -> None:
    typo = PREFIXES + (
        "<role/ops/P3/r4> a jf:Responsibility ;\n"
        "    jf:order 4 ; jf:source <source/jfm> ;\n"
        '    jf:rolelevel <role/ops/P3> ; jf:text "Responsibility 4" .\n'
    )
    report = check_canon(
        write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(3), typo)
    )
    [finding] = report.errors  # no "has no jf:roleLevel", no "needs exactly one jf:roleLevel"
    assert finding.kind is FindingKind.UNKNOWN_TERM
    assert (finding.location.file, finding.location.line) == (str(tmp_path / "part3.ttl"), 6)
    assert "uses jf:rolelevel, a property" in finding.message
    assert finding.message.endswith("did you mean jf:roleLevel?")


def test_an_unknown_value_of_the_vocabulary_is_one_error_not_also_dangling(
    tmp_path: Path,
) -> None:
    typo = ARCHITECTURE + (
        "<role/ops/P3/x> a jf:RubricEntry ; jf:roleLevel <role/ops/P3> ;\n"
        "    jf:rubricDimension <https://jobframe.example/ontology#KnowledgeAplication> ;\n"
        '    jf:source <source/jfm> ; jf:text "x" .\n'
    )
    report = check_canon(
        write_canon(tmp_path, typo, dimensions("Scope"), role_level(3, knowledge=False))
    )
    [finding] = report.errors
    assert finding.kind is FindingKind.UNKNOWN_TERM
    assert finding.location.line == 12  # the line of the value, after the subject's
    assert (
        "uses jf:KnowledgeAplication (the value of jf:rubricDimension), a term" in finding.message
    )
    assert finding.message.endswith("did you mean jf:KnowledgeApplication?")


def test_references_to_a_node_of_a_mistyped_class_are_not_reported_again(tmp_path: Path) -> None:
    typo = role_level(2).replace("<role/ops/P3> a jf:RoleLevel", "<role/ops/P3> a jf:Rolelevel")
    report = check_canon(write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), typo))
    assert {f.kind for f in report.errors} == {FindingKind.UNKNOWN_TERM}
    [finding] = report.errors
    assert finding.message.endswith("did you mean jf:RoleLevel?")


def test_each_node_using_a_typo_is_reported_at_its_own_use(tmp_path: Path) -> None:
    typos = PREFIXES + "".join(
        f"<role/ops/P3/r{n}> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ;\n"
        f'    jf:order {n} ; jf:source <source/jfm> ; jf:txt "R{n}" .\n'
        for n in (1, 2)
    )
    report = check_canon(
        write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(0), typos)
    )
    assert [(f.location.node, f.location.line) for f in report.errors] == [
        (f"{BASE}role/ops/P3/r1", 5),
        (f"{BASE}role/ops/P3/r2", 7),
    ]
    assert all(f.message.endswith("did you mean jf:text?") for f in report.errors)


def test_a_term_far_from_every_declared_one_is_named_without_a_guess(tmp_path: Path) -> None:
    odd = ARCHITECTURE.replace(
        'skos:prefLabel "Operations" .', 'skos:prefLabel "Operations" ; jf:zzzqqq 1 .'
    )
    report = check_canon(write_canon(tmp_path, odd, dimensions("Scope"), role_level(1)))
    [finding] = report.errors
    assert finding.message.endswith("a property the JobFrame vocabulary does not declare")
    assert "your own namespace" in finding.hint


def test_a_term_quoted_in_a_text_or_comment_is_no_use_of_it(tmp_path: Path) -> None:
    typo = PREFIXES + (
        "# jf:Responsiblity is what this file once said\n"
        '<role/ops/P3/r9> jf:text "jf:Responsiblity" ;\n'
        "    a jf:Responsiblity .\n"
    )
    report = check_canon(write_canon(tmp_path, ARCHITECTURE, typo))
    [finding] = [f for f in report.errors if f.kind is FindingKind.UNKNOWN_TERM]
    assert finding.location.line == 6


def test_terms_of_other_namespaces_and_nodes_the_canon_describes_are_not_checked(
    tmp_path: Path,
) -> None:
    """Your own terms go in your own namespace; a jf: IRI a canon file describes is a node."""
    other = ARCHITECTURE.replace(
        "a jf:JobFamily ;", "a jf:JobFamily, <https://schema.org/Occupation> ;"
    ) + ('<family/ops> <https://example.org/my#note> "kept" .\n')
    report = check_canon(write_canon(tmp_path, other, dimensions("Scope"), role_level(1)))
    assert [f for f in report.findings if f.kind is FindingKind.UNKNOWN_TERM] == []
    assert report.canon is not None


def test_the_declared_terms_are_read_from_the_vocabulary_file() -> None:
    terms = declared()
    assert {JF.Responsibility, JF.ResponsibilityGroup, JF.Canon} <= terms.classes
    assert {JF.roleLevel, JF.group, JF.defaultLanguage, JF.displayOrder} <= terms.properties
    assert JF.ComplexityProblemSolving in terms.terms - terms.classes - terms.properties
    assert all(term.startswith(NAMESPACE) for term in terms.terms)


def test_the_shipped_canon_uses_only_declared_terms() -> None:
    report = check_canon(DEFAULT_CANON_DIR)
    assert [f for f in report.findings if f.severity is Severity.ERROR] == []
