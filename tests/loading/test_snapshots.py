"""A snapshot restores exactly the checked canon it was made from, and only that one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jobframe.checks import CheckReport, check_canon
from jobframe.frames.model import FrameKind
from jobframe.frames.rules import build_frame
from jobframe.loading import snapshots
from jobframe.loading.snapshots import checked, code_files, snapshot_key
from jobframe.resources import PACKAGE_DIR
from jobframe.sources import CanonSource
from tests.checks.corpus import BASE


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JOBFRAME_CACHE_DIR", str(tmp_path / "cache"))
    return Path(shutil.copytree(BASE, tmp_path / "canon"))


def test_restored_canon_is_identical_to_a_fresh_check(folder: Path, tmp_path: Path) -> None:
    first = checked(folder)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    restored = checked(folder)
    fresh = check_canon(folder)
    assert restored is not first
    assert restored.canon is not None and fresh.canon is not None
    assert restored.canon.version == fresh.canon.version
    assert restored.findings == fresh.findings
    for kind in FrameKind:
        assert (build_frame(restored.canon.role_levels[0], kind)).text == (
            build_frame(fresh.canon.role_levels[0], kind)
        ).text
    assert restored.canon.role_level("Field Operations", "P3").label == "Field Operations — P3"


def test_any_edit_changes_the_key(folder: Path) -> None:
    before = snapshot_key(folder)
    path = folder / "role.ttl"
    path.write_text(path.read_text() + "\n# a comment\n", encoding="utf-8")
    assert snapshot_key(folder) != before


def test_a_damaged_snapshot_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    checked(folder)
    [snapshot] = (tmp_path / "cache").glob("*.pickle")
    snapshot.write_bytes(b"not a pickle")
    report = checked(folder)
    assert report.canon is not None
    assert snapshot.read_bytes() != b"not a pickle"


def test_a_canon_with_errors_is_never_stored(folder: Path, tmp_path: Path) -> None:
    (folder / "role.ttl").write_text("not turtle", encoding="utf-8")
    assert checked(folder).canon is None
    assert not list((tmp_path / "cache").glob("*.pickle"))


def test_snapshots_can_be_turned_off(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBFRAME_CACHE_DIR", "off")
    assert checked(folder).canon is not None
    assert not (tmp_path / "cache").exists()


def test_snapshots_are_keyed_by_every_module_of_the_package() -> None:
    hashed = {p.relative_to(PACKAGE_DIR).as_posix() for p in code_files()}
    assert {
        "frames/templates.py",
        "frames/rules.py",
        "checks/shapes.py",
        "canon/compiler.py",
        "sources/turtle.py",
        "loading/snapshots.py",
    } <= hashed
    assert hashed == {p.relative_to(PACKAGE_DIR).as_posix() for p in PACKAGE_DIR.rglob("*.py")}


def test_a_file_edited_during_the_check_never_stores_a_snapshot_under_the_old_bytes(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    role = folder / "role.ttl"
    good = role.read_bytes()
    broken = good.replace(b"jf:order 1", b"jf:order 1 ; ; .")
    role.write_bytes(broken)
    real_check = snapshots._check

    def edited_meanwhile(source: CanonSource) -> CheckReport:
        role.write_bytes(good)  # the maintainer fixes the file while the broken one is keyed
        return real_check(source)

    monkeypatch.setattr(snapshots, "_check", edited_meanwhile)
    assert checked(folder).canon is not None  # the good bytes were checked
    monkeypatch.setattr(snapshots, "_check", real_check)
    role.write_bytes(broken)
    assert checked(folder).canon is None, "the broken bytes restored a snapshot of good ones"


def test_a_fifo_in_the_canon_folder_is_a_finding_not_a_hang(folder: Path) -> None:
    import os

    os.mkfifo(folder / "pipe.ttl")
    report = checked(folder)
    assert report.canon is None
    [finding] = [f for f in report.errors if f.location.file and "pipe.ttl" in f.location.file]
    assert "not a regular file" in finding.message


def test_a_dangling_link_in_the_canon_folder_is_a_finding(folder: Path) -> None:
    (folder / "gone.ttl").symlink_to(folder / "nowhere.ttl")
    report = checked(folder)
    assert report.canon is None
    assert any("gone.ttl" in (f.location.file or "") for f in report.errors)


def test_a_link_loop_is_a_finding_not_a_crash(folder: Path) -> None:
    (folder / "loop.ttl").symlink_to("loop.ttl")
    report = checked(folder)
    assert report.canon is None
    assert any("loop.ttl" in (f.location.file or "") for f in report.errors)


def test_a_linked_folder_pointing_outside_is_refused_like_a_linked_file(
    folder: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "borrowed").symlink_to(elsewhere, target_is_directory=True)
    report = checked(folder)
    assert [(f.kind, Path(f.location.file or "").name) for f in report.errors] == [
        ("outside", "borrowed")
    ]
