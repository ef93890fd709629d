"""The README's contracts: two set-up commands that CI runs, links into the documentation that
resolve, and examples (there and in the documentation) that answer as shown."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

from jobframe.api import Context, default_schema
from jobframe.loading import Served

schema = default_schema()

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")
COMMANDS = re.findall(r"```sh\n((?:apt-get|python3 -m venv) .*?)\n```", README)
EXAMPLE = re.compile(r"```graphql\n(.*?)```\n\n```json\n(.*?)```", re.DOTALL)
PAGES = [ROOT / "README.md", ROOT / "docs" / "front-end.md"]
EXAMPLES = [
    (page.name, query, answer)
    for page in PAGES
    for query, answer in EXAMPLE.findall(page.read_text("utf-8"))
]


def test_readme_has_two_setup_commands_and_the_docs_repeat_them() -> None:
    assert len(COMMANDS) == 2
    assert "jobframe serve" in COMMANDS[0]
    assert "pytest" in COMMANDS[1]
    index = (ROOT / "docs" / "index.md").read_text("utf-8")
    assert all(f"```sh\n{command}\n```" in index for command in COMMANDS)


def test_ci_runs_the_readme_test_command_and_fails_when_it_fails() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert f"{COMMANDS[1]} || exit 1" in ci.splitlines()


def test_readme_links_resolve() -> None:
    links = re.findall(r"\]\(((?!https?:)[^)#]+)", README)
    assert len(links) >= 10
    for link in links:
        assert (ROOT / link).exists(), f"README links to {link}, which does not exist"


def test_readme_python_example_runs() -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README.md", str(ROOT / "README.md"), 0)
    assert test.examples
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.failures == 0


@pytest.mark.parametrize(
    "page,query,answer", EXAMPLES, ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(EXAMPLES)]
)
def test_example_answers_as_shown(served: Served, page: str, query: str, answer: str) -> None:
    result = schema.execute_sync(query, context_value=Context(served))
    got: dict[str, object] = {"data": result.data}
    if result.errors:
        got["errors"] = [e.formatted for e in result.errors]
    assert got == json.loads(answer)


def test_every_page_has_examples() -> None:
    assert {page for page, _, _ in EXAMPLES} == {"README.md", "front-end.md"}
    assert len(EXAMPLES) >= 4


def test_front_end_page_names_files_that_exist() -> None:
    page = (ROOT / "docs" / "front-end.md").read_text("utf-8")
    named = re.findall(
        r"`((?:clients|service|tests)/[\w./-]*|queries/\*\.graphql|src/\w+\.ts)`", page
    )
    assert len(named) >= 5
    for path in named:
        found = list(ROOT.glob(path)) + list((ROOT / "clients" / "typescript").glob(path))
        assert found, f"docs/front-end.md names {path}, which does not exist"
