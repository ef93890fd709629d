"""A canon's version depends on its triples only, and is computed in bounded work."""

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

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


def test_a_canon_without_blank_nodes_is_hashed_as_its_sorted_ntriples(tmp_path: Path) -> None:
    """Versions of such canons (every shipped one) stay what they were before blank-node
    labelling changed."""
    path = tmp_path / "a.ttl"
    path.write_text(A + B, encoding="utf-8")
    store, _, _ = read_turtle([VOCABULARY_FILE, path])
    ntriples = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    assert ntriples is not None
    lines = sorted(line for line in ntriples.split(b"\n") if line)
    assert canon_version(store) == hashlib.sha256(b"\n".join(lines)).hexdigest()[:32]


LOOK_ALIKE = {
    "a ring of 20,000": "".join(f"_:n{i} jf:p _:n{(i + 1) % 20_000} .\n" for i in range(20_000)),
    "a clique of 150": "".join(
        f"_:n{i} jf:p _:n{j} .\n" for i in range(150) for j in range(150) if i != j
    ),
    "20,000 identical trees": "<urn:s> jf:p "
    + ", ".join('[ jf:p [ jf:q "x" ] ]' for _ in range(20_000))
    + " .\n",
    "a list of one item 20,000 times": "<urn:s> jf:p (" + ' "x"' * 20_000 + " ) .\n",
}

IN_A_CHILD = """
import sys
from pathlib import Path
from jobframe.sources import canon_version, read_turtle
store, findings, _ = read_turtle([Path(sys.argv[1])])
assert findings == (), findings
print(canon_version(store))
"""


@pytest.mark.parametrize("triples", LOOK_ALIKE.values(), ids=LOOK_ALIKE.keys())
def test_look_alike_blank_nodes_are_versioned_in_bounded_time(tmp_path: Path, triples: str) -> None:
    """RDFC-1.0 crashed the process on the ring and the list and ran out of memory on the
    clique. In a child process, so that a hash that explodes fails the test, not the suite."""
    path = tmp_path / "alike.ttl"
    path.write_text(PREFIXES + triples, encoding="utf-8")
    child = [sys.executable, "-c", IN_A_CHILD, str(path)]
    done = subprocess.run(child, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"[0-9a-f]{32}\n", done.stdout)


RING = "".join(f"_:n{i} jf:p _:n{(i + 1) % 6} .\n" for i in range(6)) + '_:n0 jf:q "start" .\n'


def test_version_ignores_blank_node_labels_and_order_in_look_alike_structures(
    tmp_path: Path,
) -> None:
    relabelled = "".join(reversed(RING.replace("_:n", "_:other").splitlines(keepends=True)))
    assert version_of(tmp_path / "1", PREFIXES + RING) == version_of(
        tmp_path / "2", PREFIXES + relabelled
    )


def test_version_changes_when_literals_share_a_different_blank_node(tmp_path: Path) -> None:
    paired = '<function/a> jf:note [ jf:p "1" ; jf:q "2" ], [ jf:p "3" ; jf:q "4" ] .\n'
    swapped = '<function/a> jf:note [ jf:p "1" ; jf:q "4" ], [ jf:p "3" ; jf:q "2" ] .\n'
    assert version_of(tmp_path / "1", PREFIXES + paired) != version_of(
        tmp_path / "2", PREFIXES + swapped
    )


def test_version_changes_when_look_alike_blank_nodes_link_differently(tmp_path: Path) -> None:
    """The same triples but for blank-node labels: an end two links or three links on from
    the start of a ring."""
    two_on = PREFIXES + RING + '_:n2 jf:q "end" .\n'
    three_on = PREFIXES + RING + '_:n3 jf:q "end" .\n'
    assert version_of(tmp_path / "1", two_on) != version_of(tmp_path / "2", three_on)


def test_version_cannot_tell_one_ring_of_six_look_alike_blank_nodes_from_two_of_three(
    tmp_path: Path,
) -> None:
    """The documented price of bounded work (see `version._labelled`): such canons share a
    version, having the same triples up to blank-node labels."""
    one = "".join(f"_:n{i} jf:p _:n{(i + 1) % 6} .\n" for i in range(6))
    two = "".join(f"_:n{i} jf:p _:n{(i + 1) % 3 + 3 * (i // 3)} .\n" for i in range(6))
    assert version_of(tmp_path / "1", PREFIXES + one) == version_of(tmp_path / "2", PREFIXES + two)
