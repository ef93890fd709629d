"""JobFrame benchmarks: issue 14's targets, each a ratio of two figures measured side by side.

    bench/run [--sizes 100,1000,10000,100000] [--duration 10] [--hostile-seconds 15] ...
    bench/run --only-load | --only-hostile | --only-onet | --only-diff | --only-replicas

For each canon size (synthetic, generated into a temporary folder; bench/sizes.py): plain
rdflib parsing against the first start of a never-seen canon, its peak memory, a snapshot
start and a reload after a one-file edit; repeated-query throughput against plain Starlette
returning the same bytes; distinct-query throughput at 8, 16 and 64 connections against an
Oxigraph server answering the raw SPARQL of the same role-levels. Then load with reloads
(bench/load.py), the hostile mix (bench/hostile.py), the O*NET canon (bench/onet.py, also
against Oxigraph), `jobframe diff` (bench/diff.py) and three replicas reloaded under load
(bench/replicas.py).

Writes bench/results.md: the targets table (bench/targets.py; every target met or not, a
missed one with its reason from this run's figures and its profile in bench/profiles/), the
figures by size and one section per benchmark module. Only generated sections are rewritten;
hand-written ones are kept. `--only-<name>` runs one module alone and replaces only its
section (not the targets table). Every server started here is stopped here.

A full run on a 2-core machine takes about 45 minutes, most of it the 100,000-role-level
canon (rdflib parse ~4 min, each first start and reload ~3 min, and their profiles when
missed) and `--diff-size 100000` (~10 min); `--profile-max-size` caps the sizes whose
start and reload are profiled.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench.harness import ROOT, machine
from bench.sections import (
    FIGURES_HEADING,
    SECTIONS,
    TARGETS_HEADING,
    Run,
    stamp,
    with_preamble,
    with_section,
)
from bench.sizes import Row, measure
from bench.targets import TARGETS, Outcome, evaluate, table, write_profiles

COSTLY = {"first-start", "snapshot", "reload"}
"""Profiles that load the whole canon again: not taken above `--profile-max-size`."""


def targets_section(
    outcomes: list[Outcome], rows: list[Row], duration: int, load: tuple[float, ...]
) -> str:
    missing = [t.what for t in TARGETS if not any(o.target is t for o in outcomes)]
    missed = sum(not o.met for o in outcomes)
    lines = [
        TARGETS_HEADING,
        "",
        f"Run {stamp()} on {machine()}: `bench/run {' '.join(sys.argv[1:])}`. {duration} s per"
        " load test. Each ratio compares two figures measured in this run; the p50 baseline is"
        f" the smallest canon measured ({rows[0].name} role-levels). A missed target gives its"
        " reason, written from this run's figures and its profile (bench/targets.py), and"
        " links the profile of its workload on that canon (bench/profiles/). Load average"
        f" (1, 5, 15 min) before / after: {' '.join(f'{x:.2f}' for x in load)} /"
        f" {' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
        f"{len(outcomes) - missed} of {len(outcomes)} met.",
        "",
        table(outcomes).rstrip("\n"),
    ]
    if missing:
        lines += ["", "Not measured in this run: " + "; ".join(missing) + "."]
    return "\n".join(lines) + "\n"


def figures_section(rows: list[Row]) -> str:
    """Every figure of every size, one column per size."""
    names = list(dict.fromkeys(name for row in rows for name in row.figures))
    lines = [
        FIGURES_HEADING,
        "",
        "Every figure behind the targets (`bench/sizes.py`), as measured in the run above.",
        "",
        "| figure | " + " | ".join(f"{row.name} role-levels" for row in rows) + " |",
        "|---|" + "---:|" * len(rows),
        "| triples | " + " | ".join(f"{row.triples:,}" for row in rows) + " |",
    ]
    for name in names:
        values = (f"{row.figures[name]:,.2f}" if name in row.figures else "" for row in rows)
        lines.append(f"| {name} | " + " | ".join(values) + " |")
    lines += ["", "Memory per million triples (MB):", ""]
    for row in rows:
        per = 1e6 / max(row.triples, 1)
        lines.append(
            f"- {row.name} role-levels: serving {row.figures['serving RSS MB'] * per:,.0f}, "
            f"rdflib graph {row.figures['rdflib graph MB'] * per:,.0f}"
        )
    return "\n".join(lines) + "\n"


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--duration", type=int, default=10, help="seconds per load test")
    parser.add_argument("--sample", type=int, default=1000, help="role-levels cycled through")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument(
        "--profile-max-size",
        type=int,
        default=100_000,
        help="largest size whose first start, snapshot start and reload are profiled when"
        " missed (each profile loads the whole canon again)",
    )
    options = {
        "load_seconds": (60, "load-with-reloads run (bench/load.py)"),
        "hostile_seconds": (15, "each phase of the hostile mix (bench/hostile.py)"),
        "onet_duration": (10, "seconds per load test of the O*NET canon (bench/onet.py)"),
        "diff_size": (100_000, "role-levels of the canon `jobframe diff` is measured on"),
        "replicas_seconds": (60, "three replicas reloaded under load (bench/replicas.py)"),
    }
    for each in SECTIONS:
        default, help = options[each.option]
        flag = "--" + each.option.replace("_", "-")
        parser.add_argument(flag, type=int, default=default, help=f"{help}; 0 skips")
        parser.add_argument(
            f"--only-{each.flag}",
            action="store_true",
            help=f"run only the {each.title} and replace its section of --output",
        )
    return parser


def main() -> None:
    parser = arguments()
    args = parser.parse_args()
    previous = args.output.read_text("utf-8") if args.output.exists() else ""
    for only in SECTIONS:
        if getattr(args, f"only_{only.flag}"):
            print(f"== {only.title}", flush=True)
            # `--only-x` with its option at 0 (which skips it in a full run) runs the default
            alone = only.run(getattr(args, only.option) or parser.get_default(only.option))
            args.output.write_text(with_section(previous, only.heading, alone.section), "utf-8")
            print(alone.section)
            return
    load_before = os.getloadavg()
    text = with_preamble(previous)
    with tempfile.TemporaryDirectory(prefix="jobframe-bench-") as tmp:
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"== {size:,} role-levels", flush=True)
            row = measure(size, Path(tmp), args.duration, args.sample)
            if size > args.profile_max_size:
                row.taken |= {kind: {} for kind in COSTLY}
            for name, value in row.figures.items():
                print(f"   {name:36} {value:12.2f}", flush=True)
            rows.append(row)
        extra: list[Row] = []
        for each in SECTIONS:
            if getattr(args, each.option):
                print(f"== {each.title}", flush=True)
                try:
                    run: Run = each.run(getattr(args, each.option))
                except Exception as failed:  # one section's failure must not lose the run
                    print(failed, flush=True)
                    failure = (
                        f"{each.heading}\n\nThis run's {each.title} failed:\n\n"
                        f"```\n{str(failed)[-3000:]}\n```\n"
                    )
                    text = with_section(text, each.heading, failure)
                    continue
                text = with_section(text, each.heading, run.section)
                extra += run.rows
        print("== targets", flush=True)
        outcomes = evaluate([*rows, *extra], rows[0], args.duration)
    for path in write_profiles(outcomes):
        print(f"   wrote {path.relative_to(ROOT)}", flush=True)
    targets = targets_section(outcomes, rows, args.duration, load_before)
    text = with_section(text, TARGETS_HEADING, targets)
    text = with_section(text, FIGURES_HEADING, figures_section(rows))
    args.output.write_text(text, encoding="utf-8")
    print(targets)


if __name__ == "__main__":
    main()
