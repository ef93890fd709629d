"""Findings never show an invisible character: a byte-order mark, a control or a zero-width
space in canon text or parser output is written as an escape a maintainer can see."""

from __future__ import annotations

from jobframe.findings import Finding, FindingKind, Location, Severity, printable, visible


def test_invisible_characters_are_escaped_and_visible_ones_kept() -> None:
    assert visible("Senior Director — M5 → ok, é") == "Senior Director — M5 → ok, é"
    assert visible("\ufeffa\u200bb\tc\nd\x01e\u00a0f") == "\\ufeffa\\u200bb\\tc\\nd\\u0001e\\u00a0f"
    assert visible("\U000e0001") == "\\U000e0001"


def test_a_finding_escapes_its_message_and_hint() -> None:
    finding = Finding(
        FindingKind.SYNTAX, Severity.ERROR, Location(file="a.ttl"), "bad \ufeff", "fix\u200b"
    )
    assert (finding.message, finding.hint) == ("bad \\ufeff", "fix\\u200b")


def test_a_file_name_with_a_newline_or_bytes_that_are_not_utf8_is_printable() -> None:
    assert printable("a\nb.ttl") == "a\\nb.ttl"
    assert printable("bad\udcff.ttl") == "bad\ufffd.ttl"
