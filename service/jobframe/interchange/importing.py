"""Importing a workbook into a canon folder: all or nothing.

The Turtle is written to a new folder beside the output folder and checked there as
`jobframe check` checks a canon; only a canon that passes replaces the output folder, by
renaming (the old folder is renamed aside first and removed only once the new one is in
place). A workbook with problems, a canon that fails its check or a failure on the way
leaves the output folder as it was, and nothing new beside it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from ..checks import check_canon
from ..errors import JobFrameError
from ..findings import Finding
from ..frames import CanonReport, completed
from ..inputs import CANON_FILE, InputRefused, opened, read_chunks
from .building import Built
from .canon_files import build, render
from .layout import Tables
from .turtle_writer import MARK


class OutputRefused(JobFrameError, FileExistsError):
    """The output folder holds files that an import must not replace."""


def import_canon(tables: Tables, out: Path, force: bool = False) -> CanonReport:
    """Write the workbook's canon to the folder `out` when it passes its check.

    Raises `WorkbookError` (with every problem, each naming its cell) when the workbook
    cannot become a canon, and `OutputRefused` when `out` holds other files than an earlier
    import wrote there (with `force`, any folder of only Turtle files may be replaced). Else
    returns the check's report, its findings located at their workbook rows; `out` is
    replaced only when the report passes.
    """
    built = build(tables)
    files = render(built)
    _may_replace(out, force)
    created = _missing_parents(out)
    for folder in reversed(created):
        folder.mkdir()
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".import", dir=out.parent))
    replaced = False
    try:
        for name, text in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        report = completed(check_canon(staging))
        report = replace(
            report,
            source=str(out),
            findings=tuple(_located(f, built, staging, out) for f in report.findings),
        )
        if report.passes():
            _swap(staging, out)
            replaced = True
        return report
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not replaced:
            for folder in created:
                folder.rmdir()


def _may_replace(out: Path, force: bool) -> None:
    """Refuse an output that is a file, or a folder holding what an import did not write."""
    if out.exists() and not out.is_dir():
        raise OutputRefused(f"{out} is a file, not a folder")
    if not out.exists():
        return
    for path in sorted(out.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        turtle = path.suffix == ".ttl" and path.is_file() and not path.is_symlink()
        if not turtle or not (force or _written_by_import(path, out)):
            allowed = "Turtle files" if force else "files an import wrote"
            raise OutputRefused(
                f"{out} holds {path.relative_to(out)}, which is not one of the {allowed}: "
                + (
                    "choose another folder"
                    if force
                    else "choose another folder, or pass --force to replace a canon folder"
                )
            )


def _written_by_import(path: Path, inside: Path) -> bool:
    """Whether the file opens with the mark an import writes (opened once, on its
    descriptor, through the bounded reader; only its first lines are read)."""
    try:
        with opened(path, CANON_FILE, inside) as file:
            head = next(read_chunks(file.read, CANON_FILE), b"")
    except (InputRefused, OSError):
        return False
    return MARK.encode("utf-8") in head.split(b"\n")[:3]


def _missing_parents(out: Path) -> list[Path]:
    """The folders above `out` that do not exist yet, nearest first."""
    missing = []
    parent = out.absolute().parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    return missing


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out`; keep the old folder until the new one is in place."""
    if not out.exists():
        os.rename(staging, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    os.rmdir(old)
    os.rename(out, old)
    try:
        os.rename(staging, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _located(finding: Finding, built: Built, staging: Path, out: Path) -> Finding:
    """A check finding where its node was read from (a workbook row, a CSV line, an O*NET
    file's line), else in the Turtle file it will have in `out`."""
    place = finding.location
    origin = built.origins.get(place.node or "")
    if origin is not None and origin.location.file is not None:
        return replace(finding, location=origin.location)
    if place.file is not None and Path(place.file).is_relative_to(staging):
        file = str(out / Path(place.file).relative_to(staging))
        return replace(finding, location=replace(place, file=file))
    return finding
