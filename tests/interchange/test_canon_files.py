"""A workbook's rows as canon Turtle: IRIs from names, every problem named by its cell with a
fix and reported at once, stable text so that an edit changes only its own lines, and any
string read back exactly as written."""

from __future__ import annotations

import difflib
import re
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobframe.canon import Canon
from jobframe.findings import FindingKind
from jobframe.interchange import Row, Table, Tables, canon_files, canon_tables, read_tables
from jobframe.interchange import problems as problems_module
from jobframe.vocabulary import JF

from .workbooks import NASTY, SMALL, csv_folder, edited, problems

BASE = "https://jobframe.example/canon/"


def read(tmp_path: Path, sheets: dict[str, str]) -> Tables:
    return read_tables(csv_folder(tmp_path / "book", sheets))


def found(tmp_path: Path, sheets: dict[str, str]) -> list[tuple[FindingKind, str | None]]:
    return [(f.kind, f.location.cell) for f in problems(read(tmp_path, sheets))]


def test_iris_are_derived_from_names_as_in_the_shipped_canon(canon: Canon) -> None:
    files = canon_files(canon_tables(canon))
    assert sorted(files) == [
        "architecture.ttl",
        "levels.ttl",
        "role-levels/clinical-trials-operations-M5.ttl",
    ]
    shipped = Path(__file__).parents[2] / "canon"
    for name, text in files.items():
        written = ox.Store()
        written.load(text.encode(), ox.RdfFormat.TURTLE)
        original = ox.Store()
        original.load((shipped / name).read_bytes(), ox.RdfFormat.TURTLE)
        assert set(written) == set(original), name


def test_every_file_says_it_was_written_by_an_import_and_names_its_nodes_relative_to_the_base(
    tmp_path: Path,
) -> None:
    files = canon_files(read(tmp_path, SMALL))
    for text in files.values():
        assert text.splitlines()[1].startswith("# Written by `jobframe import`")
        assert f"@base <{BASE}> ." in text
    assert (
        "<role/field-operations/P3/responsibility/2> a jf:Responsibility ;"
        in (files["role-levels/field-operations-P3.ttl"])
    )
    assert "<level/P3/scope> a jf:DimensionStatement ;" in files["levels.ttl"]


def test_a_family_specific_statement_and_a_group_get_their_own_iris(tmp_path: Path) -> None:
    sheets = edited(
        SMALL,
        "level_statements",
        "P3,Scope,A program,\n",
        "P3,Scope,A program,\nP3,Scope,Field scope,Field Operations\n",
    )
    sheets = edited(sheets, "responsibilities", ",text\n", ",text,group\n")
    sheets = edited(sheets, "responsibilities", "Runs the program\n", "Runs the program,Results\n")
    sheets["groups"] = "group,display_order\nResults,1\n"
    files = canon_files(read(tmp_path, sheets))
    assert "<level/P3/scope/field-operations> a jf:DimensionStatement ;\n" in files["levels.ttl"]
    assert "    jf:family <family/field-operations> ;\n" in files["levels.ttl"]
    assert "<group/results> a jf:ResponsibilityGroup ;\n" in files["architecture.ttl"]
    assert "    jf:group <group/results> ;\n" in files["role-levels/field-operations-P3.ttl"]


def test_the_same_workbook_gives_the_same_bytes_whatever_its_row_order(tmp_path: Path) -> None:
    lines = SMALL["level_statements"].splitlines(keepends=True)
    shuffled = {**SMALL, "level_statements": lines[0] + "".join(reversed(lines[1:]))}
    assert canon_files(read(tmp_path / "a", SMALL)) == canon_files(read(tmp_path / "b", shuffled))


# --- an edit changes only its own lines -------------------------------------------------------


def changed_lines(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    """Per file, the lines removed (-) and added (+)."""
    out = {}
    for name in sorted(set(before) | set(after)):
        diff = [
            line
            for line in difflib.unified_diff(
                before.get(name, "").splitlines(), after.get(name, "").splitlines(), n=0
            )
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        if diff:
            out[name] = diff
    return out


def test_editing_one_cell_changes_only_that_nodes_line(canon: Canon) -> None:
    tables = canon_tables(canon)
    before = canon_files(tables)
    old = tables["responsibilities"].rows[2]
    rows = list(tables["responsibilities"].rows)
    rows[2] = Row(old.number, {**old.cells, "text": "Edited text"})
    after = canon_files(
        {
            **tables,
            "responsibilities": Table(
                "responsibilities", tables["responsibilities"].header, tuple(rows)
            ),
        }
    )
    assert changed_lines(before, after) == {
        "role-levels/clinical-trials-operations-M5.ttl": [
            f"-    jf:text {_literal(old.cells['text'])} .",
            '+    jf:text "Edited text" .',
        ]
    }


def test_editing_a_title_or_an_order_changes_one_line_and_adding_a_row_only_adds(
    tmp_path: Path,
) -> None:
    before = canon_files(read(tmp_path / "a", SMALL))
    title = canon_files(read(tmp_path / "b", edited(SMALL, "levels", "Senior Specialist", "Lead")))
    assert changed_lines(before, title) == {
        "levels.ttl": ['-    skos:prefLabel "Senior Specialist" ;', '+    skos:prefLabel "Lead" ;']
    }
    added = edited(
        SMALL,
        "responsibilities",
        "Grows the team\n",
        "Grows the team\nField Operations,P3,3,JFM,Coaches\n",
    )
    diff = changed_lines(before, canon_files(read(tmp_path / "c", added)))
    assert list(diff) == ["role-levels/field-operations-P3.ttl"]
    assert all(line.startswith("+") for line in diff["role-levels/field-operations-P3.ttl"])


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- verbatim text ----------------------------------------------------------------------------


def _with_text(text: str) -> Tables:
    tables = {
        name: Table(
            name,
            rows[0],
            tuple(
                Row(n, dict(zip(rows[0], cells, strict=True)))
                for n, cells in enumerate(rows[1:], start=2)
            ),
        )
        for name, rows in (
            (name, [tuple(line.split(",")) for line in sheet.splitlines()])
            for name, sheet in SMALL.items()
        )
    }
    old = tables["responsibilities"].rows[0]
    rows = (Row(2, {**old.cells, "text": text}), *tables["responsibilities"].rows[1:])
    tables["responsibilities"] = Table("responsibilities", tables["responsibilities"].header, rows)
    return tables


def test_a_lone_surrogate_from_python_is_a_problem_not_a_crash() -> None:
    [finding] = problems(_with_text("half a pair: \ud83d"))
    assert finding.location.cell == "responsibilities!E2"


def _text_of_responsibility_1(files: dict[str, str]) -> str:
    store = ox.Store()
    store.load(files["role-levels/field-operations-P3.ttl"].encode(), ox.RdfFormat.TURTLE)
    subject = ox.NamedNode(BASE + "role/field-operations/P3/responsibility/1")
    [quad] = store.quads_for_pattern(subject, ox.NamedNode(JF.text), None)
    assert isinstance(quad.object, ox.Literal)
    return quad.object.value


@pytest.mark.parametrize("text", NASTY)
def test_a_nasty_text_reads_back_from_the_turtle_exactly(text: str) -> None:
    files = canon_files(_with_text(text))
    assert _text_of_responsibility_1(files) == text
    plain = canon_files(_with_text("plain"))
    file = "role-levels/field-operations-P3.ttl"
    assert files[file].count("\n") == plain[file].count("\n"), "one line per value"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1).filter(str.strip))
def test_any_text_reads_back_from_the_turtle_exactly(text: str) -> None:
    assert _text_of_responsibility_1(canon_files(_with_text(text))) == text


# --- problems, each at its cell ---------------------------------------------------------------


def test_a_missing_sheet_is_named_and_what_it_would_define_is_not_reported_again(
    tmp_path: Path,
) -> None:
    sheets = {k: v for k, v in SMALL.items() if k != "sources"}
    [finding] = problems(read(tmp_path, sheets))
    assert (finding.kind, finding.location.cell) == (FindingKind.WORKBOOK, "sources")
    assert "`name`, `notation`" in finding.hint


def test_a_typo_in_a_sheet_name_names_the_sheet_meant(tmp_path: Path) -> None:
    sheets = {("levles" if k == "levels" else k): v for k, v in SMALL.items()}
    unknown, missing = problems(read(tmp_path, sheets))
    assert (unknown.location.cell, missing.location.cell) == ("levles", "levels")
    assert "did you mean `levels`?" in unknown.hint


def test_a_typo_in_a_column_name_names_the_column_meant_and_where_the_missing_one_goes(
    tmp_path: Path,
) -> None:
    sheets = edited(SMALL, "levels", "track,rank", "track,rnak")
    unknown, missing = problems(read(tmp_path, sheets))
    assert (unknown.location.cell, missing.location.cell) == ("levels!D1", "levels!E1")
    assert "did you mean `rank`?" in unknown.hint
    assert "no column `rank`" in missing.message


@pytest.mark.parametrize(
    "sheet,old,new,kind,cell,says",
    [
        (
            "responsibilities",
            "text\nField Operations,P3,1,JFM,Runs the program\n",
            "text,group\nField Operations,P3,1,JFM,Runs the program,Results\n",
            FindingKind.DANGLING,
            "responsibilities!F2",
            "no group `Results` in sheet `groups`",
        ),
        (
            "levels",
            "P3,Senior Specialist",
            "P3,",
            FindingKind.WORKBOOK,
            "levels!B3",
            "empty `title`",
        ),
        ("levels", "P,3", "P,3.5", FindingKind.WORKBOOK, "levels!D3", "whole number, not `3.5`"),
        ("levels", "P,2", "P,0", FindingKind.WORKBOOK, "levels!D2", "1 or more"),
        (
            "responsibilities",
            "P3,2,",
            "P3,two,",
            FindingKind.WORKBOOK,
            "responsibilities!C3",
            "not `two`",
        ),
        ("dimensions", "impact,2", "impact,", FindingKind.WORKBOOK, "dimensions!C3", "empty"),
        (
            "families",
            "Field Operations,Operations",
            "Field Operations,Operation",
            FindingKind.DANGLING,
            "families!B2",
            "`Operations`",
        ),
        (
            "role_levels",
            "Field Operations,P3\n",
            "Field Operations,P3\nField Operations,P4\n",
            FindingKind.DANGLING,
            "role_levels!B3",
            "no level `P4`",
        ),
        (
            "level_statements",
            "P3,Scope",
            "P3,Scop",
            FindingKind.DANGLING,
            "level_statements!B2",
            "`Scope`",
        ),
        ("rubric", "complexity,JFM", "complexity,JMF", FindingKind.DANGLING, "rubric!D2", "`JFM`"),
        (
            "responsibilities",
            "Field Operations,P3,1",
            "Field Operation,P3,1",
            FindingKind.DANGLING,
            "responsibilities!A2",
            "`Field Operations`",
        ),
        ("rubric", "complexity", "complex", FindingKind.WORKBOOK, "rubric!C2", "`complexity`"),
        (
            "levels",
            "P,3\n",
            "P,3\nP3,Lead,P,4\n",
            FindingKind.DUPLICATE,
            "levels!A4",
            "levels!A3",
        ),
        (
            "responsibilities",
            "P3,2,",
            "P3,1,",
            FindingKind.DUPLICATE,
            "responsibilities!C3",
            "responsibilities!C2",
        ),
        (
            "role_levels",
            "P3\n",
            "P3\nField Operations,P3\n",
            FindingKind.DUPLICATE,
            "role_levels!B3",
            "role_levels!B2",
        ),
        ("levels", "P,2", "P,3", FindingKind.DUPLICATE, "levels!D3", "rank 3"),
        (
            "families",
            "Operations\n",
            "Operations\nField-Operations,Operations\n",
            FindingKind.DUPLICATE,
            "families!A3",
            "family/field-operations",
        ),
        (
            "functions",
            "Operations\n",
            "Operations\n---\n",
            FindingKind.WORKBOOK,
            "functions!A3",
            "no letter or digit",
        ),
    ],
)
def test_each_problem_names_its_cell_and_a_fix(
    tmp_path: Path, sheet: str, old: str, new: str, kind: FindingKind, cell: str, says: str
) -> None:
    [finding] = problems(read(tmp_path, edited(SMALL, sheet, old, new)))
    assert (finding.kind, finding.location.cell) == (kind, cell)
    assert says in f"{finding.message} {finding.hint}"
    assert finding.hint


def test_two_groups_with_one_display_order_are_named(tmp_path: Path) -> None:
    sheets = {**SMALL, "groups": "group,display_order\nResults,1\nTalent,1\n"}
    [finding] = problems(read(tmp_path, sheets))
    assert (finding.kind, finding.location.cell) == (FindingKind.DUPLICATE, "groups!B3")


def test_a_bad_language_tag_iri_and_translation_are_named(tmp_path: Path) -> None:
    sheets = edited(
        SMALL, "functions", "function\nOperations", "function,lang,iri\nOperations,en_US,a b"
    )
    sheets["translations"] = (
        "iri,column,lang,text\n"
        "family/field-operation,family,fr,Opérations\n"
        "family/field-operations,function,fr,Opérations\n"
        "family/field-operations,family,,Opérations\n"
    )
    assert [(f.kind, f.location.cell) for f in problems(read(tmp_path, sheets))] == [
        (FindingKind.WORKBOOK, "functions!B2"),
        (FindingKind.WORKBOOK, "functions!C2"),
        (FindingKind.DANGLING, "translations!A2"),
        (FindingKind.WORKBOOK, "translations!B3"),
        (FindingKind.WORKBOOK, "translations!C4"),
    ]


def test_the_canon_sheet_takes_known_keys_and_web_addresses(tmp_path: Path) -> None:
    sheets = {**SMALL, "canon": "key,value\ntitel,X\nlicense,CC BY 4.0\ndefault_lang,en us\n"}
    found_ = problems(read(tmp_path, sheets))
    assert [f.location.cell for f in found_] == ["canon!A2", "canon!B3", "canon!B4"]
    assert "did you mean `title`?" in found_[0].hint


def test_every_problem_is_reported_at_once_each_with_a_cell_and_a_fix(tmp_path: Path) -> None:
    sheets = edited(SMALL, "levels", "P,3", "P,3.5")
    sheets = edited(sheets, "rubric", "knowledge,", "knowlege,")
    sheets = edited(sheets, "responsibilities", "Grows the team", "")
    sheets = edited(sheets, "families", "function\n", "function,colour\n")
    sheets["sorces"] = sheets.pop("sources")
    findings = problems(read(tmp_path, sheets))
    assert sorted(f.location.cell or "" for f in findings) == sorted(
        ["levels!D3", "rubric!C3", "responsibilities!E3", "families!C1", "sorces", "sources"]
    )
    for finding in findings:
        assert re.fullmatch(r"[a-z_]+(![A-Z]+[0-9]+)?", finding.location.cell or ""), finding
        assert finding.hint, finding


# --- size -------------------------------------------------------------------------------------


def _many(count: int, typo: bool) -> dict[str, str]:
    families = "".join(f"Family {n},Operations\n" for n in range(count))
    roles = "".join(f"Family {n},P3\n" for n in range(count))
    named = "Famly" if typo else "Family"
    duties = "".join(f"{named} {n},P3,1,JFM,Duty {n}\n" for n in range(count))
    sheets = {
        **SMALL,
        "families": "family,function\n" + families,
        "role_levels": "family,level\n" + roles,
    }
    sheets["responsibilities"] = "family,level,order,source,text\n" + duties
    sheets["rubric"] = "family,level,rubric,source,text\n"
    return sheets


@pytest.mark.parametrize("typo", [False, True], ids=["clean", "every-row-misspelt"])
def test_a_10000_row_sheet_takes_time_in_proportion_to_its_rows(tmp_path: Path, typo: bool) -> None:
    times = []
    for count in (1_000, 10_000):
        tables = read(tmp_path / str(count), _many(count, typo))
        start = time.perf_counter()
        if typo:
            assert len(problems(tables)) == count
        else:
            assert len(canon_files(tables)) == count + 2
        times.append(time.perf_counter() - start)
    assert times[1] < 30 * max(times[0], 0.01), times
    assert times[1] < 20, times


def test_closest_names_are_suggested_for_the_first_unknown_names_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(problems_module, "MAX_SUGGESTED", 1)
    sheets = edited(SMALL, "responsibilities", "Field Operations,P3,1", "Field Operation,P3,1")
    sheets = edited(sheets, "responsibilities", "Field Operations,P3,2", "Field Operatio,P3,2")
    first, second = problems(read(tmp_path, sheets))
    assert "did you mean `Field Operations`?" in first.hint
    assert second.hint == "add a row for it to sheet `families`"
