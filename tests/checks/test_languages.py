"""Languages: a text that exists only in languages other than the canon's default (its
jf:Canon's jf:defaultLanguage, else "en") and has no untagged value is a warning naming the
node, the property and the languages it has; the default language is a BCP 47 tag."""

from __future__ import annotations

from pathlib import Path

from jobframe.checks import CheckReport, check_canon
from jobframe.checks.languages import default_language, is_language_tag
from jobframe.findings import FindingKind, Severity
from jobframe.sources import TripleIndex, read_turtle
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon

BASE = "https://test.example/canon/"
DCTERMS = "@prefix dcterms: <http://purl.org/dc/terms/> .\n"


def check(folder: Path, *files: str) -> CheckReport:
    return check_canon(
        write_canon(folder, ARCHITECTURE, dimensions("Scope"), role_level(2), *files)
    )


def languages(report: CheckReport) -> list[tuple[Severity, str | None, str, str]]:
    return [
        (f.severity, f.location.node, f.message, f.hint)
        for f in report.findings
        if f.kind is FindingKind.LANGUAGE
    ]


def canon_in(language: str) -> str:
    return PREFIXES + f'<canon> a jf:Canon ; jf:defaultLanguage "{language}" .\n'


def test_a_text_only_in_other_languages_than_the_default_is_a_warning(tmp_path: Path) -> None:
    german = PREFIXES + (
        '<group/results> a jf:ResponsibilityGroup ; skos:prefLabel "Ergebnisse"@de,'
        ' "Résultats"@fr ; jf:displayOrder 1 .\n'
    )
    report = check(tmp_path, german)
    assert languages(report) == [
        (
            Severity.WARNING,
            f"{BASE}group/results",
            f"<{BASE}group/results> (Ergebnisse): skos:prefLabel has no value in the default"
            " language (en) and no untagged one, only @de, @fr",
            "add skos:prefLabel in en (or untagged), or set the canon's jf:defaultLanguage",
        )
    ]
    assert report.canon is not None and report.passes() and not report.passes(strict=True)


def test_an_untagged_or_default_language_value_covers_a_text(tmp_path: Path) -> None:
    covered = PREFIXES + (
        '<group/a> a jf:ResponsibilityGroup ; skos:prefLabel "A", "A"@de ; jf:displayOrder 1 .\n'
        '<group/b> a jf:ResponsibilityGroup ; skos:prefLabel "B"@EN, "B"@de ; jf:displayOrder 2 .\n'
    )
    assert languages(check(tmp_path, covered)) == []


def test_the_default_language_is_the_canons_own(tmp_path: Path) -> None:
    english_only = PREFIXES + (
        '<group/a> a jf:ResponsibilityGroup ; skos:prefLabel "Results"@en ; jf:displayOrder 1 .\n'
        '<group/b> a jf:ResponsibilityGroup ; skos:prefLabel "Talent", "Talente"@de ;'
        " jf:displayOrder 2 .\n"
    )
    report = check(tmp_path, english_only, canon_in("de-CH"))
    assert [(s, n, m) for s, n, m, _ in languages(report)] == [
        (
            Severity.WARNING,
            f"{BASE}group/a",
            f"<{BASE}group/a> (Results): skos:prefLabel has no value in the default language"
            " (de-CH) and no untagged one, only @en",
        )
    ]


def test_a_default_language_that_is_no_language_tag_is_an_error(tmp_path: Path) -> None:
    report = check(tmp_path, canon_in("english_US"))
    assert languages(report) == [
        (
            Severity.ERROR,
            f"{BASE}canon",
            f'<{BASE}canon>: jf:defaultLanguage is "english_US", not a BCP 47 language tag',
            'write a tag such as "en", "de" or "pt-BR"',
        )
    ]
    assert report.canon is None


def test_language_tags_are_checked_by_the_rule_turtle_literals_follow() -> None:
    assert all(is_language_tag(t) for t in ("en", "de-CH", "zh-Hant-TW", "sgn-BE-FR", "x-private"))
    assert not any(is_language_tag(t) for t in ("", "e", "en_US", "en-", "english-toolongsubtag"))


def test_a_canon_without_a_declared_default_language_is_in_english(tmp_path: Path) -> None:
    plain = write_canon(tmp_path / "plain", ARCHITECTURE)
    declared = write_canon(tmp_path / "declared", ARCHITECTURE, canon_in("PT-br"))
    for folder, expected in ((plain, "en"), (declared, "PT-br")):
        store, _, _ = read_turtle(sorted(folder.glob("*.ttl")))
        assert default_language(TripleIndex(store)) == expected
