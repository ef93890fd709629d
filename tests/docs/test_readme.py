"""The README's contracts: its examples answer as shown, and CI runs its test command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jobframe.api.context import Context
from jobframe.api.schema import schema
from jobframe.cli import main
from jobframe.loading import Served

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")
EXAMPLES = re.findall(r"```graphql\n(.*?)```\n\n```json\n(.*?)```", README, re.DOTALL)
COMMANDS = re.findall(r"```sh\n((?:apt-get|python3 -m venv) .*?)\n```", README)


def test_readme_has_examples_and_two_setup_commands() -> None:
    assert len(EXAMPLES) >= 3
    assert len(COMMANDS) == 2
    assert "jobframe serve" in COMMANDS[0]
    assert "pytest" in COMMANDS[1]


@pytest.mark.parametrize(
    "query,answer", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))]
)
def test_readme_example_answers_as_shown(served: Served, query: str, answer: str) -> None:
    result = schema.execute_sync(query, context_value=Context(served))
    got: dict[str, object] = {"data": result.data}
    if result.errors:
        got["errors"] = [e.formatted for e in result.errors]
    assert got == json.loads(answer)


def test_ci_runs_the_readme_test_command_and_fails_when_it_fails() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert f"{COMMANDS[1]} || exit 1" in ci.splitlines()


def test_every_command_is_documented() -> None:
    for name in main.list_commands(None):  # type: ignore[arg-type]
        assert f"jobframe {name}" in README


def test_front_end_section_names_files_that_exist() -> None:
    section = README.split("## For front-end teams", 1)[1].split("\n## ", 1)[0]
    named = re.findall(
        r"`((?:clients|service|tests)/[\w./-]*|queries/\*\.graphql|src/\w+\.ts)`", section
    )
    assert len(named) >= 5
    for path in named:
        found = list(ROOT.glob(path)) + list((ROOT / "clients" / "typescript").glob(path))
        assert found, f"README names {path}, which does not exist"
