"""SHACL shapes: a value of the wrong datatype or language says exactly that (never "missing"),
texts may be language-tagged (one per language, the untagged one counting as a language), and
the shapes of the newer vocabulary (responsibility groups, a statement's family, a family's
text, the canon's own description) hold. `NEW_RULES` breaks them for the differential test
(test_shacl_sparql.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobframe.checks import CheckReport, check_canon
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon

BASE = "https://test.example/canon/"
DCTERMS = "@prefix dcterms: <http://purl.org/dc/terms/> .\n"


def check(folder: Path, *files: str) -> CheckReport:
    return check_canon(
        write_canon(folder, ARCHITECTURE, dimensions("Scope"), role_level(2), *files)
    )


def shapes(report: CheckReport) -> list[tuple[str | None, str, str]]:
    return [(f.location.node, f.message, f.hint) for f in report.findings if f.kind == "shapes"]


def level(properties: str) -> str:
    """A second level, P4, with the given properties (its track is always there)."""
    return PREFIXES + f"<level/P4> a jf:Level ; jf:track <track/P> ; {properties} .\n"


def test_a_language_tagged_label_is_accepted(tmp_path: Path) -> None:
    report = check(
        tmp_path, level('skos:notation "P4" ; skos:prefLabel "Vice President"@en ; jf:rank 4')
    )
    assert report.findings == ()
    assert report.canon is not None


def test_one_text_per_language_and_one_untagged_is_accepted_on_every_text_property(
    tmp_path: Path,
) -> None:
    texts = (
        PREFIXES
        + DCTERMS
        + (
            '<level/P4> a jf:Level ; jf:track <track/P> ; jf:rank 4 ; skos:notation "P4", "P4"@de ;'
            ' skos:prefLabel "VP", "Vice President"@en, "Vizepräsident"@de, "VP"@en-GB .\n'
            "<level/P4/scope> a jf:DimensionStatement ; jf:level <level/P4> ;"
            ' jf:dimension <dimension/scope> ; jf:text "All", "Alles"@de .\n'
            '<canon> a jf:Canon ; dcterms:title "Canon", "Kanon"@de ; dcterms:rights "CC"@en ;'
            " dcterms:source <https://example.org/data> ;"
            " dcterms:license <https://creativecommons.org/licenses/by/4.0/> .\n"
        )
    )
    report = check(tmp_path, texts)
    assert report.errors == ()
    assert report.canon is not None


def test_two_untagged_labels_are_an_error_naming_both_values(tmp_path: Path) -> None:
    report = check(
        tmp_path, level('skos:notation "P4" ; skos:prefLabel "VP", "Vice President" ; jf:rank 4')
    )
    assert shapes(report) == [
        (
            f"{BASE}level/P4",
            f"<{BASE}level/P4> (VP): skos:prefLabel has more than one untagged value:"
            ' "VP", "Vice President"',
            "one skos:prefLabel per language (an untagged one counts as a language)",
        )
    ]


def test_two_labels_in_one_language_are_an_error_naming_both_values(tmp_path: Path) -> None:
    labels = 'skos:prefLabel "VP"@en, "Vice President"@en, "Vizepräsident"@de, "VP"'
    report = check(tmp_path, level(f'skos:notation "P4" ; {labels} ; jf:rank 4'))
    [(_, message, _)] = shapes(report)
    assert message.endswith(
        'skos:prefLabel has more than one value in a language: "VP"@en, "Vice President"@en'
    )


def test_a_quoted_rank_is_a_string_not_an_integer_and_nothing_else(tmp_path: Path) -> None:
    report = check(tmp_path, level('skos:notation "P4" ; skos:prefLabel "VP" ; jf:rank "5"'))
    assert shapes(report) == [
        (
            f"{BASE}level/P4",
            f'<{BASE}level/P4> (VP): jf:rank is "5" (a string), not an xsd:integer',
            "a level's jf:rank is an integer from 1 (such as 5, without quotes)",
        )
    ]


def test_a_decimal_order_is_a_decimal_not_an_integer(tmp_path: Path) -> None:
    decimal = role_level(1).replace("jf:order 1 ;", "jf:order 1.5 ;")
    report = check_canon(write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), decimal))
    [(_, message, hint)] = shapes(report)
    assert (
        message == f"<{BASE}role/ops/P3/r1>: jf:order is 1.5 (an xsd:decimal), not an xsd:integer"
    )
    assert hint == "a jf:order is an integer (such as 2, without quotes)"


def test_an_order_past_64_bits_is_named_as_too_large_not_as_invalid(tmp_path: Path) -> None:
    """Outside attack: xsd:integer has no bound, yet the message called it not valid."""
    huge = role_level(1).replace("jf:order 1 ;", "jf:order 99999999999999999999999999 ;")
    report = check_canon(write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), huge))
    [(_, message, _)] = shapes(report)
    assert message.endswith(
        "jf:order is 99999999999999999999999999, past the largest integer read "
        "(9,223,372,036,854,775,807)"
    )


def test_a_number_as_a_label_is_not_a_string_and_not_missing(tmp_path: Path) -> None:
    report = check(tmp_path, level('skos:notation "P4" ; skos:prefLabel 5 ; jf:rank 4'))
    assert [m for _, m, _ in shapes(report)] == [
        f"<{BASE}level/P4> (5): skos:prefLabel is 5 (an xsd:integer), not a string"
        " (untagged or with a language tag)"
    ]


@pytest.mark.parametrize(
    ("label", "said"),
    [('""', '"" (a string)'), ('""@en', '""@en (a string tagged @en)')],
    ids=["untagged", "tagged"],
)
def test_an_empty_label_is_empty(tmp_path: Path, label: str, said: str) -> None:
    report = check(tmp_path, level(f'skos:notation "P4" ; skos:prefLabel {label} ; jf:rank 4'))
    [(_, message, _)] = shapes(report)
    assert message.endswith("skos:prefLabel is empty (" + said.split("(", 1)[1])


def test_a_missing_label_is_reported_as_missing(tmp_path: Path) -> None:
    report = check(tmp_path, level('skos:notation "P4" ; jf:rank 4'))
    assert shapes(report) == [
        (
            f"{BASE}level/P4",
            f"<{BASE}level/P4> (P4): a level needs a skos:prefLabel, its title (such as"
            ' "Senior Director") (path skos:prefLabel)',
            "add skos:prefLabel to that node",
        )
    ]


def test_a_rank_below_one_is_named_with_its_value(tmp_path: Path) -> None:
    report = check(tmp_path, level('skos:notation "P4" ; skos:prefLabel "VP" ; jf:rank 0, 4'))
    assert sorted(m for _, m, _ in shapes(report)) == [
        f"<{BASE}level/P4> (VP): jf:rank has 2 values: 0, 4",
        f"<{BASE}level/P4> (VP): jf:rank is 0, less than 1",
    ]


def test_a_responsibility_group_has_a_label_and_one_integer_display_order(
    tmp_path: Path,
) -> None:
    groups = PREFIXES + (
        '<group/results> a jf:ResponsibilityGroup ; skos:prefLabel "Results"@en ;'
        " jf:displayOrder 1 .\n"
        '<group/talent> a jf:ResponsibilityGroup ; jf:displayOrder "2" .\n'
        '<group/craft> a jf:ResponsibilityGroup ; skos:prefLabel "Craft" .\n'
    )
    report = check(tmp_path, groups)
    assert sorted(m for _, m, _ in shapes(report)) == [
        f"<{BASE}group/craft> (Craft): a responsibility group needs exactly one"
        " jf:displayOrder (path jf:displayOrder)",
        f"<{BASE}group/talent>: a responsibility group needs a skos:prefLabel, its name"
        ' (such as "Results") (path skos:prefLabel)',
        f'<{BASE}group/talent>: jf:displayOrder is "2" (a string), not an xsd:integer',
    ]


def test_a_responsibility_names_at_most_one_group_and_it_is_a_group(tmp_path: Path) -> None:
    grouped = PREFIXES + (
        '<group/results> a jf:ResponsibilityGroup ; skos:prefLabel "Results" ;'
        " jf:displayOrder 1 .\n"
        '<group/talent> a jf:ResponsibilityGroup ; skos:prefLabel "Talent" ; jf:displayOrder 2 .\n'
        "<role/ops/P3/r1> jf:group <group/results>, <group/talent> .\n"
        "<role/ops/P3/r2> jf:group <source/jfm> .\n"
    )
    report = check(tmp_path, grouped)
    assert sorted(m for _, m, _ in shapes(report)) == [
        f"<{BASE}role/ops/P3/r1>: jf:group has 2 values: <{BASE}group/results>,"
        f" <{BASE}group/talent>",
        f"<{BASE}role/ops/P3/r2>: jf:group is <{BASE}source/jfm>, which is not a"
        " jf:ResponsibilityGroup",
    ]


def test_a_statement_names_at_most_one_family_and_a_family_may_have_a_text(
    tmp_path: Path,
) -> None:
    scoped = PREFIXES + (
        '<family/ops> jf:text "Keeps sites running", "Hält Standorte am Laufen"@de .\n'
        "<level/P3/scope/ops> a jf:DimensionStatement ; jf:level <level/P3> ;"
        ' jf:dimension <dimension/scope> ; jf:family <family/ops> ; jf:text "Ops scope" .\n'
        "<level/P3/scope/two> a jf:DimensionStatement ; jf:level <level/P3> ;"
        " jf:dimension <dimension/scope> ; jf:family <family/ops>, <family/ops2> ;"
        ' jf:text "Two" .\n'
        '<family/ops2> a jf:JobFamily ; skos:prefLabel "Ops 2" ; jf:function <function/ops> ;'
        " jf:text 7 .\n"
    )
    report = check(tmp_path, scoped)
    assert sorted(m for _, m, _ in shapes(report)) == [
        f"<{BASE}family/ops2> (Ops 2): jf:text is 7 (an xsd:integer), not a string"
        " (untagged or with a language tag)",
        f"<{BASE}level/P3/scope/two>: jf:family has 2 values: <{BASE}family/ops>,"
        f" <{BASE}family/ops2>",
    ]


def test_the_canon_description_has_iris_for_source_and_licence_and_one_language(
    tmp_path: Path,
) -> None:
    canon = (
        PREFIXES
        + DCTERMS
        + (
            '<canon> a jf:Canon ; dcterms:title "One", "Two" ; dcterms:source "O*NET" ;'
            " dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;"
            ' jf:defaultLanguage "en", "de" .\n'
        )
    )
    report = check(tmp_path, canon)
    assert sorted(m for _, m, _ in shapes(report)) == [
        f'<{BASE}canon>: dcterms:source is "O*NET" (a string), not an IRI',
        f'<{BASE}canon>: dcterms:title has more than one untagged value: "One", "Two"',
        f'<{BASE}canon>: jf:defaultLanguage has 2 values: "de", "en"',
    ]
    assert report.canon is None


NEW_RULES = (
    level('skos:notation "P4", "P4x" ; skos:prefLabel 5, "A"@en, "B"@en ; jf:rank "5"'),
    PREFIXES
    + DCTERMS
    + (
        '<group/a> a jf:ResponsibilityGroup ; skos:prefLabel "" ; jf:displayOrder 1.5 .\n'
        "<role/ops/P3/r1> jf:group <group/a>, <source/jfm> .\n"
        "<level/P3/scope/x> a jf:DimensionStatement ; jf:level <level/P3> ;"
        ' jf:dimension <dimension/scope> ; jf:family <source/jfm> ; jf:text "x"@en, "y"@en .\n'
        '<canon> a jf:Canon ; dcterms:license "CC" ; jf:defaultLanguage "en"@en, "de" ;'
        " dcterms:rights 4 .\n"
    ),
)
