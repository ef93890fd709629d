"""Reading canon files: hostile nesting is refused before the parser sees it, with the file
and line, and brackets inside strings, IRIs and comments do not count."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jobframe.checks import check_canon
from jobframe.sources.turtle import MAX_NESTING, too_deep
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
