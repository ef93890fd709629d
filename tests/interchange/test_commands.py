"""`jobframe import` and `jobframe export`: a one-line summary on success, every problem with
its cell on failure (exit 2), a failing check as `jobframe check` prints it (exit 1)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from jobframe.cli import main
from jobframe.interchange import read_tables

from .workbooks import SMALL, cells, csv_folder, edited, xlsx


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def test_import_prints_one_line_and_exits_0(tmp_path: Path) -> None:
    book = xlsx(tmp_path / "book.xlsx", SMALL)
    code, output = run("import", book, "--out", tmp_path / "canon")
    assert code == 0, output
    assert output.startswith(f"{tmp_path / 'canon'}: imported 1 role-levels from {book} (")
    assert output.count("\n") == 1
    assert (tmp_path / "canon" / "role-levels" / "field-operations-P3.ttl").is_file()


def test_import_prints_every_problem_with_its_cell_and_exits_2(tmp_path: Path) -> None:
    sheets = edited(SMALL, "levels", "P,3", "P,3.5")
    sheets = edited(sheets, "rubric", "complexity,", "complex,")
    book = xlsx(tmp_path / "book.xlsx", sheets)
    code, output = run("import", book, "--out", tmp_path / "canon")
    assert code == 2
    assert f"{book}:levels!D3: error [workbook] `rank` must be a whole number" in output
    assert f"{book}:rubric!C2: error [workbook]" in output
    assert "fix: did you mean `complexity`?" in output
    assert f"{book}: 2 errors" in output
    assert not (tmp_path / "canon").exists()


def test_import_of_a_canon_that_fails_its_check_exits_1(tmp_path: Path) -> None:
    clash = "https://jobframe.example/ontology#KnowledgeApplication"
    sheets = edited(SMALL, "functions", "function\nOperations", f"function,iri\nOperations,{clash}")
    code, output = run("import", csv_folder(tmp_path / "book", sheets), "--out", tmp_path / "c")
    assert code == 1
    assert "functions!A2" in output and "error [shapes]" in output
    assert not (tmp_path / "c").exists()


def test_import_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "canon").mkdir()
    (tmp_path / "canon" / "mine.ttl").write_text("")
    code, output = run("import", csv_folder(tmp_path / "b", SMALL), "--out", tmp_path / "canon")
    assert code == 2
    assert "--force" in output


def test_import_from_onet_names_what_the_folder_lacks(tmp_path: Path) -> None:
    code, output = run("import", "--from", "onet", tmp_path, "--out", tmp_path / "canon")
    assert code == 2
    assert "Occupation Data.txt" in output


def test_export_writes_a_workbook_and_a_csv_folder_that_read_alike(tmp_path: Path) -> None:
    for format, out in (("xlsx", tmp_path / "canon.xlsx"), ("csv", tmp_path / "csv")):
        code, output = run("export", "--format", format, "--out", out)
        assert code == 0, output
        assert output.startswith(f"{out}: exported 1 role-levels from ")
    assert cells(read_tables(tmp_path / "canon.xlsx")) == cells(read_tables(tmp_path / "csv"))


def test_export_then_import_of_another_canon(tmp_path: Path) -> None:
    run("import", csv_folder(tmp_path / "book", SMALL), "--out", tmp_path / "canon")
    code, _ = run("export", "--canon", tmp_path / "canon", "--out", tmp_path / "again.xlsx")
    assert code == 0
    assert cells(read_tables(tmp_path / "again.xlsx"))["role_levels"] == [
        {"family": "Field Operations", "level": "P3", "iri": ""}
    ]


def test_check_json_names_the_workbook_cell_of_a_problem() -> None:
    from jobframe.findings import Finding, FindingKind, Location, Severity, finding_json

    finding = Finding(
        FindingKind.WORKBOOK,
        Severity.ERROR,
        Location(file="acme.xlsx", cell="levels!D2"),
        "`rank` must be a whole number, not `five`",
        "type a whole number such as 3",
    )
    assert finding_json(finding)["cell"] == "levels!D2"
