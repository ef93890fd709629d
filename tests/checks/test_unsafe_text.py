"""Canon text that a page, a comment or a terminal would run is refused by `check`: a
control character other than tab and line feed in any text, any control character in a
name (a label, a notation, a code), and a link other than http, https or mailto. Each is an
error naming the node and the property, with a fix; the writers escape such text anyway."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobframe.checks import CheckReport, check_canon
from jobframe.findings import FindingKind, Severity
from jobframe.formats import terminal_text
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon

BASE = "https://test.example/canon/"
DCTERMS = "@prefix dcterms: <http://purl.org/dc/terms/> .\n"


def check(folder: Path, *files: str) -> CheckReport:
    return check_canon(
        write_canon(folder, ARCHITECTURE, dimensions("Scope"), role_level(2), *files)
    )


def unsafe(report: CheckReport) -> list[tuple[Severity, str | None, str]]:
    return [
        (f.severity, f.location.node, f.message)
        for f in report.findings
        if f.kind is FindingKind.UNSAFE
    ]


def test_a_label_holding_an_escape_sequence_and_a_carriage_return_is_an_error(
    tmp_path: Path,
) -> None:
    group = PREFIXES + (
        '<group/results> a jf:ResponsibilityGroup ; skos:prefLabel "Results\\u001b[2J\\r" ;'
        " jf:displayOrder 1 .\n"
    )
    report = check(tmp_path, group)
    [(severity, node, message)] = unsafe(report)
    assert (severity, node) == (Severity.ERROR, f"{BASE}group/results")
    assert "skos:prefLabel" in message and "\\u001b" in message and "\x1b" not in message
    assert report.canon is None
    [finding] = [f for f in report.findings if f.kind is FindingKind.UNSAFE]
    assert finding.hint and finding.location.file is not None and finding.location.line


@pytest.mark.parametrize("name", ["Results\\t", "Res\\nults", "Results\\u0085"])
def test_a_name_may_hold_no_control_character_not_even_a_tab_or_a_line_feed(
    tmp_path: Path, name: str
) -> None:
    group = PREFIXES + (
        f'<group/results> a jf:ResponsibilityGroup ; skos:notation "{name}" ;'
        ' skos:prefLabel "Results" ; jf:displayOrder 1 .\n'
    )
    [(severity, node, message)] = unsafe(check(tmp_path, group))
    assert (severity, node) == (Severity.ERROR, f"{BASE}group/results")
    assert "skos:notation" in message


def test_a_text_may_hold_tabs_and_line_feeds_but_no_other_control_character(
    tmp_path: Path,
) -> None:
    fine = role_level(2).replace('"Responsibility 1"', '"Run\\tthe\\nshift."')
    assert fine != role_level(2)
    assert (
        unsafe(check_canon(write_canon(tmp_path / "a", ARCHITECTURE, dimensions("Scope"), fine)))
        == []
    )
    bad = role_level(2).replace('"Responsibility 1"', '"Run the\\r shift.\\u0007"')
    report = check_canon(write_canon(tmp_path / "b", ARCHITECTURE, dimensions("Scope"), bad))
    [(severity, _, message)] = unsafe(report)
    assert severity is Severity.ERROR and "jf:text" in message and "\\r" in message


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(document.domain)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"],
)
def test_a_canon_source_or_licence_that_no_page_would_make_live_is_an_error(
    tmp_path: Path, link: str
) -> None:
    about = PREFIXES + DCTERMS + f"<canon> a jf:Canon ; dcterms:source <{link}> .\n"
    [(severity, node, message)] = unsafe(check(tmp_path, about))
    assert (severity, node) == (Severity.ERROR, f"{BASE}canon")
    assert "dcterms:source" in message


def test_http_https_and_mailto_links_are_fine(tmp_path: Path) -> None:
    about = (
        PREFIXES
        + DCTERMS
        + (
            "<canon> a jf:Canon ; dcterms:source <https://www.onetcenter.org/database.html> ;"
            " dcterms:license <mailto:legal@example.org> .\n"
        )
    )
    assert unsafe(check(tmp_path, about)) == []


@pytest.mark.parametrize("override", ["\\u202e", "\\u202b", "\\u2067", "\\u2069"])
def test_a_bidi_override_or_isolate_is_an_error_and_is_shown_escaped(
    tmp_path: Path, override: str
) -> None:
    """A right-to-left override shows "Safe gnp.exe" as "Safe exe.png" in a review
    ("Trojan Source"); the marks U+200E/U+200F that right-to-left text may need stay."""
    marked = role_level(2).replace('"Responsibility 1"', '"Run \\u200f the shift."')
    fine = write_canon(tmp_path / "a", ARCHITECTURE, dimensions("Scope"), marked)
    assert unsafe(check_canon(fine)) == []
    bad = role_level(2).replace('"Responsibility 1"', f'"Safe {override}gnp.exe"')
    [(severity, _, message)] = unsafe(
        check_canon(write_canon(tmp_path / "b", ARCHITECTURE, dimensions("Scope"), bad))
    )
    assert severity is Severity.ERROR and "jf:text" in message
    assert override in message, "the message shows the character as its escape"
    assert terminal_text(f"Safe {override}gnp".encode().decode("unicode_escape")).isprintable()
