"""Reading a workbook or a CSV folder as an outsider would hand one over: names matched
loosely, numbers as their digits, blank rows skipped with row numbers kept, and a file that
cannot be read named with its line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from jobframe.findings import FindingKind
from jobframe.interchange import WorkbookError, canon_files, read_tables, reading

from .workbooks import SMALL, cells, csv_folder, edited, problems, xlsx


def test_a_workbook_and_its_csv_folder_read_alike(tmp_path: Path) -> None:
    book = read_tables(xlsx(tmp_path / "book.xlsx", SMALL))
    folder = read_tables(csv_folder(tmp_path / "csv", SMALL))
    assert book == folder
    assert cells(book)["levels"][1] == {
        "code": "P3",
        "title": "Senior Specialist",
        "track": "P",
        "rank": "3",
    }


def test_numbers_read_as_their_digits_and_a_fraction_is_refused_where_a_whole_number_is_needed(
    tmp_path: Path,
) -> None:
    path = xlsx(tmp_path / "book.xlsx", SMALL)
    book = openpyxl.load_workbook(path)
    book["levels"]["D2"] = 2.0
    book["levels"]["D3"] = 3
    book["dimensions"]["C2"] = "1"
    book["dimensions"]["C3"] = 2.5
    book.save(path)
    tables = read_tables(path)
    assert [r.get("rank") for r in tables["levels"].rows] == ["2", "3"]
    assert [r.get("display_order") for r in tables["dimensions"].rows] == ["1", "2.5"]
    [finding] = problems(tables)
    assert finding.location.cell == "dimensions!C3"
    assert "whole number, not `2.5`" in finding.message


def test_blank_rows_are_skipped_and_the_others_keep_their_row_numbers(tmp_path: Path) -> None:
    sheets = edited(SMALL, "levels", "P,2\n", "P,2\n\n,,,\n")
    sheets = edited(sheets, "levels", "Senior Specialist,P,3", "Senior Specialist,P,3.5")
    tables = read_tables(csv_folder(tmp_path, sheets))
    assert [r.number for r in tables["levels"].rows] == [2, 5]
    [finding] = problems(tables)
    assert finding.location.cell == "levels!D5"


def test_sheet_and_column_names_match_ignoring_case_and_surrounding_spaces(tmp_path: Path) -> None:
    sheets = edited(SMALL, "levels", "code,title,track,rank", "Code ,TITLE,  track  ,Rank\t")
    sheets["Role_Levels "] = sheets.pop("role_levels")
    tables = read_tables(xlsx(tmp_path / "book.xlsx", sheets))
    assert tables["levels"].header == ("code", "title", "track", "rank")
    assert "role_levels" in tables
    assert canon_files(tables) == canon_files(read_tables(csv_folder(tmp_path / "csv", SMALL)))


def test_a_misspelt_sheet_in_a_workbook_names_the_sheet_meant(tmp_path: Path) -> None:
    sheets = {("Responsabilities" if k == "responsibilities" else k): v for k, v in SMALL.items()}
    found = problems(read_tables(xlsx(tmp_path / "book.xlsx", sheets)))
    assert [(f.location.file, f.location.cell) for f in found] == [
        (str(tmp_path / "book.xlsx"), "Responsabilities"),
        (str(tmp_path / "book.xlsx"), "responsibilities"),
    ]
    assert "did you mean `responsibilities`?" in found[0].hint


def test_a_latin_1_csv_file_is_named_with_its_line_and_the_other_sheets_are_still_checked(
    tmp_path: Path,
) -> None:
    folder = csv_folder(tmp_path, edited(SMALL, "levels", "P,3", "P,three"))
    (folder / "functions.csv").write_bytes("function\nOpérations\n".encode("latin-1"))
    found = problems(read_tables(folder))
    assert [(f.location.file, f.location.cell) for f in found] == [
        (str(folder / "functions.csv"), "functions!2:2"),
        (str(folder / "levels.csv"), "levels!D3"),
    ]
    assert "not UTF-8 (it looks like Latin-1 or Windows-1252): byte 0xE9 on line 2" in (
        found[0].message
    )
    assert "CSV UTF-8" in found[0].hint


def test_a_byte_order_mark_semicolons_and_crlf_are_read_as_excel_writes_them(
    tmp_path: Path,
) -> None:
    folder = csv_folder(tmp_path / "a", SMALL)
    for file in folder.glob("*.csv"):
        text = file.read_text("utf-8").replace(",", ";").replace("\n", "\r\n")
        file.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_tables(folder) == read_tables(csv_folder(tmp_path / "b", SMALL))


def test_a_utf_16_csv_file_is_named_as_such(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path, SMALL)
    (folder / "sources.csv").write_text("name,notation\nJFM,jfm\n", encoding="utf-16")
    [finding] = problems(read_tables(folder))
    assert "UTF-16, not UTF-8" in finding.message


def test_a_value_under_a_column_with_no_name_is_not_lost_silently(tmp_path: Path) -> None:
    sheets = edited(SMALL, "sources", "JFM,jfm", "JFM,jfm,,stray")
    [finding] = problems(read_tables(csv_folder(tmp_path, sheets)))
    assert (finding.kind, finding.location.cell) == (FindingKind.WORKBOOK, "sources!D2")


def test_verbatim_text_keeps_its_spaces_and_names_lose_theirs(tmp_path: Path) -> None:
    sheets = edited(SMALL, "responsibilities", "P3,1,JFM,Runs the program", " P3 ,1,JFM,  Runs  ")
    [row, _] = read_tables(csv_folder(tmp_path, sheets))["responsibilities"].rows
    assert (row.get("level"), row.get("text")) == ("P3", "  Runs  ")


def test_what_is_not_a_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_text("not a workbook")
    (tmp_path / "empty").mkdir()
    for path, says in (
        (tmp_path / "notes.xlsx", "not an .xlsx workbook"),
        (tmp_path / "nowhere.xlsx", "no workbook or folder"),
        (tmp_path / "empty", "no CSV files"),
    ):
        with pytest.raises(WorkbookError) as raised:
            read_tables(path)
        [finding] = raised.value.findings
        assert says in finding.message and finding.hint
        assert finding.location.file == str(path)


def test_a_sheet_past_the_row_limit_is_named_where_it_passes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 4)
    tables = read_tables(csv_folder(tmp_path, SMALL))
    [problem] = tables["level_statements"].problems
    assert problem.location.cell == "level_statements!5:5"
    assert "more than 4 rows" in problem.message
    assert [r.number for r in tables["level_statements"].rows] == [2, 3, 4]


def test_a_csv_sheet_past_the_row_limit_is_not_read_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 4)
    folder = tmp_path / "csv"
    folder.mkdir()
    past = b"function\n" + b"".join(b"F%d\n" % n for n in range(2, 6)) + b"\xe9 never read\n"
    (folder / "functions.csv").write_bytes(past)
    [problem] = read_tables(folder)["functions"].problems
    assert (problem.location.cell, problem.message) == (
        "functions!5:5",
        "the sheet has more than 4 rows",
    )


_PEAK = """
import resource, sys
import subprocess
import sys
from pathlib import Path
from jobframe.interchange import read_tables
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rows = len(read_tables(Path(sys.argv[1]))["responsibilities"].rows)
print(rows, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
"""


@pytest.mark.slow
def test_a_csv_sheet_is_read_as_it_streams_in_a_few_times_its_size(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    sheet = folder / "responsibilities.csv"
    with sheet.open("w", encoding="utf-8") as out:
        out.write("family,level,order,source,text\n")
        for n in range(300_000):
            out.write(f"Field Operations {n % 97},P{n % 5},{n},JFM,Runs the program {n} well\n")
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(folder)], capture_output=True, text=True, timeout=300
    )
    rows, grown = map(int, done.stdout.split())
    assert rows == 300_000, done.stderr
    # 9.5x its size with the rows it keeps; 17.5x when the whole file was read first.
    assert grown < 13 * sheet.stat().st_size
