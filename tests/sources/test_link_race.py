"""A canon file is checked where it was opened: a link swapped to a file outside the folder
while the canon is read is refused, never served (issue 20, finding 4: 881 of 1,789 racing
reloads served a file outside the canon folder when the link was checked, then reopened)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from jobframe.findings import CanonError, FindingKind
from jobframe.sources import read_turtle, turtle_files
from jobframe.sources.graphs import FileGraphs

SECRET = ox.NamedNode("urn:secret:outside")
INSIDE = b"<urn:a> <urn:b> <urn:inside> .\n"
OUTSIDE = b"<urn:a> <urn:b> <urn:secret:outside> .\n"
LOADS, SECONDS = 3_000, 20.0


def _swapper(link: Path, targets: tuple[Path, Path], stop: threading.Event) -> None:
    """Points the link inside, then outside, as fast as it can (each swap atomic)."""
    spare = link.with_name(".swap.ttl.tmp")
    while not stop.is_set():
        for target in targets:
            os.symlink(target, spare)
            os.replace(spare, link)


def _race(tmp_path: Path, kept: bool = False) -> tuple[int, int, int]:
    folder = tmp_path / "canon"
    folder.mkdir()
    (folder / "inside.ttl").write_bytes(INSIDE)
    outside = tmp_path / "outside.ttl"
    outside.write_bytes(OUTSIDE)
    link = folder / "swap.ttl"
    link.symlink_to(folder / "inside.ttl")
    stop = threading.Event()
    swapper = threading.Thread(
        target=_swapper, args=(link, (folder / "inside.ttl", outside), stop), daemon=True
    )
    leaked = refused = loads = 0
    graphs = FileGraphs() if kept else None
    swapper.start()
    deadline = time.monotonic() + SECONDS
    try:
        while loads < LOADS and time.monotonic() < deadline:
            loads += 1
            try:
                files = turtle_files(folder)
            except CanonError:
                refused += 1  # the walk saw the link outside: refused, as it must be
                continue
            if graphs is None:
                reading = read_turtle(files)
                store, findings = reading.store, reading.findings
            else:
                graphs.read(files)
                store, findings = graphs.store, graphs.findings
            if any(t.object == SECRET for t in store.quads_for_pattern(None, None, SECRET)):
                leaked += 1
            elif any(f.kind is FindingKind.OUTSIDE for f in findings):
                refused += 1
    finally:
        stop.set()
        swapper.join()
    return loads, refused, leaked


def test_a_link_swapped_outside_while_the_canon_is_read_is_never_served(tmp_path: Path) -> None:
    loads, refused, leaked = _race(tmp_path)
    assert loads > 100
    assert refused > 0, "the swapper never won a race: the test proves nothing"
    assert leaked == 0, f"{leaked} of {loads} reads served the file outside the folder"


def test_a_reload_of_kept_graphs_never_serves_a_link_swapped_outside(tmp_path: Path) -> None:
    loads, refused, leaked = _race(tmp_path, kept=True)
    assert loads > 100 and refused > 0
    assert leaked == 0, f"{leaked} of {loads} reloads served the file outside the folder"
