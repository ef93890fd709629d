"""A canon that cannot be served is refused with findings that name the file, line or node."""

from pathlib import Path

import pytest

from service.findings import CanonError, Severity
from service.loader import load_canon
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


def test_family_pointing_to_an_undescribed_function_is_refused(tmp_path: Path) -> None:
    stray = PREFIXES + (
        '<family/stray> a jf:JobFamily ; skos:prefLabel "Stray" ; jf:function <function/none> .\n'
    )
    with pytest.raises(CanonError) as caught:
        load_canon(write_canon(tmp_path, ARCHITECTURE, stray))
    [finding] = caught.value.findings
    assert finding.location.node == "https://test.example/canon/family/stray"
    assert "(Stray)" in finding.message and "jf:function" in finding.message


def test_missing_canon_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CanonError) as caught:
        load_canon(tmp_path / "nowhere")
    assert caught.value.findings[0].location.file == str(tmp_path / "nowhere")


def test_two_complexity_rubric_entries_are_refused(tmp_path: Path) -> None:
    extra = PREFIXES + (
        "<role/ops/P3/cps2> a jf:RubricEntry ; jf:roleLevel <role/ops/P3> ;"
        " jf:rubricDimension jf:ComplexityProblemSolving ; jf:source <source/jfm> ;"
        ' jf:text "Another." .\n'
    )
    with pytest.raises(CanonError) as caught:
        load_canon(write_canon(tmp_path, ARCHITECTURE, role_level(1), extra))
    assert "at most one complexity/problem-solving" in str(caught.value)
