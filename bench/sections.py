"""bench/results.md, section by section: `bench/run` rewrites the sections it generates and
keeps every other one (hand-written explanations, experiments) where it is.

A section runs from its `## ` heading to the next one. A generated section missing from the
file is added: the targets and the figures by size after the title, the others at the end.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.harness import PY, ROOT, Json, host
from bench.sizes import Row

TITLE = "# JobFrame benchmark results"
PREAMBLE = (
    f"{TITLE}\n\nWritten by `bench/run` (bench/main.py). It rewrites the sections it"
    " generates (the targets, the figures by size, and one section per benchmark module) and"
    " keeps every other section as written.\n"
)
TARGETS_HEADING = "## Targets of issue 14 (bench/run)"
FIGURES_HEADING = "## Figures by canon size (bench/sizes.py)"
LOAD_HEADING = "## Load with reloads (bench/load.py)"
HOSTILE_HEADING = "## Hostile mix (bench/hostile.py)"
REPLICAS_HEADING = "## Replicas agree (bench/replicas.py)"
ONET_HEADING = "## O*NET canon (bench/onet.py)"
DIFF_HEADING = "## Canon diff (bench/diff.py)"
FIRST = (TARGETS_HEADING, FIGURES_HEADING)
"""Generated sections that belong at the top, right after the title."""


def with_section(text: str, heading: str, section: str) -> str:
    """`text` with the section under `heading` replaced by `section`; a missing section is
    added (after the title for `FIRST`, else at the end)."""
    section = section.rstrip("\n") + "\n"
    start = text.find(heading + "\n")
    if start < 0:
        if heading in FIRST:
            at = text.find("\n## ") + 1 or len(text)
            for before in FIRST[: FIRST.index(heading)]:
                if (i := text.find(before + "\n")) >= 0:
                    at = text.find("\n## ", i + len(before)) + 1 or len(text)
            return text[:at].rstrip("\n") + "\n\n" + section + "\n" + text[at:]
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + len(heading))
    rest = "\n" + text[end + 1 :] if end >= 0 else ""
    return text[:start] + section + rest


def with_preamble(text: str) -> str:
    """`text` starting with the generated title and note (an older table above the first
    section, from before sections were kept, is dropped)."""
    first = text.find("\n## ")
    return PREAMBLE + ("\n" + text[first + 1 :] if first >= 0 else "")


def stamp() -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())


def bench_output(module: str, *arguments: str) -> str:
    """What a benchmark module run in its own process prints (its own interpreter state)."""
    run = subprocess.run([PY, "-m", module, *arguments], capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        raise RuntimeError(f"python -m {module} exited {run.returncode}:\n{run.stderr[-3000:]}")
    return run.stdout


def bench_json(module: str, *arguments: str) -> tuple[str, Json]:
    """What a module prints, and what it writes to `--json`."""
    with tempfile.TemporaryDirectory(prefix="jobframe-bench-json-") as tmp:
        out = Path(tmp) / "out.json"
        printed = bench_output(module, *arguments, "--json", str(out))
        return printed, json.loads(out.read_text("utf-8"))


@dataclass
class Run:
    """A section's text, and the rows it adds to the targets table."""

    section: str
    rows: tuple[Row, ...] = ()


def load_section(seconds: int) -> Run:
    out = bench_output("bench.load", "--seconds", str(seconds))
    return Run(
        f"{LOAD_HEADING}\n\nRun {stamp()}: `python -m bench.load --seconds {seconds}`. 64 clients"
        " mixing frame queries, node lookups and lineage queries on 1,000 role-levels, after a"
        " 10 s warm-up with the same load; the canon reloaded every 10 s alternately with a good"
        " and a broken edit:\n\n```\n" + out + "```\n"
    )


def hostile_section(seconds: int) -> Run:
    """The hostile mix on 1,000 role-levels, served by one process and by two workers."""
    runs = {
        workers: bench_output("bench.hostile", "--seconds", str(seconds), "--workers", workers)
        for workers in ("1", "2")
    }
    return Run(
        f"{HOSTILE_HEADING}\n\nRun {stamp()} on {host()}: `python -m bench.hostile --seconds"
        f" {seconds} --workers N`. Cheap probes (`GET /healthz` and a one-frame query) first"
        " idle, then beside hostile clients looping on the costly requests of issues 11 and 20;"
        " the ratio is the figure under the hostile mix over the idle one, both measured in"
        " the same run.\n\n"
        + "\n".join(f"### --workers {workers}\n\n{out}" for workers, out in runs.items())
    )


def replicas_section(seconds: int) -> Run:
    """Three replicas reloaded under load; a row for the targets table."""
    out, verdict = bench_json("bench.replicas", "--seconds", str(seconds))
    row = Row("1,000 (3 replicas)", "replicas")
    row.figures = {
        "agree s": float(verdict["agree_s"]),
        "bound s": float(verdict["bound_s"]),
        "broken not kept": float(verdict["broken_not_kept"]),
        "failures": float(verdict["failures"]),
    }
    if verdict["broken_not_kept"] or not verdict["reloads"]:
        row.figures["agree s"] = float("inf")  # a replica never agreed: the target is missed
    return Run(
        f"{REPLICAS_HEADING}\n\nRun {stamp()} on {host()}: `python -m bench.replicas --seconds"
        f" {seconds}`. Three `jobframe serve` processes on one canon of 1,000 role-levels"
        " (`--sync-interval 2`), 24 clients over all three; every 10 s a file is edited,"
        " alternately well and broken, and one replica in turn is reloaded with `POST"
        " /admin/reload`; the others follow the source. Failures target 0; all replicas must"
        " agree within the bound (the sync interval plus that reload's own time) after every"
        " good edit and keep the last good canon after every broken one.\n\n```\n" + out + "```\n",
        (row,),
    )


def onet_section(duration: int) -> Run:
    """The O*NET canon beside a synthetic one of as many role-levels; a row for the
    targets table (its distinct-query figures, with their profile)."""
    out, found = bench_json("bench.onet", "--duration", str(duration))
    row = Row(f"O*NET 26.3 ({found['role_levels']:,})", "onet", int(found["triples"]))
    row.figures = {k: float(v) for k, v in found["figures"].items()}
    row.taken = found["taken"]
    return Run(
        f"{ONET_HEADING}\n\nThe O*NET 26.3 release imported (`jobframe import --from onet`) and"
        " served, beside a synthetic canon of as many role-levels; the ratio is O*NET over"
        " synthetic, both measured in this run.\n\n" + out,
        (row,),
    )


def diff_section(size: int) -> Run:
    """`jobframe diff` on a generated canon."""
    out = bench_output("bench.diff", "--size", str(size))
    return Run(
        f"{DIFF_HEADING}\n\nA generated canon against two edited copies: one responsibility's"
        " text (a one-line edit), and the M3 level's Scope statement (quoted by every role-level"
        " at M3). Loading is what `jobframe diff` does for each canon (read, check, compile);"
        " *compare* is `compare_canons` beyond loading: nodes by IRI, the dependency graph,"
        " and rendering and diffing the frames of the role-levels reached; *Markdown* writes"
        " the pull-request comment.\n\n" + out
    )


@dataclass(frozen=True)
class Section:
    """A benchmark that writes its own section of bench/results.md: `--only-<flag>` runs it
    alone and replaces that section; `--<option>` (0 skips) sizes it in a full run."""

    flag: str
    title: str
    heading: str
    run: Callable[[int], Run]
    option: str


SECTIONS = (
    Section("load", "load with reloads", LOAD_HEADING, load_section, "load_seconds"),
    Section("hostile", "hostile mix", HOSTILE_HEADING, hostile_section, "hostile_seconds"),
    Section("onet", "O*NET canon", ONET_HEADING, onet_section, "onet_duration"),
    Section("diff", "canon diff", DIFF_HEADING, diff_section, "diff_size"),
    Section("replicas", "replicas", REPLICAS_HEADING, replicas_section, "replicas_seconds"),
)
"""In the order a full run runs them."""
