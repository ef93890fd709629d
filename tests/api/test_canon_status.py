"""What a maintainers' UI reads: canon version, findings, completeness, lineage."""

from pathlib import Path

from jobframe.api.types.ids import encode_id
from jobframe.canon import Canon
from jobframe.loading import Served
from tests.api.conftest import Run, run_query
from tests.conftest import (
    ARCHITECTURE,
    PREFIXES,
    dimensions,
    role_level,
    serve_folder,
    write_canon,
)


def test_canon_status_of_the_shipped_canon(run: Run, served: Served) -> None:
    data = run(
        "{ canon { version loadedAt tripleCount findings { totalCount } "
        "completeness { nodes { roleLevel { label } responsibilities dimensionStatements "
        "rubricPresent rubricMissing omissions } } lastReload { trigger succeeded version } } }"
    )["canon"]
    assert data["version"] == served.canon.version
    assert data["tripleCount"] == served.canon.triple_count
    assert data["findings"] == {"totalCount": 0}
    assert data["completeness"]["nodes"] == [
        {
            "roleLevel": {"label": "Clinical Trials Operations — M5"},
            "responsibilities": 5,
            "dimensionStatements": 6,
            "rubricPresent": ["complexity", "knowledge"],
            "rubricMissing": [],
            "omissions": [],
        }
    ]
    assert data["lastReload"] == {
        "trigger": "startup",
        "succeeded": True,
        "version": served.canon.version,
    }


def test_completeness_warnings_say_which_lines_are_omitted(tmp_path: Path) -> None:
    served = serve_folder(
        write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(3, complexity=False))
    )
    data = run_query(
        served,
        "{ canon { findings { nodes { kind severity nodeIri node { label } message } } "
        "completeness(incompleteOnly: true) { nodes { rubricMissing omissions } } } }",
    )["canon"]
    messages = [f["message"] for f in data["findings"]["nodes"]]
    assert all(f["kind"] == "completeness" for f in data["findings"]["nodes"])
    assert all(f["severity"] == "WARNING" for f in data["findings"]["nodes"])
    assert data["findings"]["nodes"][0]["node"] == {"label": "Field Operations — P3"}
    assert "Field Operations — P3: SMART goals: 3 of 3 rows have no Achievable line" in messages[0]
    assert data["completeness"]["nodes"] == [
        {
            "rubricMissing": ["complexity"],
            "omissions": [
                "SMART goals: 3 of 3 rows have no Achievable line"
                " (no complexity/problem-solving rubric entry)",
                "OKRs: 2 of 3 rows have no KR2 line"
                " (no level dimension statement at that position)",
            ],
        }
    ]


def test_lineage_of_a_responsibility_runs_up_to_its_function(run: Run, canon: Canon) -> None:
    role = canon.role_level("Clinical Trials Operations", "M5")
    responsibility = role.responsibilities[0]
    data = run(
        "query($id: ID!) { lineage(id: $id) { __typename label } }",
        id=encode_id("Responsibility", responsibility.iri),
    )
    assert [n["__typename"] for n in data["lineage"]] == [
        "Responsibility",
        "RoleLevel",
        "JobFamily",
        "JobFunction",
    ]


def test_lineage_of_a_statement_runs_up_to_its_track(run: Run, canon: Canon) -> None:
    statement = canon.levels[0].statements[0]
    data = run(
        "query($id: ID!) { lineage(id: $id) { __typename } }",
        id=encode_id("DimensionStatement", statement.iri),
    )
    assert [n["__typename"] for n in data["lineage"]] == ["DimensionStatement", "Level", "Track"]


def test_lineage_of_an_unknown_id_is_null(run: Run) -> None:
    assert run('{ lineage(id: "nothing") { label } }') == {"lineage": None}


def test_incomplete_only_leaves_out_the_complete_role_levels(tmp_path: Path) -> None:
    lead = PREFIXES + (
        '<level/P4> a jf:Level ; skos:notation "P4" ; skos:prefLabel "Lead" ;'
        " jf:track <track/P> ; jf:rank 4 .\n"
        "<role/ops/P4> a jf:RoleLevel ; jf:family <family/ops> ; jf:level <level/P4> .\n"
        "<role/ops/P4/r1> a jf:Responsibility ; jf:roleLevel <role/ops/P4> ; jf:order 1 ;"
        ' jf:source <source/jfm> ; jf:text "Leads" .\n'
    )
    complete = (ARCHITECTURE, dimensions("Scope"), role_level(1))
    query = (
        "{ canon { all: completeness { totalCount nodes { roleLevel { label } } }"
        " incomplete: completeness(incompleteOnly: true) { totalCount nodes {"
        " roleLevel { label } omissions } } } }"
    )
    mixed = run_query(serve_folder(write_canon(tmp_path / "mixed", *complete, lead)), query)
    assert [n["roleLevel"]["label"] for n in mixed["canon"]["all"]["nodes"]] == [
        "Field Operations — P3",
        "Field Operations — P4",
    ]
    assert mixed["canon"]["incomplete"]["totalCount"] == 1
    (row,) = mixed["canon"]["incomplete"]["nodes"]
    assert row["roleLevel"] == {"label": "Field Operations — P4"}
    assert row["omissions"]
    only_complete = run_query(serve_folder(write_canon(tmp_path / "complete", *complete)), query)
    assert only_complete["canon"]["all"]["totalCount"] == 1
    assert only_complete["canon"]["incomplete"] == {"totalCount": 0, "nodes": []}
