"""Reading canon files: hostile nesting is refused before the parser sees it, with the file
and line, and brackets inside strings, IRIs and comments do not count; a file over the size
bound is never read whole. A canon of no files is an error and a file of no triples a
warning; a byte-order mark and a file in UTF-16 are named as such, never shown raw."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jobframe.checks import check_canon
from jobframe.cli.check_output import report_text
from jobframe.findings import CanonError, FindingKind, Location, Severity
from jobframe.inputs import Bound
from jobframe.loading import load_canon
from jobframe.sources import TurtleFiles, turtle, turtle_files
from jobframe.sources.turtle import MAX_FILE_BYTES, MAX_NESTING, read_turtle, too_deep
from tests.checks.corpus import BASE

PREFIX = b"@prefix jf: <https://jobframe.example/ontology#> .\n"


@pytest.mark.parametrize(
    "nested",
    [
        b"<urn:a> jf:nest " + b"( " * 100_000 + b")" * 100_000 + b" .\n",
        b"<urn:a> jf:nest " + b"[ jf:nest " * 1_000 + b"]" * 1_000 + b" .\n",
    ],
    ids=["100,000 nested lists", "1,000 nested blank nodes"],
)
def test_deep_nesting_is_a_finding_before_any_parser_sees_it(tmp_path: Path, nested: bytes) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    (folder / "nest.ttl").write_bytes(PREFIX + nested)
    report = check_canon(folder)
    [finding] = [f for f in report.errors if (f.location.file or "").endswith("nest.ttl")]
    assert finding.location.line == 2
    assert f"nested more than {MAX_NESTING} deep" in finding.message


def test_brackets_in_strings_iris_and_comments_do_not_nest() -> None:
    opened = b"(" * (MAX_NESTING + 1)
    assert too_deep(b'<urn:a> <urn:b> "' + opened + b'" .') is None
    assert too_deep(b"<urn:a> <urn:b> '''" + opened + b"''' .") is None
    assert too_deep(b"# " + opened + b"\n<urn:a> <urn:b> 1 .") is None
    assert too_deep(b"<urn:a" + opened + b"> <urn:b> 1 .") is None
    assert too_deep(b"<urn:a> <urn:b> " + b"( " * MAX_NESTING + b")" * MAX_NESTING + b" .") is None
    assert too_deep(b"\n<urn:a> <urn:b> " + opened + b")" * (MAX_NESTING + 1)) == 2


def test_a_file_over_the_size_bound_is_a_finding_and_the_other_files_are_read(
    tmp_path: Path,
) -> None:
    huge = tmp_path / "huge.ttl"
    huge.touch()
    os.truncate(huge, MAX_FILE_BYTES + 1)  # sparse: no disk is used, and none is read
    good = tmp_path / "good.ttl"
    good.write_bytes(b"<urn:a> <urn:b> <urn:c> .\n")
    store, [finding], _ = read_turtle([huge, good])
    assert finding.location.file == str(huge)
    assert f"larger than {MAX_FILE_BYTES:,} bytes" in finding.message
    assert len(store) == 1


def test_a_file_exactly_at_the_size_bound_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    triple = b"<urn:a> <urn:b> <urn:c> .\n"
    monkeypatch.setattr(turtle, "MAX_FILE_BYTES", len(triple))
    (path := tmp_path / "a.ttl").write_bytes(triple)
    store, findings, _ = read_turtle([path])
    assert findings == () and len(store) == 1


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_a_file_that_holds_more_than_its_size_says_is_read_only_to_the_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A /proc file's size is 0 whatever it holds, as a growing file's is stale: the bytes
    read are counted too, not only the size stat() gave."""
    monkeypatch.setattr(turtle, "CANON_FILE", Bound("a canon file", 64, 5.0))
    status = Path("/proc/self/status")
    assert status.stat().st_size < 64 < len(status.read_bytes())
    _, [finding], _ = read_turtle([status])
    assert finding.location.file == str(status)
    assert "larger than 64 bytes" in finding.message


def test_an_empty_canon_folder_is_an_error_not_an_empty_canon(tmp_path: Path) -> None:
    """A wrong `--canon` path that exists (a parent folder, a new one) used to be "0 errors"."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "README.md").write_text("not Turtle", "utf-8")
    report = check_canon(tmp_path)
    [finding] = report.findings
    assert (finding.kind, finding.severity) == (FindingKind.MISSING, Severity.ERROR)
    assert finding.location == Location(file=str(tmp_path))
    assert finding.message == "the canon holds no Turtle files (*.ttl)"
    assert report.canon is None and not report.passes()
    assert "1 errors" in report_text(report)
    with pytest.raises(CanonError):
        load_canon(tmp_path)


def test_an_empty_list_of_canon_files_is_an_error() -> None:
    with pytest.raises(CanonError) as caught:
        turtle_files(TurtleFiles(()))
    [finding] = caught.value.findings
    assert finding.kind is FindingKind.MISSING and finding.location == Location()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty (0 bytes)"),
        (b"  \n\n", "file holds no triples"),
        (PREFIX + b"# the triples are still to come\n", "file holds no triples"),
    ],
    ids=["0 bytes", "whitespace", "prefixes and comments"],
)
def test_an_empty_file_is_a_warning_naming_it(tmp_path: Path, content: bytes, message: str) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    (folder / "todo.ttl").write_bytes(content)
    report = check_canon(folder)
    [finding] = report.findings
    assert (finding.kind, finding.severity) == (FindingKind.EMPTY, Severity.WARNING)
    assert finding.location == Location(file=str(folder / "todo.ttl"))
    assert finding.message == message
    assert report.canon is not None and not report.passes(strict=True)


UTF8_BOM = b"\xef\xbb\xbf"


def test_a_byte_order_mark_is_named_and_the_file_read_without_it(tmp_path: Path) -> None:
    """pyoxigraph refuses the mark ("\ufeff is not a valid subject", an invisible character in
    the message): the file is read without it, and a warning names it."""
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    levels = folder / "levels.ttl"
    levels.write_bytes(UTF8_BOM + levels.read_bytes())
    report = check_canon(folder)
    [finding] = report.findings
    assert (finding.kind, finding.severity) == (FindingKind.SYNTAX, Severity.WARNING)
    assert finding.location == Location(file=str(levels), line=1)
    assert finding.message == (
        "file starts with a UTF-8 byte-order mark (U+FEFF); it is read without it"
    )
    assert finding.hint == "save the file as UTF-8 without BOM"
    assert report.canon is not None
    assert report.canon.version == check_canon(BASE).canon.version  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [
        ("utf-16-le", "UTF-16 (it starts with the byte-order mark FF FE)"),
        ("utf-16-be", "UTF-16 (it starts with the byte-order mark FE FF)"),
        ("utf-32-le", "UTF-32 (it starts with the byte-order mark FF FE 00 00)"),
    ],
)
def test_a_file_in_utf16_or_utf32_is_an_error_that_says_save_as_utf8(
    tmp_path: Path, encoding: str, mark: str
) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    levels = folder / "levels.ttl"
    levels.write_bytes(("\ufeff" + levels.read_text("utf-8")).encode(encoding))
    [finding] = [f for f in check_canon(folder).errors if f.location.file == str(levels)]
    assert finding.message == f"file is {mark}, not UTF-8"
    assert finding.hint == "save it as UTF-8"


def test_no_message_shows_an_invisible_character(tmp_path: Path) -> None:
    """A zero-width space where a subject should be: the parser quotes it, the message escapes
    it."""
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    (folder / "odd.ttl").write_text(PREFIX.decode() + '\u200b<a> jf:text "x" .\n', "utf-8")
    [finding] = check_canon(folder).errors
    assert finding.location.line == 2
    assert "\\u200b" in finding.message
    assert all(c.isprintable() for c in finding.message + finding.hint)
