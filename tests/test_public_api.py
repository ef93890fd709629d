"""The Python API: `import jobframe` gives a small, typed, documented surface whose examples
run, and an installed wheel holds `jobframe` (with py.typed and its data), not `service`."""

from __future__ import annotations

import ast
import doctest
import inspect
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import jobframe
from tests import package
from tests.conftest import ARCHITECTURE, ROOT, dimensions, role_level, write_canon


def test_the_examples_in_the_package_docstring_run() -> None:
    result = doctest.testmod(jobframe, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


def _names_the_examples_use(text: str) -> set[str]:
    """`jobframe.NAME` in the examples' code, and the package's classes the examples show
    (`type(node).__name__` in an answer) or the prose names in backticks."""
    classes = {c.__name__ for c in package.classes()}
    used = {name for name in re.findall(r"`(\w+)`", text) if name in classes}
    for example in doctest.DocTestParser().get_examples(text):
        used |= set(re.findall(r"\b[A-Z]\w*", example.source + example.want)) & classes
        for node in ast.walk(ast.parse(example.source)):
            if isinstance(node, ast.Attribute) and ast.unparse(node.value) == "jobframe":
                used.add(node.attr)
    return used


@pytest.mark.parametrize(
    "page",
    ["the package docstring", *sorted((ROOT / "docs").glob("python-api*.md"))],
    ids=str,
)
def test_every_name_the_api_docs_use_is_public(page: str | Path) -> None:
    text = page.read_text("utf-8") if isinstance(page, Path) else jobframe.__doc__ or ""
    used = _names_the_examples_use(text)
    assert len(used) >= 5
    assert used <= set(jobframe.__all__), sorted(used - set(jobframe.__all__))


def test_everything_public_is_named_documented_and_typed() -> None:
    for name in jobframe.__all__:
        value = getattr(jobframe, name)
        if inspect.isfunction(value):
            assert value.__doc__, f"jobframe.{name} has no docstring"
            hints = inspect.get_annotations(value)
            assert "return" in hints, f"jobframe.{name} has no return type"
        elif inspect.isclass(value):
            assert value.__doc__, f"jobframe.{name} has no docstring"
    assert "py.typed" in os.listdir(Path(jobframe.__file__).parent)


def test_load_reads_a_folder_a_path_string_or_a_list_of_files(tmp_path: Path) -> None:
    folder = write_canon(tmp_path / "canon", ARCHITECTURE, dimensions("Scope"), role_level(2))
    files = sorted(folder.glob("*.ttl"))
    by_folder = jobframe.load(folder)
    assert jobframe.load(str(folder)).version == by_folder.version
    assert jobframe.load(files).version == by_folder.version
    assert jobframe.load(f for f in map(str, files)).version == by_folder.version
    role = by_folder.role_level("Field Operations", "P3")
    assert jobframe.frame(role, "okr").kind is jobframe.FrameKind.OKR
    assert jobframe.page(role).frames[0].text == jobframe.frame(role, "smart").text


def test_a_wrong_path_raises_with_the_finding(tmp_path: Path) -> None:
    with pytest.raises(jobframe.CanonError) as raised:
        jobframe.load(tmp_path / "no-such-canon")
    [finding] = raised.value.findings
    assert finding.kind is jobframe.FindingKind.MISSING
    assert finding.location.file == str(tmp_path / "no-such-canon")


def test_a_missing_file_in_a_list_is_named(tmp_path: Path) -> None:
    folder = write_canon(tmp_path / "canon", ARCHITECTURE)
    report = jobframe.check([folder / "part0.ttl", folder / "typo.ttl"])
    assert [(f.kind, f.location.file) for f in report.errors] == [
        (jobframe.FindingKind.MISSING, str(folder / "typo.ttl"))
    ]


def test_an_unknown_frame_kind_says_which_kinds_exist() -> None:
    role = jobframe.load().role_level("Clinical Trials Operations", "M5")
    with pytest.raises(ValueError, match="'goals' is not a valid FrameKind"):
        jobframe.frame(role, "goals")


@pytest.mark.slow
def test_an_installed_wheel_is_jobframe_with_its_data_and_not_service(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    [wheel] = tmp_path.glob("jobframe-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "jobframe/py.typed" in names
    assert "jobframe/bundled/ontology/shapes.ttl" in names
    assert "jobframe/web/viewer/viewer.js" in names
    assert not [n for n in names if n.startswith("service/")]
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "-t", str(target), str(wheel)],
        check=True,
    )
    probe = (
        "import importlib.util, jobframe;"
        "print(jobframe.__file__);"
        "print(importlib.util.find_spec('service'));"
        "print(jobframe.load().role_level('Clinical Trials Operations', 'M5').label)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0].startswith(str(target / "jobframe"))
    assert out[1] == "None"
    assert out[2] == "Clinical Trials Operations — M5"
