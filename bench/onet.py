"""The O*NET canon beside a synthetic canon of as many role-levels, measured in one run.

    python -m bench.onet [--onet ../shared/datasets/onet-26.3] [--duration 10] [--json OUT]

Imports the O*NET release as `jobframe import --from onet` does (read the release into the
workbook tables, write Turtle, check), then checks the written canon again on its own. Then,
for the O*NET canon and for a synthetic canon (bench/generate.py) with as many role-levels
(rounded to a hundred): plain rdflib parsing, the cold start and the snapshot start of `jobframe
serve`, and distinct-query throughput (wrk cycling the frames query of bench/harness.py over
every role-level, response cache off). For the O*NET canon also: distinct-query throughput
at 8 and 64 connections, an Oxigraph server answering the raw SPARQL of the same role-levels,
and (`--json`) the profile of one distinct query in-process. Prints one table: each figure for
both canons and their ratio, O*NET over synthetic; `--json` also writes the O*NET canon's
figures and profile for bench/run's targets table. Every server started here is stopped here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jobframe
from bench.generate import LEVELS, generate
from bench.harness import (
    ROOT,
    free_port,
    graphql_path,
    host,
    measure_rdflib,
    role_iri,
    role_names,
    serve_command,
    server,
)
from bench.sizes import SCALING, Row, distinct, sparql
from bench.targets import take_profile
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


def import_onet(release: Path, out: Path, into: Measured) -> list[tuple[str, str, str]]:
    """Import the release into `out`; returns every role-level as (family, level code, IRI)."""
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
    return [(r.family.label, r.level.code, r.iri) for r in canon.role_levels]


def serve(
    folder: Path, roles: list[tuple[str, str, str]], work: Path, duration: int, into: Measured
) -> Row:
    """Check, parse with rdflib, cold and snapshot start, distinct-query throughput; for the
    O*NET canon also at other connection counts, and Oxigraph's raw SPARQL."""
    start = time.monotonic()
    report = jobframe.check(folder)
    into.figures["check s"] = time.monotonic() - start
    assert report.passes(), [str(f) for f in report.errors[:5]]
    into.figures["triples"] = report.triple_count
    into.figures["rdflib parse s"], _, _ = measure_rdflib(folder)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = serve_command(folder, port)
    cache = work / f"snapshots-{into.name}"
    env = {"JOBFRAME_CACHE_DIR": str(cache)}
    for label in ("cold start s", "snapshot start s"):
        with server(command, f"{url}/healthz", env=env) as (_, started):
            into.figures[label] = started
    row = Row(into.name, "onet", folder=folder, cache=cache)
    paths = [graphql_path(family, level) for family, level, _ in roles]
    onet = into.name == "onet"
    distinct(command, env, paths, work, row, duration, SCALING if onet else ())
    if onet:
        sparql(folder, [iri for _, _, iri in roles], work, port, row, duration)
    into.figures |= row.figures
    row.triples = report.triple_count
    return row


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
        "- O*NET distinct req/s at 8 / 16 / 64 connections: "
        f"{f['distinct req/s at 8']:,.1f} / {f['distinct req/s']:,.1f} /"
        f" {f['distinct req/s at 64']:,.1f}; Oxigraph answering the raw SPARQL of the same"
        f" role-levels: {f['Oxigraph SPARQL req/s']:,.1f} req/s"
        f" (distinct / Oxigraph: {f['distinct req/s'] / f['Oxigraph SPARQL req/s']:.2f}).",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--onet", type=Path, default=ONET, help="the O*NET text release")
    parser.add_argument("--duration", type=int, default=10, help="seconds per load test")
    parser.add_argument("--json", type=Path, help="also write the O*NET figures and profile")
    args = parser.parse_args()
    log = sys.stderr
    with tempfile.TemporaryDirectory(prefix="jobframe-onet-") as tmp:
        work = Path(tmp)
        onet = Measured("onet", 0, 0)
        print("O*NET: import", file=log, flush=True)
        roles = import_onet(args.onet, work / "onet", onet)
        print("O*NET: check and serve", file=log, flush=True)
        row = serve(work / "onet", roles, work, args.duration, onet)
        if args.json:
            print("O*NET: profile a distinct query", file=log, flush=True)
            row.taken["distinct"] = take_profile("distinct", row, args.duration)
            found = {"triples": row.triples, "figures": row.figures, "taken": row.taken}
            found["role_levels"] = onet.role_levels
            args.json.write_text(json.dumps(found), "utf-8")
        step = 10 * len(LEVELS)  # bench/generate.py puts ten families in a function
        size = max(step, round(len(roles) / step) * step)
        synthetic = Measured("synthetic", size, 5 * size)
        folder = generate(size, work / "synthetic")
        synthetic_roles = [(*role_names(i), role_iri(i)) for i in range(size)]
        print("synthetic: check and serve", file=log, flush=True)
        serve(folder, synthetic_roles, work, args.duration, synthetic)
    print(
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {host()}: `python -m"
        f" bench.onet --duration {args.duration}`.\n"
    )
    print(report(onet, synthetic), end="")


if __name__ == "__main__":
    main()
