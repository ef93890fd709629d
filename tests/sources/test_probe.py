"""A source's version changes with every edit and only then, for files and SPARQL stores."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.endpoints import answering_endpoint
from jobframe.checks import check_canon
from jobframe.sources import ProbeError, SourceProbe, SparqlEndpoint
from jobframe.sources.probe import VERSION_QUERY
from tests.checks.corpus import BASE


def test_a_folders_version_is_the_digest_a_check_records_and_changes_with_an_edit(
    tmp_path: Path,
) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    probe = SourceProbe(folder)
    first = probe.version()
    assert first == check_canon(folder).content
    assert probe.version() == first
    path = folder / "role.ttl"
    path.write_text(path.read_text("utf-8").replace("field visits", "field audits"), "utf-8")
    assert probe.version() != first


def test_a_missing_folder_has_a_version_and_no_error(tmp_path: Path) -> None:
    assert SourceProbe(tmp_path / "nowhere").version().startswith("unreadable:")


def store_version(store: ox.Store) -> list[str]:
    (row,) = list(store.query(VERSION_QUERY))  # type: ignore[arg-type]
    return [str(term) for term in row]


def test_the_stores_version_changes_when_a_literal_is_replaced_by_one_as_long() -> None:
    store = ox.Store()
    subject, predicate = ox.NamedNode("https://x/s"), ox.NamedNode("https://x/p")
    store.add(ox.Quad(subject, predicate, ox.Literal("Senior")))
    before = store_version(store)
    store.remove(ox.Quad(subject, predicate, ox.Literal("Senior")))
    store.add(ox.Quad(subject, predicate, ox.Literal("Junior")))
    assert store_version(store) != before
    store.remove(ox.Quad(subject, predicate, ox.Literal("Junior")))
    store.add(ox.Quad(subject, predicate, ox.Literal("Junior", language="en")))
    assert store_version(store) != before


def test_the_stores_version_does_not_depend_on_insertion_order() -> None:
    quads = [
        ox.Quad(ox.NamedNode(f"https://x/s{i}"), ox.NamedNode("https://x/p"), ox.Literal(str(i)))
        for i in range(50)
    ]
    forward, backward = ox.Store(), ox.Store()
    forward.extend(quads)
    backward.extend(reversed(quads))
    assert store_version(forward) == store_version(backward)


def test_a_fifo_in_the_folder_is_never_opened(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    os.mkfifo(folder / "pipe.ttl")
    assert SourceProbe(folder).version()  # returns: opening the FIFO would block forever


def test_a_link_loop_in_the_folder_has_a_version(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    (folder / "a.ttl").symlink_to(folder / "b.ttl")
    (folder / "b.ttl").symlink_to(folder / "a.ttl")
    assert SourceProbe(folder).version()


def test_the_probe_never_hashes_a_file_outside_the_folder_a_swapped_link_leads_to(
    tmp_path: Path,
) -> None:
    """The probe reads canon files through the bounded reader, opened once with the canon
    folder as `inside` (issue 20's bounded input): it read them with `path.read_bytes()`,
    so a link swapped outside after the walk was followed."""
    import hashlib
    import threading
    import time

    from jobframe.findings import CanonError
    from jobframe.sources import turtle_files
    from tests.sources.test_link_race import INSIDE, OUTSIDE, _swapper

    folder = tmp_path / "canon"
    folder.mkdir()
    (folder / "inside.ttl").write_bytes(INSIDE)
    outside = tmp_path / "outside.ttl"
    outside.write_bytes(OUTSIDE)
    link = folder / "swap.ttl"
    link.symlink_to(folder / "inside.ttl")
    secret = hashlib.sha256(OUTSIDE).digest()
    stop = threading.Event()
    swapper = threading.Thread(
        target=_swapper, args=(link, (folder / "inside.ttl", outside), stop), daemon=True
    )
    probe = SourceProbe(folder)
    walked = leaked = polls = 0
    swapper.start()
    deadline = time.monotonic() + 20
    try:
        while polls < 3_000 and time.monotonic() < deadline:
            polls += 1
            try:
                turtle_files(folder)
            except CanonError:
                continue
            walked += 1
            probe._hashes.clear()  # every poll reads the files again
            probe.version()
            leaked += any(digest == secret for _, digest in probe._hashes.values())
    finally:
        stop.set()
        swapper.join()
    assert walked > 100
    assert leaked == 0, f"{leaked} of {walked} polls hashed the file outside the folder"


LYING_VERSIONS = {
    "nested 5,000 deep": b'{"head":' + b"[" * 5000 + b"]" * 5000 + b"}",
    "a value that is an object": (
        b'{"results":{"bindings":[{"triples":{"type":"literal","value":{"x":1}}}]}}'
    ),
    "a row that is a list": b'{"results":{"bindings":[[1]]}}',
    "a binding that is a number": b'{"results":{"bindings":[{"triples":7}]}}',
    "no rows": b'{"results":{"bindings":[]}}',
}


@pytest.mark.parametrize("case", sorted(LYING_VERSIONS))
def test_a_version_answer_of_the_wrong_shape_is_a_probe_error(case: str) -> None:
    """Outside attack: two of these raised RecursionError and TypeError, which the follower
    logged with a traceback every poll instead of once as a source it cannot read."""
    answer = LYING_VERSIONS[case]
    with (
        answering_endpoint(answer, "application/sparql-results+json") as url,
        pytest.raises(ProbeError, match="cannot read the version"),
    ):
        SourceProbe(SparqlEndpoint(url)).version()
