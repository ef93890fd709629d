"""Shared fixtures: the shipped canon, the reference goldens, and small canons written inline."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.generate import generate
from jobframe.canon import Canon
from jobframe.loading import Served, first_load, load_canon
from jobframe.resources import DEFAULT_CANON_DIR

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("JOBFRAME_CACHE_DIR", tempfile.mkdtemp(prefix="jobframe-test-cache-"))
"""Snapshots of checked canons go to a folder of this test run, never the user's cache."""
SPEC = Path(os.environ.get("JOBFRAME_SPEC_DIR", ROOT.parent / "shared" / "spec"))
DIFFERENCES = Path(
    os.environ.setdefault(
        "JOBFRAME_DIFFERENTIAL",
        str(Path(tempfile.mkdtemp(prefix="jobframe-differential-")) / "differences.jsonl"),
    )
)
"""Every operation a compiled plan answers, in this process or in a server a test starts,
is also run by graphql-core, and any difference is appended here (`api/execution/executor.py`)."""


@pytest.fixture(autouse=True)
def plans_answer_as_graphql_core() -> Iterator[None]:
    """Fails the test whose queries a compiled plan answered differently from graphql-core."""
    before = DIFFERENCES.stat().st_size if DIFFERENCES.exists() else 0
    yield
    if DIFFERENCES.exists() and DIFFERENCES.stat().st_size > before:
        with DIFFERENCES.open("rb") as file:
            file.seek(before)
            found = file.read().decode("utf-8", "replace")
        pytest.fail(f"a compiled plan differs from graphql-core:\n{found[:4000]}")


PREFIXES = """\
@base <https://test.example/canon/> .
@prefix jf:   <https://jobframe.example/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""

ARCHITECTURE = (
    PREFIXES
    + """
<function/ops> a jf:JobFunction ; skos:prefLabel "Operations" .
<family/ops> a jf:JobFamily ; skos:prefLabel "Field Operations" ; jf:function <function/ops> .
<source/jfm> a jf:Source ; skos:prefLabel "JFM" ; skos:notation "jfm" .
<track/P> a jf:Track ; skos:prefLabel "P" .
<level/P3> a jf:Level ; skos:notation "P3" ; skos:prefLabel "Senior Specialist" ;
    jf:track <track/P> ; jf:rank 3 .
"""
)
"""A function, a family, a source and a level P3 with no dimensions yet."""


def dimensions(*names: str) -> str:
    """Turtle for level dimensions in the given display order, each with a P3 statement."""
    out = [PREFIXES]
    for order, name in enumerate(names, start=1):
        slug = name.lower().replace(" ", "-")
        out.append(
            f'<dimension/{slug}> a jf:LevelDimension ; skos:prefLabel "{name}" ;'
            f' skos:notation "{name.lower()}" ; jf:displayOrder {order} .\n'
            f"<level/P3/{slug}> a jf:DimensionStatement ; jf:level <level/P3> ;"
            f' jf:dimension <dimension/{slug}> ; jf:text "P3 {name.lower()} statement" .\n'
        )
    return "".join(out)


def role_level(responsibilities: int, *, complexity: bool = True, knowledge: bool = True) -> str:
    """Turtle for the Field Operations P3 role-level with numbered responsibilities."""
    out = [
        PREFIXES,
        "<role/ops/P3> a jf:RoleLevel ; jf:family <family/ops> ; jf:level <level/P3> .\n",
    ]
    for n in range(1, responsibilities + 1):
        out.append(
            f"<role/ops/P3/r{n}> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ;"
            f' jf:order {n} ; jf:source <source/jfm> ; jf:text "Responsibility {n}" .\n'
        )
    if complexity:
        out.append(
            "<role/ops/P3/cps> a jf:RubricEntry ; jf:roleLevel <role/ops/P3> ;"
            " jf:rubricDimension jf:ComplexityProblemSolving ; jf:source <source/jfm> ;"
            ' jf:text "Solves hard problems." .\n'
        )
    if knowledge:
        out.append(
            "<role/ops/P3/ka> a jf:RubricEntry ; jf:roleLevel <role/ops/P3> ;"
            " jf:rubricDimension jf:KnowledgeApplication ; jf:source <source/jfm> ;"
            ' jf:text "Applies deep knowledge." .\n'
        )
    return "".join(out)


def write_canon(folder: Path, *files: str) -> Path:
    """Write each Turtle text to its own file in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(files):
        (folder / f"part{n}.ttl").write_text(text, encoding="utf-8")
    return folder


CanonMaker = Callable[..., Canon]


@pytest.fixture
def make_canon(tmp_path: Path) -> CanonMaker:
    """Load a canon from Turtle texts, each written to its own file."""
    counter = iter(range(1000))

    def make(*files: str) -> Canon:
        return load_canon(write_canon(tmp_path / f"canon{next(counter)}", *files))

    return make


@pytest.fixture(scope="session")
def served() -> Served:
    """The snapshot `jobframe serve` starts with on the canon shipped in canon/."""
    snapshot = first_load(DEFAULT_CANON_DIR)
    assert isinstance(snapshot, Served)
    return snapshot


@pytest.fixture(scope="session")
def canon(served: Served) -> Canon:
    """The canon shipped in canon/."""
    return served.canon


@pytest.fixture(scope="session")
def thousand_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated canon of 1,000 role-levels (bench/generate.py): 10 functions of 10
    families, big enough for costs and closest names to depend on the canon."""
    return generate(1000, tmp_path_factory.mktemp("c1000"))


@pytest.fixture(scope="session")
def thousand(thousand_folder: Path) -> Served:
    """The snapshot a server starts with on `thousand_folder`."""
    return serve_folder(thousand_folder)


def serve_folder(folder: Path) -> Served:
    """The snapshot a server would start with on that folder (which must have no errors)."""
    snapshot = first_load(folder)
    assert isinstance(snapshot, Served), snapshot
    return snapshot


@pytest.fixture(scope="session")
def golden() -> Callable[[str], str]:
    """The reference "Copy / print as text" block of a frame, byte for byte."""
    folder = SPEC / "golden"
    assert folder.is_dir(), f"reference goldens not found at {folder}; set JOBFRAME_SPEC_DIR"

    def read(kind: str) -> str:
        return (folder / f"{kind}.txt").read_bytes().decode("utf-8")

    return read
