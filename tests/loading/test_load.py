"""Loading refuses a canon that cannot be served, with findings naming file, line or node.

The full catalogue of broken canons is the corpus in tests/checks/."""

from pathlib import Path

import pytest

from jobframe.findings import CanonError, Severity
from jobframe.loading import load_canon
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon


def test_turtle_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    broken = (
        PREFIXES + '<function/x> a jf:JobFunction ;\n    skos:prefLabel "X"\n<y> a jf:Track .\n'
    )
    folder = write_canon(tmp_path, ARCHITECTURE, broken)
    with pytest.raises(CanonError) as caught:
        load_canon(folder)
    [finding] = caught.value.findings
    assert finding.kind == "syntax"
    assert finding.severity is Severity.ERROR
    assert finding.location.file == str(folder / "part1.ttl")
    assert finding.location.line == 6
    assert finding.location.column == 1
    assert "expected" in finding.message


def test_every_broken_file_is_reported(tmp_path: Path) -> None:
    folder = write_canon(tmp_path, ARCHITECTURE, "not turtle", "@prefix broken")
    with pytest.raises(CanonError) as caught:
        load_canon(folder)
    assert [Path(f.location.file or "").name for f in caught.value.findings] == [
        "part1.ttl",
        "part2.ttl",
    ]


def test_responsibility_without_text_names_the_node(tmp_path: Path) -> None:
    bad = PREFIXES + (
        "<role/ops/P3/bad> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ;"
        " jf:order 9 ; jf:source <source/jfm> .\n"
    )
    folder = write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1), bad)
    with pytest.raises(CanonError) as caught:
        load_canon(folder)
    [finding] = caught.value.findings
    assert finding.kind == "shapes"
    assert finding.location.node == "https://test.example/canon/role/ops/P3/bad"
    assert "jf:text" in finding.message


def test_missing_canon_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CanonError) as caught:
        load_canon(tmp_path / "nowhere")
    assert caught.value.findings[0].location.file == str(tmp_path / "nowhere")
