"""The checker of the first load is kept for reloads, which re-check only what changed and
serve what a full check gives, completeness included; a canon over the kept bound is checked
whole, keeping nothing."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from jobframe.loading import CanonChecker, CanonHolder, Served, first_load, full_check
from jobframe.loading.snapshots import checked
from tests.checks.corpus import BASE
from tests.checks.test_checker import EDITS, assert_same


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JOBFRAME_CACHE_DIR", "off")
    return Path(shutil.copytree(BASE, tmp_path / "canon"))


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / "role.ttl"
    path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")


def test_reloads_use_the_checker_of_the_first_load_and_serve_a_full_checks_canon(
    folder: Path,
) -> None:
    served = first_load(folder)
    assert isinstance(served, Served) and served.checker is not None
    holder = CanonHolder(folder, served)
    assert holder.checker is served.checker

    _edit(folder, "Runs field visits", "Leads field visits")
    attempt = asyncio.run(holder.reload("test"))
    full = full_check(folder)
    assert attempt.succeeded and full.canon is not None
    assert holder.current.canon.version == full.canon.version
    assert holder.current.report.findings == full.findings

    _edit(folder, '"Leads field visits" .', '"Leads field visits"')  # a syntax error
    refused = asyncio.run(holder.reload("test"))
    assert not refused.succeeded
    assert refused.errors == full_check(folder).errors
    assert holder.current.canon.version == full.canon.version, "the last good canon stays"

    _edit(folder, '"Leads field visits"', '"Leads field visits" .')
    fixed = asyncio.run(holder.reload("test"))
    assert fixed.succeeded and fixed.version == full.canon.version


def test_a_canon_over_the_kept_bound_is_checked_whole_and_nothing_is_kept(
    folder: Path,
) -> None:
    checker = CanonChecker()
    checked(folder, checker=checker)
    checker.checker.kept_bytes = 0  # the `reload_state_mb` setting at 0
    _edit(folder, "Runs field visits", "Leads field visits")
    report = checked(folder, checker=checker)
    assert report.canon is not None
    assert report.findings == full_check(folder).findings
    assert checker.checker._kept is None


def test_completed_checks_follow_every_edit_and_its_undoing_as_a_full_check(folder: Path) -> None:
    """Rows of role-levels that compile unchanged are reused, and equal a full check's."""
    checker = CanonChecker()
    for edit in EDITS.values():
        edit(folder)
        again, full = checker.check(folder), full_check(folder)
        assert_same(again, full)
        assert again.completeness == full.completeness
        shutil.rmtree(folder)
        shutil.copytree(BASE, folder)
        assert checker.check(folder).completeness == full_check(folder).completeness


def test_nothing_changed_gives_the_same_completed_report(folder: Path) -> None:
    checker = CanonChecker()
    first = checker.check(folder)
    assert first.completeness
    assert checker.check(folder) is first
