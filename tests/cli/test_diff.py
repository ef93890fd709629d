"""`jobframe diff OLD NEW`: exit 0 when no frame changes, 1 when frames change, 2 when a
canon cannot be read or fails its checks; text, Markdown and JSON; folders and git revisions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobframe.cli import main
from jobframe.resources import DEFAULT_CANON_DIR
from tests.changes.canons import OPS, write
from tests.servers import free_port
from tests.sources.test_git import git
from tests.sources.test_sparql import oxigraph  # noqa: F401 - a fixture


def diff(*arguments: str | Path) -> Result:
    return CliRunner().invoke(main, ["diff", *map(str, arguments)])


@pytest.fixture
def old(tmp_path: Path) -> Path:
    return write(tmp_path / "old")


def test_an_unchanged_canon_exits_0_listing_no_role_level(old: Path, tmp_path: Path) -> None:
    result = diff(old, write(tmp_path / "same"))
    assert result.exit_code == 0, result.output
    assert "0 nodes added, 0 removed, 0 changed; 0 role-levels with changed frames" in result.output
    assert "Role-levels whose frames change" not in result.output


def test_a_one_responsibility_edit_exits_1_with_a_diff_of_each_frame(
    old: Path, tmp_path: Path
) -> None:
    new = write(tmp_path / "new", ('"Responsibility 2"', '"Responsibility two"'))
    result = diff(old, new)
    assert result.exit_code == 1, result.output
    assert f"~ Field Operations — P3  <{OPS}>: SMART goals, OKRs, MBO areas, Scorecard" in (
        result.output
    )
    for title in ("SMART goals", "OKRs", "MBO areas", "Scorecard"):
        assert f"--- {title} (old)\n+++ {title} (new)\n" in result.output
    assert '-   Specific:    Deliver: "Responsibility 2"' in result.output
    assert '+   Specific:    Deliver: "Responsibility two"' in result.output
    assert "\x1b[" not in result.output, "no colour when not on a terminal"


def test_colour_is_asked_for_or_refused(old: Path, tmp_path: Path) -> None:
    new = write(tmp_path / "new", ('"Responsibility 2"', '"Responsibility two"'))
    assert "\x1b[32m+" in diff(old, new, "--color", "always").output
    assert "\x1b[" not in diff(old, new, "--color", "never").output


def test_a_broken_canon_exits_2_with_its_check_report(old: Path, tmp_path: Path) -> None:
    broken = write(tmp_path / "broken", ("jf:order 2 ;", "jf:order 2 ; {"))
    result = diff(old, broken)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"jobframe diff: the canon in {broken} has errors:" in result.stderr
    assert f"{broken / 'part2.ttl'}:" in result.stderr
    assert "error [syntax]" in result.stderr
    assert f"{broken}: 1 errors, 0 warnings" in result.stderr


def test_a_missing_folder_exits_2(old: Path, tmp_path: Path) -> None:
    result = diff(old, tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "canon folder does not exist" in result.stderr


def test_json_has_the_documented_shape(old: Path, tmp_path: Path) -> None:
    new = write(tmp_path / "new", ('"Field Operations"', '"Field Services"'))
    result = diff(old, new, "--format", "json")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert list(body) == [
        "old",
        "new",
        "language",
        "framesChange",
        "complete",
        "counts",
        "nodes",
        "roleLevels",
    ]
    assert body["old"]["source"] == str(old) and len(body["old"]["version"]) == 32
    assert (body["language"], body["framesChange"], body["complete"]) == ("en", True, True)
    assert body["counts"] == {
        "nodesAdded": 0,
        "nodesRemoved": 0,
        "nodesChanged": 1,
        "roleLevelsReached": 1,
        "roleLevelsChanged": 1,
        "roleLevelsNotCompared": 0,
    }
    assert body["nodes"] == [
        {
            "iri": "https://test.example/canon/family/ops",
            "kind": "JobFamily",
            "label": "Field Services",
            "change": "changed",
            "fields": [{"field": "label", "old": "Field Operations", "new": "Field Services"}],
        }
    ]
    [role] = body["roleLevels"]
    assert list(role) == ["iri", "label", "change", "compared", "frames"]
    assert (role["iri"], role["label"], role["change"], role["compared"]) == (
        OPS,
        "Field Services — P3",
        "changed",
        True,
    )
    [frame] = role["frames"]
    assert frame["kind"] == "smart"
    assert frame["diff"].startswith("--- SMART goals (old)\n+++ SMART goals (new)\n@@")


def test_markdown_is_a_pull_request_comment(old: Path, tmp_path: Path) -> None:
    new = write(tmp_path / "new", ('"Responsibility 2"', '"Responsibility two"'))
    result = diff(old, new, "--format", "markdown")
    assert result.exit_code == 1
    text = result.stdout
    assert text.startswith("## Canon changes: 1 role-level's frames change\n")
    assert "| Field Operations — P3 | changed | SMART goals, OKRs, MBO areas, Scorecard |" in text
    assert (
        "<details><summary>Field Operations — P3: SMART goals, OKRs, MBO areas, Scorecard" in text
    )
    assert "```diff\n--- SMART goals (old)" in text


def test_a_git_revision_is_compared_with_the_work_tree(
    old: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(old, repo / "canon")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "canon")
    part = repo / "canon" / "part2.ttl"
    part.write_text(part.read_text("utf-8").replace('"Responsibility 2"', '"Responsibility two"'))
    monkeypatch.chdir(repo)

    changed = diff("git:main:canon", "canon")
    assert changed.exit_code == 1, changed.output
    assert "Canon changes from git:main:canon to canon" in changed.output
    assert '+   Specific:    Deliver: "Responsibility two"' in changed.output
    assert diff("git:main:canon", "git:HEAD:canon").exit_code == 0

    git(repo, "commit", "-q", "-am", "edit")
    part.write_text("this is not turtle")
    broken = diff("git:HEAD~1:canon", "canon")
    assert broken.exit_code == 2
    assert "the canon in canon has errors" in broken.stderr
    assert diff("git:HEAD~1:canon", "git:HEAD:canon").exit_code == 1


def test_a_git_revision_leaves_no_snapshot_behind(
    old: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its temporary folder's snapshot, keyed by that folder's path, would never be used."""
    repo = tmp_path / "repo"
    shutil.copytree(old, repo / "canon")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "canon")
    cache = tmp_path / "cache"
    monkeypatch.setenv("JOBFRAME_CACHE_DIR", str(cache))
    monkeypatch.chdir(repo)
    assert diff("git:main:canon", "git:HEAD:canon").exit_code == 0
    assert not cache.exists() or not any(cache.iterdir())
    assert diff("git:main:canon", "canon").exit_code == 0
    assert len(list(cache.iterdir())) == 1, "a folder's snapshot is kept, as `serve` keeps it"


def test_an_unknown_revision_or_folder_exits_2_naming_it(
    old: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(old, repo / "canon")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "canon")
    monkeypatch.chdir(repo)
    unknown = diff("git:nope:canon", "canon")
    assert unknown.exit_code == 2
    assert "git:nope:canon: error [source] unknown git revision 'nope'" in unknown.stderr
    missing = diff("git:main:data", "canon")
    assert missing.exit_code == 2
    assert "no folder 'data' at revision 'main'" in missing.stderr
    malformed = diff("git:main", "canon")
    assert malformed.exit_code == 2
    assert "git:REV:PATH" in malformed.stderr


def test_git_findings_name_the_file_in_the_revision(
    old: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(old, repo / "canon")
    (repo / "canon" / "part2.ttl").write_text("this is not turtle")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "broken")
    monkeypatch.chdir(repo)
    result = diff("git:main:canon", "canon")
    assert result.exit_code == 2
    assert "git:main:canon/part2.ttl:1:" in result.stderr
    assert "jobframe-git-" not in result.stderr


def test_the_shipped_canon_against_itself_changes_nothing() -> None:
    root = Path(__file__).resolve().parents[2]
    if subprocess.run(["git", "-C", str(root), "rev-parse"], capture_output=True).returncode:
        pytest.skip("not a git checkout")
    result = diff(root / "canon", root / "canon", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["roleLevels"] == []


def test_a_sparql_endpoint_is_compared_with_a_folder(
    oxigraph: tuple[str, subprocess.Popen[bytes]],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    endpoint = f"sparql+{oxigraph[0]}/query"
    assert diff(endpoint, DEFAULT_CANON_DIR).exit_code == 0
    edited = Path(shutil.copytree(DEFAULT_CANON_DIR, tmp_path / "canon"))
    levels = edited / "levels.ttl"
    text = levels.read_text("utf-8")
    statement = re.search(r'jf:text "([^"]+)"', text)
    assert statement is not None
    levels.write_text(text.replace(statement.group(0), 'jf:text "Edited."', 1), "utf-8")
    result = diff(endpoint, edited, "--format", "json")
    assert result.exit_code == 1, result.output
    [node] = json.loads(result.stdout)["nodes"]
    assert (node["kind"], node["fields"][0]["new"]) == ("DimensionStatement", "Edited.")


def test_an_unreachable_endpoint_exits_2(old: Path) -> None:
    url = f"sparql+http://127.0.0.1:{free_port()}/query"
    result = diff(url, old)
    assert result.exit_code == 2
    assert f"{url}: error [source] cannot read the canon from the SPARQL endpoint" in result.stderr
