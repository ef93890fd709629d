"""Importing into a canon folder, all or nothing: the shipped canon survives the trip and
renders its golden page, and an import that fails leaves the output folder as it was, with
nothing new beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import jobframe
from jobframe.canon import Canon
from jobframe.findings import FindingKind, Severity
from jobframe.formats import CONTROLS
from jobframe.frames import FrameKind, build_frame
from jobframe.interchange import (
    OutputRefused,
    Tables,
    WorkbookError,
    canon_files,
    canon_tables,
    import_canon,
    read_tables,
    write_tables,
)
from tests.conftest import ARCHITECTURE, write_canon

from .workbooks import NASTY, SMALL, csv_folder, edited


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the folder (hidden ones included) with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def small(tmp_path: Path, sheets: dict[str, str] = SMALL) -> Tables:
    return read_tables(csv_folder(tmp_path / "book", sheets))


def test_the_shipped_canon_exported_and_imported_checks_clean_and_renders_the_golden_page(
    tmp_path: Path, canon: Canon, golden: Callable[[str], str]
) -> None:
    report = import_canon(canon_tables(canon), tmp_path / "canon")
    assert report.passes(strict=True), [str(f) for f in report.findings]
    imported = jobframe.load(tmp_path / "canon")
    role = imported.role_level("Clinical Trials Operations", "M5")
    for kind in FrameKind:
        assert build_frame(role, kind).text == golden(kind.value)
    assert imported.triple_count == canon.triple_count


def test_an_import_writes_exactly_the_canon_files(tmp_path: Path) -> None:
    tables = small(tmp_path)
    import_canon(tables, tmp_path / "out")
    written = {name: data.decode() for name, data in snapshot(tmp_path / "out").items()}
    assert written == canon_files(tables)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book", "out"]


@pytest.mark.parametrize("existing", [True, False], ids=["over-a-canon", "new-folder"])
def test_a_workbook_with_problems_leaves_the_output_untouched_and_writes_nothing_new(
    tmp_path: Path, existing: bool
) -> None:
    out = tmp_path / "out" / "canon"
    if existing:
        import_canon(small(tmp_path / "first"), out)
    before = snapshot(tmp_path)
    broken = small(tmp_path / "second", edited(SMALL, "levels", "P,3", "P,x"))
    after_reading = snapshot(tmp_path)
    with pytest.raises(WorkbookError):
        import_canon(broken, out)
    assert snapshot(tmp_path) == after_reading
    assert {k: v for k, v in after_reading.items() if not k.startswith("second/")} == before
    assert out.parent.exists() is existing


def test_a_canon_that_fails_its_check_is_reported_at_its_rows_and_not_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "canon"
    import_canon(small(tmp_path / "first"), out)
    before = snapshot(out)
    # A function given the IRI of a rubric dimension of the vocabulary: it gets two names.
    clash = "https://jobframe.example/ontology#KnowledgeApplication"
    sheets = edited(SMALL, "functions", "function\nOperations", f"function,iri\nOperations,{clash}")
    report = import_canon(small(tmp_path / "second", sheets), out)
    assert not report.passes()
    [error] = report.errors
    assert (error.kind, error.location.cell, error.location.node) == (
        FindingKind.SHAPES,
        "functions!A2",
        clash,
    )
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["canon", "first", "second"]


def test_a_warning_of_the_check_names_the_workbook_row_it_comes_from(tmp_path: Path) -> None:
    sheets = edited(SMALL, "levels", "P2,Specialist,P,2", "P2,Specialist,P,1")
    report = import_canon(small(tmp_path, sheets), tmp_path / "out")
    assert report.passes()
    [warning] = report.warnings
    assert (warning.severity, warning.kind, warning.location.cell) == (
        Severity.WARNING,
        FindingKind.RANK_GAP,
        "levels!C2",
    )


def test_a_second_import_replaces_the_first_and_leaves_no_old_folder_behind(
    tmp_path: Path,
) -> None:
    out = tmp_path / "canon"
    import_canon(small(tmp_path / "a"), out)
    edited_ = small(tmp_path / "b", edited(SMALL, "levels", "Senior Specialist", "Lead"))
    assert import_canon(edited_, out).passes()
    assert 'skos:prefLabel "Lead"' in (out / "levels.ttl").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "canon"]


def test_a_folder_an_import_did_not_write_is_refused_unless_forced(tmp_path: Path) -> None:
    hand_written = write_canon(tmp_path / "canon", ARCHITECTURE)
    with pytest.raises(OutputRefused, match=r"part0\.ttl"):
        import_canon(small(tmp_path), hand_written)
    assert import_canon(small(tmp_path), hand_written, force=True).passes()
    assert not (hand_written / "part0.ttl").exists()


def test_force_never_replaces_a_folder_holding_other_files_than_turtle(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("keep me")
    for force in (False, True):
        with pytest.raises(OutputRefused, match=r"notes\.txt"):
            import_canon(small(tmp_path), home, force=force)
    assert (home / "notes.txt").read_text() == "keep me"
    (tmp_path / "file").write_text("")
    with pytest.raises(OutputRefused, match="not a folder"):
        import_canon(small(tmp_path), tmp_path / "file", force=True)


def _book_of(texts: list[str], tmp_path: Path) -> Path:
    duties = "".join(
        f'Field Operations,P3,{n},JFM,"{text.replace(chr(34), chr(34) * 2)}"\n'
        for n, text in enumerate(texts, start=1)
    )
    sheets = {**SMALL, "responsibilities": "family,level,order,source,text\n" + duties}
    book = tmp_path / "book.xlsx"
    write_tables(small(tmp_path, sheets), book, "xlsx")
    return book


SAFE = [text for text in NASTY if not CONTROLS.search(text)]
UNSAFE = [text for text in NASTY if CONTROLS.search(text)]


def test_nasty_texts_survive_a_workbook_an_import_and_the_check_verbatim(tmp_path: Path) -> None:
    report = import_canon(read_tables(_book_of(SAFE, tmp_path)), tmp_path / "canon")
    assert report.passes(), [str(f) for f in report.errors]
    role = jobframe.load(tmp_path / "canon").role_level("Field Operations", "P3")
    assert [r.text for r in role.responsibilities] == SAFE


def test_a_text_with_control_characters_is_refused_at_its_cell(tmp_path: Path) -> None:
    """It survives the workbook verbatim, and the check then refuses it (issue 20: a control
    character other than tab and line feed could rewrite a terminal or break a table)."""
    report = import_canon(read_tables(_book_of(UNSAFE, tmp_path)), tmp_path / "canon")
    unsafe = [f for f in report.errors if f.kind is FindingKind.UNSAFE]
    assert len(unsafe) == len(UNSAFE), [str(f) for f in report.errors]
    assert not (tmp_path / "canon").exists() or not any((tmp_path / "canon").iterdir())
