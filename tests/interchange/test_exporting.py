"""Exporting a canon to the workbook layout: export, import and export again give the same
tables and the same Turtle, every language and IRI kept; the committed example workbook is the
export of the shipped canon."""

from __future__ import annotations

from pathlib import Path

import pytest

import jobframe
from jobframe.canon import Canon
from jobframe.interchange import Tables, canon_files, canon_tables, import_canon, read_tables
from tests.conftest import ARCHITECTURE, ROOT, dimensions, role_level, write_canon

from .workbooks import cells, csv_folder

EXAMPLE = ROOT / "docs" / "examples" / "jobframe-canon.xlsx"
EXAMPLE_CSV = ROOT / "docs" / "examples" / "jobframe-canon"
REGENERATE = (
    "regenerate it: .venv/bin/jobframe export --format xlsx --out docs/examples/jobframe-canon.xlsx"
    " && .venv/bin/jobframe export --format csv --out docs/examples/jobframe-canon"
)

MULTILINGUAL: dict[str, str] = {
    "canon": (
        "key,value\ntitle,Exemple\ndefault_lang,fr\nsource,https://example.org/data\n"
        "license,https://creativecommons.org/licenses/by/4.0/\n"
        'attribution,"Données de ""Exemple"", CC BY 4.0"\n'
    ),
    "functions": "function,lang\nOpérations,fr\n",
    "families": (
        "family,function,description,lang\n"
        'Terrain,Opérations,"Le terrain.\nDeux lignes.",fr\n'
        "Bureau,Opérations,,\n"
    ),
    "levels": "code,title,track,rank,lang\nP1,Spécialiste,P,1,fr\nP2,Expert,P,2,fr\n",
    "dimensions": "name,running_name,display_order,lang\nPortée,portée,1,fr\nImpact,impact,2,fr\n",
    "level_statements": (
        "level,dimension,text,family,lang\n"
        "P1,Portée,Ses tâches,,fr\n"
        "P1,Impact,Son équipe,,fr\n"
        "P1,Portée,Ses tournées,Terrain,fr\n"
        "P2,Portée,Un programme,,fr\n"
    ),
    "role_levels": "family,level\nTerrain,P1\nBureau,P2\n",
    "groups": "group,display_order,lang\nRésultats,1,fr\nTalents,2,fr\n",
    "responsibilities": (
        "family,level,order,source,text,group,lang\n"
        "Terrain,P1,1,JFM,Livre les résultats,Résultats,fr\n"
        "Terrain,P1,2,JFM,Recrute,Talents,fr\n"
        "Terrain,P1,10,JFM,Dixième,,fr\n"
        "Bureau,P2,1,JFM,Tient le bureau,,\n"
    ),
    "rubric": (
        "family,level,rubric,source,text,lang\n"
        "Terrain,P1,complexity,JFM,Résout,fr\n"
        "Terrain,P1,knowledge,JFM,Applique,fr\n"
        "Bureau,P2,complexity,JFM,Résout au bureau,\n"
    ),
    "sources": "name,notation\nJFM,jfm\n",
    "translations": (
        "iri,column,lang,text\n"
        "family/terrain,family,en,Field\n"
        "family/terrain,description,en,The field.\n"
        "family/terrain,description,de,Das Feld.\n"
        "level/P1,title,en,Specialist\n"
        "dimension/portee,running_name,en,scope\n"
        "role/terrain/P1/responsibility/1,text,en,Delivers results\n"
        "source/jfm,name,en,JFM (en)\n"
    ),
}
"""A canon in French with English and German translations, a family-specific statement,
groups, an untagged family and the canon's own description."""


def unordered(tables: Tables) -> dict[str, list[list[tuple[str, str]]]]:
    """The tables' rows, in no particular order, without their empty cells."""
    return {
        name: sorted(sorted((k, v) for k, v in row.items() if v) for row in rows)
        for name, rows in cells(tables).items()
        if rows
    }


def round_trip(tables: Tables, tmp_path: Path) -> tuple[Tables, dict[str, str], Canon]:
    """Import the tables, load the canon and export it again."""
    report = import_canon(tables, tmp_path)
    assert report.passes(), [str(f) for f in report.errors]
    canon = jobframe.load(tmp_path)
    return canon_tables(canon), canon_files(tables), canon


@pytest.mark.parametrize("name", ["shipped", "multilingual", "other-iris"])
def test_export_import_export_gives_the_same_tables_and_the_same_turtle(
    tmp_path: Path, canon: Canon, name: str
) -> None:
    if name == "shipped":
        first = canon_tables(canon)
    elif name == "multilingual":
        first = canon_tables(
            round_trip(read_tables(csv_folder(tmp_path / "book", MULTILINGUAL)), tmp_path / "c0")[2]
        )
    else:
        folder = write_canon(
            tmp_path / "c0", ARCHITECTURE, dimensions("Scope", "Impact"), role_level(3)
        )
        first = canon_tables(jobframe.load(folder))
    second, files, _ = round_trip(first, tmp_path / "c1")
    assert cells(second) == cells(first)
    _, files_again, _ = round_trip(second, tmp_path / "c2")
    assert files_again == files
    assert {
        p.relative_to(tmp_path / "c2").as_posix(): p.read_text("utf-8")
        for p in (tmp_path / "c2").rglob("*.ttl")
    } == files


def test_a_canon_whose_iris_are_not_derived_from_names_keeps_them_in_the_iri_column(
    tmp_path: Path,
) -> None:
    folder = write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(2))
    tables = cells(canon_tables(jobframe.load(folder)))
    assert [r["iri"] for r in tables["responsibilities"]] == [
        "https://test.example/canon/role/ops/P3/r1",
        "https://test.example/canon/role/ops/P3/r2",
    ]
    assert tables["levels"] == [
        {
            "code": "P3",
            "title": "Senior Specialist",
            "track": "P",
            "rank": "3",
            "lang": "",
            "iri": "https://test.example/canon/level/P3",
        }
    ]


def test_the_shipped_canon_exports_with_no_iri_cell_filled(canon: Canon) -> None:
    for rows in cells(canon_tables(canon)).values():
        assert all(not row.get("iri") for row in rows)


def test_language_tagged_values_and_translations_round_trip(tmp_path: Path) -> None:
    book = read_tables(csv_folder(tmp_path / "book", MULTILINGUAL))
    exported, _, canon = round_trip(book, tmp_path / "c")
    assert unordered(exported) == unordered(book)
    family = canon.family("Terrain")
    assert (family.label, family.language("label"), family.text) == (
        "Terrain",
        "fr",
        "Le terrain.\nDeux lignes.",
    )
    english = canon.in_language("en").family("Field")
    assert (english.label, english.text) == ("Field", "The field.")
    assert canon.family("Bureau").language("label") is None
    assert canon.about is not None and canon.about.attribution == 'Données de "Exemple", CC BY 4.0'


def test_the_example_workbook_is_the_export_of_the_shipped_canon(canon: Canon) -> None:
    expected = cells(canon_tables(canon))
    assert cells(read_tables(EXAMPLE)) == expected, REGENERATE
    assert cells(read_tables(EXAMPLE_CSV)) == expected, REGENERATE
