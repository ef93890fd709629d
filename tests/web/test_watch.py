"""`--watch`: nothing in the canon folder stops the watcher. Each odd file is a refused
reload naming it, and a good edit afterwards is still picked up."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import watchfiles

from jobframe.findings import printable
from jobframe.loading import CanonHolder, ReloadAttempt
from jobframe.loading import watcher as watch
from tests.checks.corpus import BASE
from tests.conftest import serve_folder
from tests.web.conftest import client_of

FRAME = '{ roleLevel(family: "Field Operations", level: "P3") { frame(kind: SMART) { text } } }'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BASE, tmp_path / "canon"))


@pytest.fixture
def holder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> CanonHolder:
    monkeypatch.setattr(watch, "RESTART_PAUSE", 0.2)
    monkeypatch.setattr(watch, "MAX_RESTART_PAUSE", 0.5)
    return CanonHolder(folder, serve_folder(folder))


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "role.ttl"
    path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")


def eventually(condition: Callable[[], bool], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def link_loop(folder: Path) -> tuple[str, ...]:
    (folder / "a.ttl").symlink_to("b.ttl")
    (folder / "b.ttl").symlink_to("a.ttl")
    return ("a.ttl", "b.ttl")


def dangling_link(folder: Path) -> tuple[str, ...]:
    (folder / "gone.ttl").symlink_to("nowhere.ttl")
    return ("gone.ttl",)


def fifo(folder: Path) -> tuple[str, ...]:
    os.mkfifo(folder / "pipe.ttl")
    return ("pipe.ttl",)


def name_not_utf8(folder: Path) -> tuple[str, ...]:
    """watchfiles raises on such a name (it cannot decode it), ending its watch."""
    with open(os.path.join(os.fsencode(folder), b"bad\xff.ttl"), "wb") as file:
        file.write(b"<a> <b> .")
    return ("bad\ufffd.ttl",)


def deep_nesting(folder: Path) -> tuple[str, ...]:
    (folder / "nest.ttl").write_text("<urn:a> <urn:b> " + "[ <urn:b> " * 1000 + "]" * 1000 + " .")
    return ("nest.ttl",)


ODD_FILES = (link_loop, dangling_link, fifo, name_not_utf8, deep_nesting)


def refused_naming(holder: CanonHolder, names: tuple[str, ...]) -> bool:
    last = holder.current.last_reload
    files = {Path(printable(f.location.file or "")).name for f in last.errors}
    return last.trigger == "watch" and not last.succeeded and set(names) <= files


def test_odd_files_are_refused_reloads_and_the_watcher_keeps_watching(
    folder: Path, holder: CanonHolder, caplog: pytest.LogCaptureFixture
) -> None:
    first_version = holder.current.canon.version
    canon_files = set(os.listdir(os.fsencode(folder)))
    with caplog.at_level(logging.INFO), client_of(holder, watch=True, sync_interval=0) as client:
        time.sleep(0.5)  # let the watcher start
        for make in ODD_FILES:
            names = make(folder)
            assert eventually(lambda: refused_naming(holder, names)), make.__name__  # noqa: B023
            assert holder.current.canon.version == first_version
            refusals = [r.getMessage() for r in caplog.records if r.name == "jobframe.reload"]
            assert any("reload (watch) refused" in m and names[0] in m for m in refusals)

        for name in set(os.listdir(os.fsencode(folder))) - canon_files:
            os.unlink(os.path.join(os.fsencode(folder), name))
        edit(folder, '"Trains site staff"', '"Trains site staff weekly"')
        assert eventually(lambda: holder.current.canon.version != first_version)
        text = client.post("/graphql", json={"query": FRAME}).json()
        assert "Trains site staff weekly" in text["data"]["roleLevel"]["frame"]["text"]
    watched = [r for r in caplog.records if r.name == "jobframe.watch"]
    assert any("watching" in r.getMessage() and "failed" in r.getMessage() for r in watched)
    assert "stopped watching" in watched[-1].getMessage()
    assert "the service is stopping" in watched[-1].getMessage()


def test_a_reload_that_raises_is_logged_and_the_watcher_keeps_watching(
    folder: Path,
    holder: CanonHolder,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_reload = holder.reload
    calls: list[str] = []

    async def raises_once(trigger: str) -> ReloadAttempt:
        calls.append(trigger)
        if len(calls) == 1:
            raise RuntimeError("an unexpected fault")
        return await real_reload(trigger)

    monkeypatch.setattr(holder, "reload", raises_once)
    first_version = holder.current.canon.version
    with caplog.at_level(logging.INFO), client_of(holder, watch=True, sync_interval=0):
        time.sleep(0.5)
        edit(folder, '"Trains site staff"', '"Trains site staff daily"')
        assert eventually(lambda: len(calls) >= 1)
        time.sleep(0.5)
        edit(folder, '"Trains site staff daily"', '"Trains site staff weekly"')
        assert eventually(lambda: holder.current.canon.version != first_version)
    [failed] = [r for r in caplog.records if "reload (watch) failed" in r.getMessage()]
    assert failed.name == "jobframe.watch" and failed.exc_info is not None
    assert "an unexpected fault" in caplog.text


def test_watching_that_fails_is_logged_and_started_again(
    folder: Path,
    holder: CanonHolder,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As when the notify backend fails (a directory loop, a permission error): after a
    pause the canon is reloaded, since changes may have been missed, and watched again."""
    real_awatch = watchfiles.awatch
    starts: list[int] = []

    def fails_first(*paths: Path, **options: Any) -> AsyncIterator[set[tuple[Any, str]]]:
        starts.append(len(starts))
        if len(starts) == 1:
            raise PermissionError("the notify backend refused")
        return real_awatch(*paths, **options)

    monkeypatch.setattr(watch, "awatch", fails_first)
    first_version = holder.current.canon.version
    with caplog.at_level(logging.INFO), client_of(holder, watch=True, sync_interval=0):
        assert eventually(lambda: len(starts) >= 2)
        time.sleep(0.5)
        edit(folder, '"Trains site staff"', '"Trains site staff weekly"')
        assert eventually(lambda: holder.current.canon.version != first_version)
    [failed] = [r for r in caplog.records if "failed; watching again" in r.getMessage()]
    assert failed.name == "jobframe.watch" and failed.exc_info is not None


def test_a_folder_watchfiles_cannot_watch_at_all_is_still_reloaded(
    folder: Path, holder: CanonHolder
) -> None:
    """A directory whose name is not UTF-8 makes every watch fail as it starts: the reload
    after each failure still picks up edits."""
    os.mkdir(os.path.join(os.fsencode(folder), b"bad\xffdir"))
    first_version = holder.current.canon.version
    with client_of(holder, watch=True, sync_interval=0):
        time.sleep(0.5)
        edit(folder, '"Trains site staff"', '"Trains site staff weekly"')
        assert eventually(lambda: holder.current.canon.version != first_version)


def test_a_canon_folder_replaced_by_a_rename_is_followed_at_its_path(
    folder: Path, holder: CanonHolder, tmp_path: Path
) -> None:
    """Issue 20, finding 15: the watcher followed the old folder's inode after `mv`, serving
    "edit 1" while the disk held "edit 3"."""

    def replace_folder(text: str) -> None:
        staged = Path(shutil.copytree(BASE, tmp_path / "staged"))
        edit(staged, '"Trains site staff"', f'"Trains site staff, {text}"')
        folder.rename(tmp_path / f"old-{text}")
        staged.rename(folder)

    def serving(text: str) -> bool:
        lines = [r.text for r in holder.current.canon.role_levels[0].responsibilities]
        return any(f"Trains site staff, {text}" in line for line in lines)

    with client_of(holder, watch=True, sync_interval=0):
        time.sleep(0.5)  # let the watcher start
        for text in ("edit 1", "edit 2", "edit 3"):
            replace_folder(text)
            assert eventually(lambda: serving(text)), text  # noqa: B023


def test_a_folder_emptied_of_its_role_levels_is_a_refused_reload_and_a_refill_is_served(
    folder: Path, holder: CanonHolder
) -> None:
    """Issue 20, finding 3, through the watch trigger: an emptied canon was served."""
    served = holder.current.canon
    role = (folder / "role.ttl").read_bytes()
    with client_of(holder, watch=True, sync_interval=0) as client:
        time.sleep(0.5)  # let the watcher start
        (folder / "role.ttl").write_bytes(b"")
        assert eventually(lambda: not holder.current.last_reload.succeeded)
        assert [f.kind.value for f in holder.current.last_reload.errors] == ["lost"]
        assert holder.current.canon is served
        assert client.get("/healthz").json()["roleLevels"] == len(served.role_levels) > 0
        (folder / "role.ttl").write_bytes(role)
        assert eventually(lambda: holder.current.last_reload.succeeded)
        assert holder.current.canon.version == served.version
