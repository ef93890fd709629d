"""The documentation site builds with `mkdocs build --strict` (a broken link or an
undocumented public name fails it), and the closed sets and settings are all documented."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jobframe.api import ErrorCode
from jobframe.cli import main
from jobframe.findings import FindingKind
from jobframe.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as CI builds it."""
    out = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return out


def _page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text("utf-8")


def test_every_error_code_is_documented_for_clients() -> None:
    page = (DOCS / "front-end.md").read_text("utf-8")
    for code in ErrorCode:
        assert f"| `{code.value}` |" in page, f"{code.value} is not in docs/front-end.md"


def test_every_finding_kind_is_documented_for_maintainers() -> None:
    page = (DOCS / "maintainers.md").read_text("utf-8")
    for kind in FindingKind:
        assert f"| `{kind.value}` |" in page, f"{kind.value} is not in docs/maintainers.md"


def test_every_setting_is_on_the_settings_page(site: Path) -> None:
    page = _page(site, "settings")
    for setting in SETTINGS:
        assert setting.env in page
        if setting.flag:
            assert setting.flag in page


def test_every_command_and_option_is_in_the_cli_reference(site: Path) -> None:
    page = _page(site, "cli")
    for name, command in main.commands.items():  # type: ignore[attr-defined]
        assert f"jobframe {name}" in page
        for option in command.params:
            for flag in option.opts:
                if flag.startswith("--"):
                    assert flag in page, f"{flag} of {name}"


def test_the_python_api_reference_lists_every_public_name(site: Path) -> None:
    import jobframe

    page = _page(site, "python-api")
    for name in jobframe.__all__:
        if name != "__version__":
            assert f'id="jobframe.{name}"' in page, name


def test_the_python_api_page_examples_run() -> None:
    result = doctest.testfile(
        str(DOCS / "python-api.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert result.attempted >= 8 and result.failed == 0


SHELL = re.compile(r"```(?:sh|console)\n(.*?)```", re.DOTALL)


def test_commands_in_the_docs_work_in_a_fresh_shell() -> None:
    """Nothing assumes an activated virtual environment: its programs are named by path."""
    for page in [ROOT / "README.md", *DOCS.glob("*.md")]:
        for block in SHELL.findall(page.read_text("utf-8")):
            for line in block.splitlines():
                command = line.removeprefix("$ ")
                for program in ("jobframe", "mkdocs", "pytest", "mutmut", "pip"):
                    for found in re.finditer(rf"(^|&& |; )(\S*){program}\b", command):
                        assert found.group(2).startswith(".venv/bin/") or found.group(2).endswith(
                            "-m "
                        ), f"{page.name}: `{command}` needs .venv/bin/{program}"
