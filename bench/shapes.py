"""SHACL validation of a generated canon: pyshacl-turbo against the SPARQL shapes engine.

    python -m bench.shapes N [N ...]

For each N and engine, in a fresh process: generates a canon of N role-levels, reads it into
one store as `jobframe check` does and times the engine on it (the SPARQL engine's shapes are
compiled first, as they are once per process), with the process's peak RSS before and after;
then, for the SPARQL engine (the one `check_canon` runs), times the whole check. Prints a
Markdown table.
"""

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import pyshacl_turbo
from rdflib import Graph

from bench.generate import generate
from jobframe.checks import check_canon, shacl_sparql
from jobframe.checks.shapes import ShapeResult, report_results, shapes_graph
from jobframe.resources import VOCABULARY_FILE
from jobframe.sources.turtle import read_turtle, turtle_files


def turbo(store: ox.Store) -> tuple[ShapeResult, ...]:
    """The engine `check_canon` ran before the SPARQL one (it copies the store's graph)."""
    _, report, _ = pyshacl_turbo.validate(
        store, shacl_graph=shapes_graph(), inference="none", allow_warnings=True
    )
    assert isinstance(report, Graph)
    return report_results(report)


ENGINES = {"pyshacl-turbo": turbo, "SPARQL": shacl_sparql.validate}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(engine: str, size: int) -> dict[str, float]:
    validate = ENGINES[engine]
    shacl_sparql.compile_shapes()
    with tempfile.TemporaryDirectory() as tmp:
        folder = generate(size, Path(tmp) / "canon")
        store = read_turtle([VOCABULARY_FILE, *turtle_files(folder)]).store
        before = _peak_mb()
        start = time.monotonic()
        found = validate(store)
        seconds = time.monotonic() - start
        after = _peak_mb()
        assert found == (), "the generated canon has no SHACL results"
        del store
        start = time.monotonic()
        if validate is shacl_sparql.validate:
            assert check_canon(folder).findings == ()
        check = time.monotonic() - start
    return {"validate": seconds, "extra_mb": after - before, "check": check}


def main() -> None:
    if sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
        return
    print("| role-levels | engine | validation (s) | peak RSS added (MB) | whole check (s) |")
    print("|---:|---|---:|---:|---:|")
    for size in map(int, sys.argv[1:]):
        for engine in ENGINES:
            out = subprocess.run(
                [sys.executable, "-m", "bench.shapes", "--one", engine, str(size)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            m = json.loads(out)
            print(
                f"| {size:,} | {engine} | {m['validate']:.1f} | {m['extra_mb']:.0f} |"
                f" {m['check']:.1f} |"
                if m["check"] > 0.01
                else " — |",
                flush=True,
            )


if __name__ == "__main__":
    main()
