"""O*NET 26.3 as a starting canon: the release's tables match its files, the whole release
imports into a canon that checks clean, and every quote of every frame of every role-level is
verbatim O*NET text that resolves to its node.

The source files are read here with plain `str.split`, independently of the importer.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pytest

import jobframe
from jobframe.api.urls import node_url
from jobframe.frames.model import Quote
from jobframe.inputs import Bound
from jobframe.interchange import SHEETS_BY_NAME, Tables, import_canon, onet_release
from jobframe.interchange.iris import slug
from jobframe.interchange.onet import OnetError, onet_tables
from jobframe.interchange.onet_release import (
    JOB_ZONE_REFERENCE,
    JOB_ZONES,
    OCCUPATIONS,
    READ_ME,
    TASKS,
)
from jobframe.interchange.soc_major_groups import SOC_MAJOR_GROUPS
from jobframe.loading import CanonHolder, Served, first_load
from tests.conftest import ROOT
from tests.web.conftest import client_of

pytestmark = pytest.mark.slow

ONET = Path(os.environ.get("JOBFRAME_ONET_DIR", ROOT.parent / "shared" / "datasets" / "onet-26.3"))
"""The O*NET 26.3 text release (read-only; never copied into the repository)."""
DIMENSIONS = ("Experience", "Education", "Job Training", "SVP Range")


def source(name: str) -> list[dict[str, str]]:
    """The data lines of a release file as column -> cell, exactly as in the file."""
    header, *lines = (ONET / name).read_text("utf-8").removesuffix("\n").split("\n")
    return [dict(zip(header.split("\t"), line.split("\t"), strict=True)) for line in lines]


OCCUPATION = {r["O*NET-SOC Code"]: r for r in source(OCCUPATIONS)}
ZONE = {r["O*NET-SOC Code"]: r["Job Zone"] for r in source(JOB_ZONES)}
IMPORTED = [code for code in ZONE if code in OCCUPATION]
"""The occupations the canon holds: those in Job Zones.txt that Occupation Data describes."""
TASK_ROWS = [r for r in source(TASKS) if r["O*NET-SOC Code"] in IMPORTED]
REFERENCE = {r["Job Zone"]: r for r in source(JOB_ZONE_REFERENCE)}
TYPE_RANK = {"Core": 0, "Supplemental": 1, "n/a": 2}


@pytest.fixture(scope="module")
def tables() -> Tables:
    return onet_tables(ONET)


def cells(tables: Tables, sheet: str) -> list[Mapping[str, str]]:
    return [row.cells for row in tables[sheet].rows]


# --- the tables, against the source files -----------------------------------------------------


def test_the_tables_follow_the_workbook_layout(tables: Tables) -> None:
    for name, table in tables.items():
        sheet = SHEETS_BY_NAME[name]
        assert table.sheet == name
        assert set(sheet.required) <= set(table.header) <= set(sheet.columns)
        assert [r.number for r in table.rows] == list(range(2, len(table.rows) + 2))
        assert all(tuple(r.cells) == table.header for r in table.rows)


def test_every_occupation_with_a_job_zone_is_a_family_at_its_job_zone(tables: Tables) -> None:
    families = cells(tables, "families")
    assert len(families) == len(IMPORTED) == 923
    for family, code in zip(families, IMPORTED, strict=True):
        assert family["family"] == OCCUPATION[code]["Title"]
        assert family["description"] == OCCUPATION[code]["Description"]
        assert family["function"] == SOC_MAJOR_GROUPS[code[:2]]
    assert [(r["family"], r["level"]) for r in cells(tables, "role_levels")] == [
        (OCCUPATION[code]["Title"], f"JZ{ZONE[code]}") for code in IMPORTED
    ]


def test_functions_are_the_soc_major_groups_of_those_occupations(tables: Tables) -> None:
    groups = sorted({code[:2] for code in IMPORTED})
    assert [r["function"] for r in cells(tables, "functions")] == [
        SOC_MAJOR_GROUPS[g] for g in groups
    ]
    assert len(groups) == 22  # 55 Military Specific has no occupation with a Job Zone


def test_the_soc_table_holds_the_23_major_groups_of_soc_2018() -> None:
    assert len(SOC_MAJOR_GROUPS) == 23
    assert SOC_MAJOR_GROUPS["11"] == "Management Occupations"
    assert SOC_MAJOR_GROUPS["55"] == "Military Specific Occupations"
    assert {code[:2] for code in OCCUPATION} <= set(SOC_MAJOR_GROUPS)


def test_the_five_job_zones_are_levels_of_one_track_with_their_names(tables: Tables) -> None:
    assert cells(tables, "levels") == [
        {
            "code": f"JZ{z}",
            "title": REFERENCE[z]["Name"],
            "track": "Job Zone",
            "rank": z,
            "lang": "en",
        }
        for z in "12345"
    ]


def test_each_job_zone_has_its_four_texts_verbatim_as_generic_statements(tables: Tables) -> None:
    assert [r["name"] for r in cells(tables, "dimensions")] == list(DIMENSIONS)
    assert [r["display_order"] for r in cells(tables, "dimensions")] == ["1", "2", "3", "4"]
    assert [
        (r["level"], r["dimension"], r["text"], r["family"])
        for r in cells(tables, "level_statements")
    ] == [(f"JZ{z}", d, REFERENCE[z][d], "") for z in "12345" for d in DIMENSIONS]


def test_responsibilities_are_every_task_core_then_supplemental_then_unrated(
    tables: Tables,
) -> None:
    rows = cells(tables, "responsibilities")
    assert len(rows) == len(TASK_ROWS) == 19_259
    by_title: dict[str, list[Mapping[str, str]]] = {}
    for row in rows:
        by_title.setdefault(row["family"], []).append(row)
    for code in IMPORTED:
        title = OCCUPATION[code]["Title"]
        expected = sorted(
            (r for r in TASK_ROWS if r["O*NET-SOC Code"] == code),
            key=lambda r: (TYPE_RANK[r["Task Type"]], int(r["Task ID"])),
        )
        mine = by_title.get(title, [])
        assert [r["text"] for r in mine] == [r["Task"] for r in expected], title
        assert [r["order"] for r in mine] == [str(n) for n in range(1, len(mine) + 1)]
        assert [r["group"] for r in mine] == [
            "" if r["Task Type"] == "n/a" else r["Task Type"] for r in expected
        ]
        assert {r["level"] for r in mine} <= {f"JZ{ZONE[code]}"}
    assert {r["source"] for r in rows} == {"O*NET"}
    assert cells(tables, "sources") == [{"name": "O*NET", "notation": "O*NET 26.3"}]
    assert cells(tables, "groups") == [
        {"group": "Core", "display_order": "1", "lang": "en"},
        {"group": "Supplemental", "display_order": "2", "lang": "en"},
    ]


def test_o_net_has_no_rubric_so_none_is_invented(tables: Tables) -> None:
    assert tables["rubric"].rows == ()


def test_the_canon_carries_the_attribution_the_licence_asks_for(tables: Tables) -> None:
    about = {r["key"]: r["value"] for r in cells(tables, "canon")}
    required = re.search(r'Required attribution: "(.*?)"', (ONET / "SOURCE.md").read_text("utf-8"))
    assert required is not None
    assert about["attribution"] == "This canon " + required.group(1)
    assert about["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert about["source"] == "https://www.onetcenter.org/database.html"
    assert about["default_lang"] == "en"


def test_no_source_cell_has_surrounding_white_space_so_every_text_is_the_cell() -> None:
    """The layout strips cells; in 26.3 that changes nothing, so texts stay byte-identical."""
    for name in (OCCUPATIONS, JOB_ZONE_REFERENCE, TASKS):
        for row in source(name):
            assert all(cell == cell.strip() for cell in row.values()), row


def test_titles_make_distinct_iris_so_each_occupation_is_its_own_family() -> None:
    titles = Counter(slug(OCCUPATION[code]["Title"]) for code in IMPORTED)
    assert titles.most_common(1)[0][1] == 1


# --- the whole release, imported and served ----------------------------------------------------


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[jobframe.CanonReport, Path]:
    """The whole release imported once for this module: the import's report and its folder."""
    out = tmp_path_factory.mktemp("onet") / "canon"
    return import_canon(onet_tables(ONET), out), out


@pytest.fixture(scope="module")
def canon(imported: tuple[jobframe.CanonReport, Path]) -> jobframe.Canon:
    return jobframe.load(imported[1])


def test_the_whole_release_imports_into_a_canon_that_checks_clean(
    imported: tuple[jobframe.CanonReport, Path],
) -> None:
    report, _ = imported
    assert report.passes() and report.errors == ()
    assert {f.kind for f in report.warnings} == {jobframe.FindingKind.COMPLETENESS}
    tasks = Counter(r["O*NET-SOC Code"] for r in TASK_ROWS)
    # No rubric: SMART has no Achievable line and MBO no Standard line on any role-level, and
    # OKRs have no KR2 past the fourth objective (four level dimensions).
    expected = 2 * len(IMPORTED) + sum(1 for code in IMPORTED if tasks[code] > len(DIMENSIONS))
    assert len(report.warnings) == expected == 2_768
    assert all(
        re.search(
            r": (SMART goals|MBO areas|OKRs): \d+ of \d+ rows have no"
            r" (Achievable|Standard|KR2) line",
            f.message,
        )
        for f in report.warnings
    )


def test_warnings_name_the_release_line_or_the_imported_turtle_file_not_a_workbook_cell(
    imported: tuple[jobframe.CanonReport, Path],
) -> None:
    """An O*NET import has no workbook: a finding about an occupation or a task names its
    line in the release, any other points into the canon it wrote."""
    report, out = imported
    for finding in report.warnings:
        assert finding.location.cell is None
        assert finding.location.file is not None
        file = Path(finding.location.file)
        assert file.is_relative_to(out) or (file.parent == ONET and finding.location.line)


def test_the_canon_holds_as_many_nodes_as_the_source_files(canon: jobframe.Canon) -> None:
    assert len(canon.functions) == len({code[:2] for code in IMPORTED}) == 22
    assert len(canon.families) == len(canon.role_levels) == len(IMPORTED) == 923
    assert [lv.code for lv in canon.levels] == ["JZ1", "JZ2", "JZ3", "JZ4", "JZ5"]
    assert {lv.track.label for lv in canon.levels} == {"Job Zone"}
    assert sum(len(lv.statements) for lv in canon.levels) == 20
    assert sum(len(r.responsibilities) for r in canon.role_levels) == len(TASK_ROWS) == 19_259
    assert all(r.rubric == () for r in canon.role_levels)
    assert Counter(r.level.code for r in canon.role_levels) == Counter(
        f"JZ{ZONE[code]}" for code in IMPORTED
    )
    descriptions = {OCCUPATION[code]["Title"]: OCCUPATION[code]["Description"] for code in IMPORTED}
    assert {f.label: f.text for f in canon.families} == descriptions


def test_every_quote_of_every_frame_of_every_role_level_is_verbatim_text_of_its_node(
    canon: jobframe.Canon,
) -> None:
    onet = {
        *(r["Task"] for r in TASK_ROWS),
        *(OCCUPATION[code]["Title"] for code in IMPORTED),
        *(REFERENCE[z][column] for z in REFERENCE for column in ("Name", *DIMENSIONS)),
        *SOC_MAJOR_GROUPS.values(),
    }
    named_by_the_import = {
        *(f"JZ{z}" for z in REFERENCE),
        *(d.notation for d in canon.dimensions if d.notation),
    }
    quotes = 0
    for role in canon.role_levels:
        page = jobframe.page(role)
        assert [f.kind.value for f in page.frames] == ["smart", "okr", "mbo", "scorecard"]
        for line in (page.heading, page.breadcrumb, *(li for f in page.frames for li in f.lines)):
            for part in line.parts:
                if not isinstance(part, Quote):
                    continue
                quotes += 1
                node = part.provenance.node
                assert canon.nodes[node.iri] is node, node.iri
                assert part.text in (node.label, node.notation, node.text), node.iri
                assert part.text in onet or part.text in named_by_the_import, part.text
    assert quotes > 200_000


def test_responsibilities_are_the_task_statements_core_before_supplemental(
    canon: jobframe.Canon,
) -> None:
    code_of = {OCCUPATION[code]["Title"]: code for code in IMPORTED}
    tasks: dict[str, list[dict[str, str]]] = {}
    for row in TASK_ROWS:
        tasks.setdefault(row["O*NET-SOC Code"], []).append(row)
    for role in canon.role_levels:
        expected = sorted(
            tasks[code_of[role.family.label]],
            key=lambda r: (TYPE_RANK[r["Task Type"]], int(r["Task ID"])),
        )
        found = role.responsibilities
        assert [r.text for r in found] == [r["Task"] for r in expected]
        assert [r.order for r in found] == list(range(1, len(found) + 1))
        assert [r.group.label if r.group else "n/a" for r in found] == [
            r["Task Type"] for r in expected
        ]
        assert {r.source.label for r in found} == {"O*NET"}
    smart = jobframe.frame(canon.role_level("Chief Executives", "JZ5"), "smart")
    assert smart.sections[0].rows[0].tag == "O*NET responsibility (JZ5)"


def test_the_canon_and_every_node_page_carry_the_attribution(
    imported: tuple[jobframe.CanonReport, Path], canon: jobframe.Canon
) -> None:
    about = canon.about
    assert about is not None and about.attribution is not None
    assert about.attribution.startswith("This canon includes information from the O*NET 26.3")
    assert about.license == "https://creativecommons.org/licenses/by/4.0/"
    served = first_load(imported[1])
    assert isinstance(served, Served)
    client = client_of(CanonHolder(imported[1], served))
    role = canon.role_level("Chief Executives", "JZ5")
    for node in (role, role.responsibilities[0], role.level.statements[0], role.family):
        page = client.get(node_url(node.iri), headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert html.escape(about.attribution) in page.text


# --- a release that cannot be imported --------------------------------------------------------

MINI = {
    READ_ME: "O*NET 99.1 Database\n",
    OCCUPATIONS: "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tLead.\n",
    JOB_ZONES: "O*NET-SOC Code\tJob Zone\tDate\n11-1011.00\t5\t07/2014\n",
    JOB_ZONE_REFERENCE: "Job Zone\tName\tExperience\tEducation\tJob Training\tExamples\tSVP Range\n"
    + "".join(f"{z}\tZone {z}\tx{z}\te{z}\tt{z}\tex\t(s{z})\n" for z in "12345"),
    TASKS: "O*NET-SOC Code\tTask ID\tTask\tTask Type\n"
    '11-1011.00\t2\tSupplemental "task".\tSupplemental\n'
    "11-1011.00\t3\tUnrated task.\tn/a\n"
    "11-1011.00\t9\tCore task.\tCore\n"
    "11-1011.00\t1\tAnother core task.\tCore\n",
}


def release(folder: Path, **changes: str | None) -> Path:
    """A five-line O*NET release in `folder`; `changes` replace (None: remove) a file, named
    by its key in MINI's order: readme, occupations, zones, reference, tasks."""
    keys = dict(zip(("readme", "occupations", "zones", "reference", "tasks"), MINI, strict=True))
    files = dict(MINI)
    for key, text in changes.items():
        if text is None:
            del files[keys[key]]
        else:
            files[keys[key]] = text
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(OnetError) as raised:
        onet_tables(folder)
    return [str(p) for p in raised.value.problems]


def test_a_small_release_keeps_quotes_and_orders_core_supplemental_unrated(tmp_path: Path) -> None:
    tables = onet_tables(release(tmp_path))
    assert [(r["order"], r["text"], r["group"]) for r in cells(tables, "responsibilities")] == [
        ("1", "Another core task.", "Core"),
        ("2", "Core task.", "Core"),
        ("3", 'Supplemental "task".', "Supplemental"),
        ("4", "Unrated task.", ""),
    ]
    assert (
        "O*NET 99.1 Database"
        in dict((r["key"], r["value"]) for r in cells(tables, "canon"))["attribution"]
    )


def test_a_task_the_checks_refuse_is_named_at_its_line_of_the_release(tmp_path: Path) -> None:
    """Outside attack: an ESC in a task was named in a Turtle file of a folder the refused
    import never wrote."""
    tasks = MINI[TASKS].replace("Unrated task.", "Unrated \x1b[2J task.")
    (tmp_path / "release").mkdir()
    folder = release(tmp_path / "release", tasks=tasks)
    report = import_canon(onet_tables(folder), tmp_path / "out")
    [error] = report.errors
    assert error.kind == "unsafe" and "\\u001b" in error.message
    assert (error.location.file, error.location.line) == (str(folder / TASKS), 3)
    assert not (tmp_path / "out").exists()


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert problems(release(tmp_path, tasks=None)) == [
        f"Task Statements.txt: missing from {tmp_path}: give the folder of an O*NET database"
        " text release"
    ]


def test_a_wrong_folder_is_one_problem(tmp_path: Path) -> None:
    assert problems(tmp_path / "onet") == [
        f"{tmp_path / 'onet'}: no folder: give the folder of an O*NET database text release"
    ]


def test_a_missing_column_and_a_read_me_without_a_release_are_named(tmp_path: Path) -> None:
    zones = "O*NET-SOC Code\tZone\n11-1011.00\t5\n"
    found = problems(release(tmp_path, readme="Hello\n", zones=zones))
    assert found[0].startswith("Job Zones.txt:1: no column 'Job Zone' in the header")
    assert found[1:] == ["Read Me.txt: does not name its release as 'O*NET <number> Database'"]


def test_a_malformed_line_is_named_by_file_and_line(tmp_path: Path) -> None:
    tasks = MINI[TASKS] + "11-1011.00\t4\tA task with no type\n"
    assert problems(release(tmp_path, tasks=tasks)) == [
        "Task Statements.txt:6: 3 tab-separated fields where the header has 4"
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    zones = "O*NET-SOC Code\tJob Zone\n11-1011.00\t6\n19-9999.00\t2\n"
    tasks = MINI[TASKS] + "11-1011.00\t1\tAgain.\tCore\n11-1011.00\tx\tNo id.\tCore\n"
    tasks += "11-1011.00\t7\tOdd.\tOptional\n"
    assert problems(release(tmp_path, zones=zones, tasks=tasks)) == [
        "Job Zones.txt:2: 11-1011.00: Job Zone '6' is not 1 to 5",
        "Job Zones.txt:3: 19-9999.00 is not in Occupation Data.txt",
        "Task Statements.txt:6: Task ID 1 again (first at line 5)",
        "Task Statements.txt:7: Task ID 'x' is not a number",
        "Task Statements.txt:8: Task Type 'Optional' is not one of Core, Supplemental, n/a",
    ]


def test_two_occupations_whose_titles_make_one_iri_are_refused(tmp_path: Path) -> None:
    occupations = MINI[OCCUPATIONS] + "11-1011.03\tChief executives!\tAlso lead.\n"
    zones = MINI[JOB_ZONES] + "11-1011.03\t5\t07/2014\n"
    assert problems(release(tmp_path, occupations=occupations, zones=zones)) == [
        "Occupation Data.txt:3: 11-1011.03 'Chief executives!' and 11-1011.00 'Chief Executives'"
        " (line 2) would be one family: their names differ only in case or punctuation"
    ]


def test_an_unknown_major_group_and_a_bad_code_are_refused(tmp_path: Path) -> None:
    occupations = MINI[OCCUPATIONS] + "99-1011.00\tOdd\tx\n1-1\tBad\tx\n"
    assert problems(release(tmp_path, occupations=occupations)) == [
        "Occupation Data.txt:3: 99-1011.00: 99 is not a SOC 2018 major group",
        "Occupation Data.txt:4: '1-1' is not an O*NET-SOC code (11-1011.00)",
    ]


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    folder = release(tmp_path)
    (folder / OCCUPATIONS).write_bytes(MINI[OCCUPATIONS].encode() + b"11-1011.03\tCaf\xe9\tx\n")
    found = problems(folder)
    assert len(found) == 1 and found[0].startswith("Occupation Data.txt:3: not UTF-8")


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    folder = release(tmp_path)
    (folder / OCCUPATIONS).write_text("\ufeff" + MINI[OCCUPATIONS], encoding="utf-8")
    assert cells(onet_tables(folder), "families")[0]["family"] == "Chief Executives"


def test_a_release_file_over_its_bound_or_not_a_file_is_named_and_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = release(tmp_path, tasks=None, reference=None)
    os.mkfifo(folder / TASKS)  # a FIFO would block a reader that opened it by its path
    (folder / JOB_ZONE_REFERENCE).write_bytes(b"x" * 2_000)
    monkeypatch.setattr(onet_release, "ONET_FILE", Bound("an O*NET release file", 1_000, 60))
    assert problems(folder) == [
        "Job Zone Reference.txt: an O*NET release file is over 1,000 bytes; not read",
        "Task Statements.txt: an O*NET release file is not a regular file; not read",
    ]
