"""The checker of the first load is kept for reloads, which re-check only what changed and
serve what a full check gives; a canon over the kept bound is checked whole, keeping nothing."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from jobframe.checks import Checker, check_canon
from jobframe.loading import CanonHolder, Served, first_load
from jobframe.loading.snapshots import checked
from tests.checks.corpus import BASE


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
    full = check_canon(folder)
    assert attempt.succeeded and full.canon is not None
    assert holder.current.canon.version == full.canon.version
    assert holder.current.report.findings == full.findings

    _edit(folder, '"Leads field visits" .', '"Leads field visits"')  # a syntax error
    refused = asyncio.run(holder.reload("test"))
    assert not refused.succeeded
    assert refused.errors == check_canon(folder).errors
    assert holder.current.canon.version == full.canon.version, "the last good canon stays"

    _edit(folder, '"Leads field visits"', '"Leads field visits" .')
    fixed = asyncio.run(holder.reload("test"))
    assert fixed.succeeded and fixed.version == full.canon.version


def test_a_canon_over_the_kept_bound_is_checked_whole_and_nothing_is_kept(
    folder: Path,
) -> None:
    checker = Checker()
    checked(folder, checker=checker)
    checker.kept_bytes = 0  # the `reload_state_mb` setting at 0
    _edit(folder, "Runs field visits", "Leads field visits")
    report = checked(folder, checker=checker)
    assert report.canon is not None
    assert report.findings == check_canon(folder).findings
    assert checker._kept is None
