"""The O*NET canon beside a synthetic canon of as many role-levels, measured in one run.

    python -m bench.onet [--onet ../shared/datasets/onet-26.3] [--duration 10]

Imports the O*NET release as `jobframe import --from onet` does (read the release into the
workbook tables, write Turtle, check), then checks the written canon again on its own. Then,
for the O*NET canon and for a synthetic canon (bench/generate.py) with as many role-levels
(rounded to a hundred): plain rdflib parsing, the cold start and the snapshot start of `jobframe
serve`, and distinct-query throughput (wrk cycling the frames query of bench/main.py over
every role-level, response cache off). Prints one table: each figure for both canons and
their ratio, O*NET over synthetic. Every server started here is stopped here.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import jobframe
from bench.generate import LEVELS, generate
from bench.main import (
    FRAMES_QUERY,
    ROOT,
    free_port,
    host,
    lua_paths,
    measure_rdflib,
    serve_command,
    server,
    wrk,
)
from jobframe.interchange import import_canon
from jobframe.interchange.onet import onet_tables

ONET = ROOT.parent / "shared" / "datasets" / "onet-26.3"


@dataclass
class Measured:
    """One canon's figures, by name."""

    name: str
    role_levels: int
    responsibilities: int
    figures: dict[str, float] = field(default_factory=dict)


def role_path(family: str, level: str) -> str:
    variables = json.dumps({"f": family, "l": level})
    return "/graphql?" + urllib.parse.urlencode({"query": FRAMES_QUERY, "variables": variables})


def import_onet(release: Path, out: Path, into: Measured) -> list[tuple[str, str]]:
    """Import the release into `out`; returns every role-level as (family, level code)."""
    start = time.monotonic()
    tables = onet_tables(release)
    into.figures["read release s"] = time.monotonic() - start
    report = import_canon(tables, out)
    into.figures["import s"] = time.monotonic() - start
    assert report.passes() and report.canon is not None, [str(f) for f in report.errors[:5]]
    into.figures["import warnings"] = len(report.warnings)
    canon = report.canon
    into.role_levels = len(canon.role_levels)
    into.responsibilities = sum(len(r.responsibilities) for r in canon.role_levels)
    return [(r.family.label, r.level.code) for r in canon.role_levels]


def serve(
    folder: Path, roles: list[tuple[str, str]], work: Path, duration: int, into: Measured
) -> None:
    """Check, parse with rdflib, cold and snapshot start, distinct-query throughput."""
    start = time.monotonic()
    report = jobframe.check(folder)
    into.figures["check s"] = time.monotonic() - start
    assert report.passes(), [str(f) for f in report.errors[:5]]
    into.figures["triples"] = report.triple_count
    into.figures["rdflib parse s"], _, _ = measure_rdflib(folder)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = serve_command(folder, port)
    cache = {"JOBFRAME_CACHE_DIR": str(work / f"snapshots-{into.name}")}
    for label in ("cold start s", "snapshot start s"):
        with server(command, f"{url}/healthz", env=cache) as (_, started):
            into.figures[label] = started
    shutil.rmtree(cache["JOBFRAME_CACHE_DIR"])
    paths = [role_path(f, level) for f, level in roles]
    script = lua_paths(paths, work, f"graphql-{into.name}")
    with server([*command, "--response-cache-mb", "0"], f"{url}/healthz", env=cache):
        body = urllib.request.urlopen(url + paths[0]).read()
        assert b'"errors"' not in body, body[:500]
        into.figures["distinct req/s"], into.figures["distinct p50 ms"] = wrk(url, duration, script)


FIGURES = (
    "triples",
    "import s",
    "check s",
    "rdflib parse s",
    "cold start s",
    "snapshot start s",
    "distinct req/s",
    "distinct p50 ms",
)


def report(onet: Measured, synthetic: Measured) -> str:
    lines = [
        f"| figure | O*NET ({onet.role_levels:,} role-levels, {onet.responsibilities:,}"
        f" responsibilities) | synthetic ({synthetic.role_levels:,} role-levels,"
        f" {synthetic.responsibilities:,} responsibilities) | ratio |",
        "|---|---:|---:|---:|",
    ]
    for name in FIGURES:
        ours, base = onet.figures.get(name), synthetic.figures.get(name)
        shape = ",.0f" if name == "triples" else ",.2f"
        shown = [format(v, shape) if v is not None else "n/a" for v in (ours, base)]
        ratio = f"{ours / base:.2f}" if ours is not None and base else "n/a"
        lines.append(f"| {name} | {shown[0]} | {shown[1]} | {ratio} |")
    f = onet.figures
    lines += [
        "",
        f"- O*NET import: {f['read release s']:.2f} s reading the release, {f['import s']:.2f} s"
        f" in all (write and check included); {int(f['import warnings']):,} warnings.",
        f"- O*NET cold start / rdflib parse: {f['cold start s'] / f['rdflib parse s']:.2f};"
        f" snapshot start / rdflib parse: {f['snapshot start s'] / f['rdflib parse s']:.2f}.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--onet", type=Path, default=ONET, help="the O*NET text release")
    parser.add_argument("--duration", type=int, default=10, help="seconds per load test")
    args = parser.parse_args()
    log = sys.stderr
    with tempfile.TemporaryDirectory(prefix="jobframe-onet-") as tmp:
        work = Path(tmp)
        onet = Measured("onet", 0, 0)
        print("O*NET: import", file=log, flush=True)
        roles = import_onet(args.onet, work / "onet", onet)
        print("O*NET: check and serve", file=log, flush=True)
        serve(work / "onet", roles, work, args.duration, onet)
        step = 10 * len(LEVELS)  # bench/generate.py puts ten families in a function
        size = max(step, round(len(roles) / step) * step)
        synthetic = Measured("synthetic", size, 5 * size)
        folder = generate(size, work / "synthetic")
        synthetic_roles = [
            (f"Family {i // len(LEVELS)}", "".join(map(str, LEVELS[i % len(LEVELS)])))
            for i in range(size)
        ]
        print("synthetic: check and serve", file=log, flush=True)
        serve(folder, synthetic_roles, work, args.duration, synthetic)
    print(
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {host()}: `python -m"
        f" bench.onet --duration {args.duration}`.\n"
    )
    print(report(onet, synthetic), end="")


if __name__ == "__main__":
    main()
