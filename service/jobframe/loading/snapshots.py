"""Compiled-canon snapshots on disk, keyed by the content they were built from.

Checking and compiling a large canon takes most of a cold start. The result is a pure
function of the canon files, the vocabulary, the shapes and this code, so a
snapshot keyed by a digest of all of them restores exactly the same checked canon. Only
canons without errors are stored; any unreadable snapshot is ignored and rebuilt.
The cache folder is `$JOBFRAME_CACHE_DIR`, else `~/.cache/jobframe`; set
`JOBFRAME_CACHE_DIR=off` to never use one. Snapshots are pickles: keep that folder writable
only by the user running the service.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import cache
from multiprocessing import get_context
from pathlib import Path

from ..findings import CanonError
from ..frames import CanonReport
from ..resources import PACKAGE_DIR, SHAPES_FILE, VOCABULARY_FILE
from ..settings import cache_dir
from ..sources import CanonSource, TurtleFiles, content_digest, read_file, turtle_files
from .checking import CanonChecker, full_check

log = logging.getLogger("jobframe.snapshots")


def code_files() -> list[Path]:
    """Every module of the whole package, not only this folder's: an edit to the frame
    rules or the checks invalidates snapshots as surely as one to the compiler."""
    return sorted(PACKAGE_DIR.rglob("*.py"))


@cache
def _code_digest() -> bytes:
    """All of the package's code: a snapshot from other code is never restored."""
    digest = hashlib.sha256()
    for path in code_files():
        digest.update(os.fsencode(path.relative_to(PACKAGE_DIR)) + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def _key(content: str) -> str:
    """The snapshot key of a canon whose files' content digest is `content`."""
    digest = hashlib.sha256(_code_digest())
    digest.update(hashlib.sha256(SHAPES_FILE.read_bytes()).digest())
    digest.update(content.encode())
    return digest.hexdigest()


def snapshot_key(folder: Path) -> str:
    """The key of the canon the folder holds now, to look a snapshot up.

    Digests the same files a check reads, in the same way (`sources.content_digest`); a file
    that is not a regular, readable file gets a key no stored snapshot has (its check fails,
    and a canon with errors is never stored).
    """
    files: list[tuple[Path, bytes]] = []
    for path in (VOCABULARY_FILE, *turtle_files(folder)):
        data, _ = read_file(path)
        if data is None:
            return "unreadable-" + hashlib.sha256(os.fsencode(path)).hexdigest()
        files.append((path, data))
    return _key(content_digest(files))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building a canon allocates millions of objects and makes no garbage cycles, while the
    cyclic collector keeps passing over the growing heap: 12% of a check at 10,000
    role-levels, and more than half of restoring its snapshot (0.55 s, 0.25 s paused).
    Reference counting frees all the same; `release_memory` collects once afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def checked(
    source: CanonSource, *, snapshot: bool = True, checker: CanonChecker | None = None
) -> CanonReport:
    """The check report of a canon, from a snapshot when one matches its content (see
    `_checked`), with the cyclic garbage collector paused while it is built."""
    with _collector_paused():
        return _checked(source, snapshot, checker)


def _checked(source: CanonSource, snapshot: bool, checker: CanonChecker | None) -> CanonReport:
    """The check report of a canon, from a snapshot when one matches its content.

    `snapshot=False` neither restores nor stores one: for a temporary folder, whose
    snapshot (keyed by its path) would never be used again. With a `checker`, a canon that
    is not restored is checked by it in this process, so that the next check re-checks only
    what changed (`CanonChecker`); one with more Turtle than the checker keeps
    (`CanonChecker.kept_bytes`) is not.
    """
    folder = cache_dir() if snapshot else None
    if folder is None or not isinstance(source, Path) or not source.is_dir():
        return _checked_by(source, checker)
    try:
        path = folder / f"{snapshot_key(source)}.pickle"
    except CanonError:  # the check reports why the files cannot be read
        return full_check(source)
    try:
        with path.open("rb") as file:
            report = pickle.load(file)
        if isinstance(report, CanonReport):
            log.info("restored the checked canon from %s", path)
            return report
    except FileNotFoundError:
        pass
    except Exception as error:  # any damaged snapshot is rebuilt, never trusted
        log.warning("ignoring unreadable snapshot %s: %s", path, error)
    report = _checked_by(source, checker)
    if report.canon is not None and report.content is not None:
        # Stored under what was checked: a file edited during the check gives another key.
        _store(folder, folder / f"{_key(report.content)}.pickle", report)
    return report


APART_BYTES = 8 * 2**20
"""Canons larger than this (in Turtle) are checked in a child process, unless kept."""


def _checked_by(source: CanonSource, checker: CanonChecker | None) -> CanonReport:
    """Check a canon with the checker when one is given and the canon may be kept."""
    if checker is None:
        return _check(source)
    if _size(source) <= checker.kept_bytes:
        return checker.check(source)
    checker.forget()
    return _check(source)


def _check(source: CanonSource) -> CanonReport:
    """Check a canon; a large canon folder is checked in a child process.

    Checking needs the whole RDF store and an index of it, several times the memory of the
    compiled canon; in a child process that memory is returned to the system when it exits
    instead of staying fragmented in the serving process, with or without snapshots.
    """
    if not isinstance(source, Path) or _size(source) <= APART_BYTES:
        return full_check(source)
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(full_check, source).result()


def _size(source: CanonSource) -> int:
    """The bytes of Turtle of a folder or list of files; 0 when unknown (the check says why)."""
    if not isinstance(source, Path | TurtleFiles):
        return 0
    try:
        return sum(p.stat().st_size for p in turtle_files(source) if p.is_file())
    except (CanonError, OSError):
        return 0


def _store(folder: Path, path: Path, report: CanonReport) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as file:
            pickle.dump(report, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
    except OSError as error:
        log.warning("could not store a snapshot in %s: %s", folder, error)
