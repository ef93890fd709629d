"""Canon files kept one graph per file: reading again parses only the files that changed and
names exactly the triples that changed; the union of the graphs indexes and hashes to what
one default graph of the same files gives, a triple stated in two files counted once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from jobframe.resources import VOCABULARY_FILE
from jobframe.sources import FileGraphs, TripleIndex, VersionLines, canon_version, turtle_files
from jobframe.sources.turtle import read_turtle
from tests.checks.corpus import BASE

LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


def _files(folder: Path) -> list[Path]:
    return [VOCABULARY_FILE, *turtle_files(folder)]


def _copy(tmp_path: Path) -> Path:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    # A triple stated in two files: the union holds it once.
    with (folder / "role.ttl").open("a", encoding="utf-8") as file:
        file.write('\n<source/jfm> <http://www.w3.org/2004/02/skos/core#notation> "jfm" .\n')
    return folder


def test_only_the_changed_triples_are_named_and_unchanged_files_keep_their_graph(
    tmp_path: Path,
) -> None:
    folder = _copy(tmp_path)
    files = FileGraphs()
    assert files.read(_files(folder)).everything
    graphs = dict(zip(_files(folder), files.graphs, strict=True))
    assert not files.read(_files(folder)).triples

    path = folder / "architecture.ttl"
    path.write_text(path.read_text("utf-8").replace('"Operations"', '"Ops"'), encoding="utf-8")
    changes = files.read(_files(folder))
    assert {(s.value, p.value, str(o)) for s, p, o in changes.triples} == {
        ("https://corpus.example/canon/function/ops", LABEL, '"Operations"'),
        ("https://corpus.example/canon/function/ops", LABEL, '"Ops"'),
    }
    assert changes.subjects == {"https://corpus.example/canon/function/ops"}
    assert dict(zip(_files(folder), files.graphs, strict=True)) == graphs, "edited in place"


def test_a_store_that_removed_more_than_it_holds_is_worn_out(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    files = FileGraphs()
    files.read(_files(folder))
    role = folder / "role.ttl"
    text = role.read_text("utf-8")
    live = sum(path.stat().st_size for path in _files(folder))
    rounds = 0
    while not files.worn_out:
        role.unlink()
        files.read(_files(folder))
        role.write_text(text, encoding="utf-8")
        files.read(_files(folder))
        rounds += 1
    assert rounds == live // len(text.encode()) + 1


def test_the_union_of_the_graphs_is_what_one_graph_of_the_same_files_gives(
    tmp_path: Path,
) -> None:
    folder = _copy(tmp_path)
    files = FileGraphs()
    files.read(_files(folder))
    one = read_turtle(_files(folder))
    assert files.content == one.content
    assert canon_version(files.store, files.graphs) == canon_version(one.store)
    union, single = TripleIndex(files.store, files.graphs), TripleIndex(one.store)
    assert union.triple_count == single.triple_count == len(one.store)
    assert union.out == single.out


def test_the_version_follows_an_edit_as_a_new_version_would(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    files = FileGraphs()
    files.read(_files(folder))
    lines = VersionLines(files.store, files.graphs)
    (folder / "role.ttl").unlink()  # its triples go, but the one architecture.ttl states stays
    changes = files.read(_files(folder))
    lines.update(files.store, changes.triples)
    assert lines.version() == canon_version(files.store, files.graphs)
    assert lines.version() == canon_version(read_turtle(_files(folder)).store)
    assert any(
        s.value.endswith("source/jfm") and isinstance(o, ox.Literal) and o.value == "jfm"
        for s, _, o in changes.triples
    )
