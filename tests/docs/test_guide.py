"""The maintainers' guide is a worked example that the suite replays: its Turtle loads and
checks, and every command prints what the guide shows."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobframe.cli import main
from jobframe.resources import DEFAULT_CANON_DIR

GUIDE = (Path(__file__).resolve().parents[2] / "docs" / "maintainers.md").read_text("utf-8")
TURTLE = re.findall(r"```turtle (\S+)\n(.*?)```", GUIDE, re.DOTALL)
CONSOLE = re.findall(r"```console\n\$ (.*?)\n(.*?)```", GUIDE, re.DOTALL)


@pytest.fixture
def guide_canon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped canon copied to my-canon/, with every Turtle block of the guide written in."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DEFAULT_CANON_DIR, tmp_path / "my-canon")
    for name, text in TURTLE:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "my-canon"


def test_guide_adds_a_dimension_a_level_and_a_family() -> None:
    assert [Path(name).name for name, _ in TURTLE] == [
        "dimension-influence.ttl",
        "level-M6.ttl",
        "clinical-data-management-M6.ttl",
    ]
    assert len(CONSOLE) == 3


@pytest.mark.parametrize("command,shown", CONSOLE, ids=[c for c, _ in CONSOLE])
def test_guide_command_prints_what_the_guide_shows(
    guide_canon: Path, command: str, shown: str
) -> None:
    args = shlex.split(command)
    assert args[0] == ".venv/bin/jobframe", "commands run as written in a fresh shell"
    result = CliRunner().invoke(main, args[1:])
    assert result.exit_code == 0, result.output
    if args[1] == "check":  # the guide shows the findings, not the path-dependent summary
        lines = result.output.splitlines()
        assert shown.splitlines() == lines[: len(shown.splitlines())]
    else:
        assert result.output == shown
