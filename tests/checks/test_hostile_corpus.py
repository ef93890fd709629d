"""Every hostile canon file is a finding at its location: never a crash, a hang, or a canon
served. `jobframe check` used to exit 139 (SIGSEGV) on the deep list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobframe.checks import check_canon
from jobframe.findings import printable
from tests.checks.hostile import CASES, make


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_canon_file_is_a_finding_where_it_is(name: str, tmp_path: Path) -> None:
    expected = CASES[name]["expect"]
    report = check_canon(make(name, tmp_path / "canon"))
    assert report.canon is None
    found = [
        (f.kind, printable(Path(f.location.file or "").name), f.location.line, f.message)
        for f in report.errors
    ]
    assert any(
        kind == expected["kind"]
        and file == expected["file"]
        and line == expected["line"]
        and expected["message"] in message
        for kind, file, line, message in found
    ), found


def test_jobframe_check_exits_1_on_the_deep_list_instead_of_crashing(tmp_path: Path) -> None:
    folder = make("deep list", tmp_path / "canon")
    result = subprocess.run(
        [sys.executable, "-m", "jobframe.cli", "check", "--canon", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "deep.ttl:2" in result.stdout + result.stderr
