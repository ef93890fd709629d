"""Reading canon files: hostile nesting is refused before the parser sees it, with the file
and line, and brackets inside strings, IRIs and comments do not count; a file over the size
bound is never read whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jobframe.checks import check_canon
from jobframe.sources import turtle
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
    monkeypatch.setattr(turtle, "MAX_FILE_BYTES", 64)
    status = Path("/proc/self/status")
    assert status.stat().st_size < 64 < len(status.read_bytes())
    _, [finding], _ = read_turtle([status])
    assert finding.location.file == str(status)
    assert "larger than 64 bytes" in finding.message
