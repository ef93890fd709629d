"""The jobframe command line: frames as text or RDF, another canon, clear errors."""

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import PROV

from jobframe.api.schema import default_schema
from jobframe.cli import main
from tests.conftest import ARCHITECTURE, dimensions, role_level, write_canon

schema = default_schema()


def test_all_prints_the_whole_page_with_headings() -> None:
    result = CliRunner().invoke(main, ["frame", "Clinical Trials Operations", "M5"])
    assert result.exit_code == 0
    for heading in ("Goal templates — ", "SMART goals\n", "OKRs\n", "MBO areas\n", "Scorecard\n"):
        assert heading in result.output


def test_canon_option_and_environment_name_another_canon(tmp_path: Path) -> None:
    folder = write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(1))
    by_option = CliRunner().invoke(
        main, ["frame", "Field Operations", "P3", "--kind", "okr", "--canon", str(folder)]
    )
    by_env = CliRunner(env={"JOBFRAME_CANON": str(folder)}).invoke(
        main, ["frame", "Field Operations", "P3", "--kind", "okr"]
    )
    assert by_option.exit_code == by_env.exit_code == 0
    assert by_option.output == by_env.output
    assert by_option.output.startswith(
        "Objective 1: Responsibility 1  [source: JFM responsibility (P3)]"
    )


def test_unknown_family_exits_1_naming_the_closest() -> None:
    result = CliRunner().invoke(main, ["frame", "Clinical Trial Ops", "M5"])
    assert result.exit_code == 1
    assert "'Clinical Trial Ops'" in result.output
    assert "closest: 'Clinical Trials Operations'" in result.output


def test_broken_canon_exits_1_with_its_findings(tmp_path: Path) -> None:
    folder = write_canon(tmp_path, ARCHITECTURE, "this is not turtle")
    result = CliRunner().invoke(main, ["frame", "Field Operations", "P3", "--canon", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'part1.ttl'}:1:" in result.output


def test_turtle_export_links_lines_to_canon_nodes() -> None:
    result = CliRunner().invoke(
        main, ["frame", "Clinical Trials Operations", "M5", "--kind", "smart", "--format", "turtle"]
    )
    assert result.exit_code == 0
    graph = Graph().parse(data=result.output, format="turtle")
    assert len(set(graph.subject_objects(PROV.wasQuotedFrom))) > 10


def test_export_schema_prints_the_sdl() -> None:
    result = CliRunner().invoke(main, ["export-schema"])
    assert result.output == schema.as_str() + "\n"


def test_check_exits_0_on_the_shipped_canon() -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert "0 errors, 0 warnings" in result.output


def test_check_exits_1_on_errors_and_reports_json(tmp_path: Path) -> None:
    folder = write_canon(tmp_path, ARCHITECTURE, "this is not turtle")
    result = CliRunner().invoke(main, ["check", "--canon", str(folder), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["errors"] == 1
    assert report["findings"][0]["kind"] == "syntax"
    assert report["findings"][0]["file"] == str(folder / "part1.ttl")


def test_check_strict_exits_1_on_warnings_only(tmp_path: Path) -> None:
    folder = write_canon(tmp_path, ARCHITECTURE, role_level(2, knowledge=False))
    relaxed = CliRunner().invoke(main, ["check", "--canon", str(folder)])
    strict = CliRunner().invoke(main, ["check", "--canon", str(folder), "--strict"])
    assert relaxed.exit_code == 0 and strict.exit_code == 1
    assert "[completeness]" in relaxed.output
    assert "Completeness (role-levels x canon fields)" in relaxed.output


def test_serve_refuses_a_canon_with_errors(tmp_path: Path) -> None:
    folder = write_canon(tmp_path, ARCHITECTURE, "this is not turtle")
    result = CliRunner().invoke(main, ["serve", "--canon", str(folder), "--port", "1"])
    assert result.exit_code == 1
    assert "cannot be served" in result.output
    assert f"{folder / 'part1.ttl'}:1:" in result.output


def test_lang_picks_the_language_of_the_canon_text(tmp_path: Path) -> None:
    from tests.canon.test_languages import GERMAN

    folder = write_canon(
        tmp_path / "c", ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN
    )
    args = ["frame", "Field Operations", "P3", "--kind", "smart", "--canon", str(folder)]
    german = CliRunner().invoke(main, [*args, "--lang", "de"])
    assert german.exit_code == 0, german.output
    assert 'Deliver: "Verantwortung 1"' in german.output
    english = CliRunner().invoke(main, args)
    assert 'Deliver: "Responsibility 1"' in english.output


def test_a_malformed_lang_is_refused_naming_the_option() -> None:
    result = CliRunner().invoke(
        main, ["frame", "Clinical Trials Operations", "M5", "--lang", "x y"]
    )
    assert result.exit_code == 2 and "--lang" in result.output


def test_python_dash_m_jobframe_runs_the_same_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jobframe", "check"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "canon: 0 errors, 0 warnings" in done.stdout
