"""A canon's version depends on its triples only."""

from pathlib import Path

from jobframe.resources import VOCABULARY_FILE
from jobframe.sources.turtle import read_turtle
from jobframe.sources.version import canon_version
from tests.conftest import PREFIXES


def version_of(folder: Path, *files: str) -> str:
    folder.mkdir()
    paths = []
    for n, text in enumerate(files):
        path = folder / f"f{n}.ttl"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    store, findings, _ = read_turtle([VOCABULARY_FILE, *paths])
    assert findings == ()
    return canon_version(store)


A = PREFIXES + '<function/a> a jf:JobFunction ; skos:prefLabel "A" .\n'
B = PREFIXES + '<function/b> a jf:JobFunction ; skos:prefLabel "B" .\n'


def test_version_ignores_file_order_and_formatting(tmp_path: Path) -> None:
    reformatted = A.replace(" ;", " ;\n   ").replace(" .", "\n    .")
    assert version_of(tmp_path / "1", A, B) == version_of(tmp_path / "2", B, reformatted)


def test_version_ignores_blank_node_labels(tmp_path: Path) -> None:
    one = PREFIXES + '<function/a> jf:note _:x . _:x skos:prefLabel "note" .\n'
    other = (
        PREFIXES
        + '<function/a> jf:note _:somethingelse . _:somethingelse skos:prefLabel "note" .\n'
    )
    assert version_of(tmp_path / "1", one) == version_of(tmp_path / "2", other)


def test_version_changes_with_any_triple(tmp_path: Path) -> None:
    changed = A.replace('"A"', '"A."')
    assert version_of(tmp_path / "1", A) != version_of(tmp_path / "2", changed)
