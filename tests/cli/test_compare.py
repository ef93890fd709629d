"""`jobframe compare`: two columns on a wide terminal, stacked on a narrow one, `*` on every
text found at only one level, what a level lacks said in parentheses, JSON for tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobframe.cli import main
from jobframe.cli.compare import GUTTER, TWO_COLUMNS
from tests.conftest import write_canon
from tests.frames.comparison_canon import CANON, iri


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_canon(tmp_path_factory.mktemp("compare"), *CANON)


def run(folder: Path, *arguments: str, columns: int = 80) -> Result:
    return CliRunner(env={"COLUMNS": str(columns)}).invoke(
        main, ["compare", *arguments, "--canon", str(folder)]
    )


def test_a_narrow_terminal_gets_each_row_stacked_by_level(folder: Path) -> None:
    result = run(folder, "Field Operations", "P3", "P4")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Field Operations: P3 — Senior Specialist → P4 — Lead Specialist\n"
    )
    assert (
        "  Scope\n"
        "    P3  * Team projects\n"
        "    P4  * All field programmes of one region\n"
        "  Leadership\n"
        "    P3    (no statement)\n"
        "    P4  * Guides peers\n"
    ) in result.output
    assert GUTTER not in result.output


def test_a_wide_terminal_gets_two_columns(folder: Path) -> None:
    result = run(folder, "Field Operations", "P3", "P4", columns=TWO_COLUMNS + 20)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(
        "P3 — Senior Specialist" in line and GUTTER + "  P4 — Lead Specialist" in line
        for line in lines
    )
    [visits] = [line for line in lines if line.strip().startswith("Plans field visits")]
    assert visits.count("Plans field visits") == 1  # the lists sit side by side, not paired
    assert max(len(line) for line in lines) <= TWO_COLUMNS + 20


def test_only_texts_at_one_level_are_marked_and_near_identical_ones_are(folder: Path) -> None:
    output = run(folder, "Field Operations", "P3", "P4").output
    responsibilities = output.split("Responsibilities\n")[1].split("\n\n")[0]
    assert responsibilities.splitlines() == [
        "    P3    Plans field visits",
        "        * Reports incidents",
        "    P4  * Coaches new staff",
        "          Plans field visits",
        "        * Reports incidents.",
    ]


def test_a_level_without_the_familys_role_level_says_so(folder: Path) -> None:
    output = run(folder, "Laboratory", "P3", "M3").output
    assert "    M3    (no role-level: Laboratory has none at M3)\n" in output
    assert "Leveling rubric" not in output  # neither side has a rubric entry


def test_json_names_every_text_with_its_node(folder: Path) -> None:
    result = run(folder, "Field Operations", "P3", "M3", "--format", "json")
    assert result.exit_code == 0
    found = json.loads(result.output)
    assert found["to"]["level"] == {
        "iri": iri("level/M3"),
        "label": "Senior Manager",
        "code": "M3",
        "track": "M",
    }
    assert found["dimensions"][1]["from"] is None
    assert found["responsibilities"]["to"][1] == {
        "text": "Plans field visits",
        "node": iri("role/ops/M3/r2"),
        "language": None,
        "atBothLevels": True,
    }


@pytest.mark.parametrize(
    "arguments,message",
    [
        (("Field Operations", "P3", "MM3"), "no level 'MM3' in the canon; closest: 'M3'"),
        (("Field Operation", "P3", "P4"), "closest: 'Field Operations'"),
        (("Laboratory", "P4", "M3"), "closest: 'Laboratory — P3'"),
    ],
)
def test_an_unknown_name_exits_1_naming_the_closest(
    folder: Path, arguments: tuple[str, ...], message: str
) -> None:
    result = run(folder, *arguments)
    assert result.exit_code == 1
    assert message in result.output


def test_a_malformed_language_is_a_usage_error(folder: Path) -> None:
    result = run(folder, "Laboratory", "P3", "P4", "--lang", "not a tag")
    assert result.exit_code == 2
    assert "--lang" in result.output


def test_the_shipped_canon_and_a_generated_one_compare(thousand_folder: Path) -> None:
    shipped = CliRunner().invoke(main, ["compare", "Clinical Trials Operations", "M5", "M5"])
    assert shipped.exit_code == 0
    assert "*" not in shipped.output.split("\n", 2)[2]  # every text is at both levels
    generated = run(thousand_folder, "Family 5", "P1", "M5", columns=TWO_COLUMNS)
    assert generated.exit_code == 0
    assert "* Responsibility 5 of family 5 at M5" in generated.output
