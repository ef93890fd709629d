"""Issue 14's targets, each a ratio of two figures measured side by side in one run.

`TARGETS` is the one table of them: what is compared, the bound, which profile explains a
miss, and the reason written from this run's figures and that profile. A target missed
anywhere gets its profile taken (bench/profile_*.py, on the canon it missed on) and written
to bench/profiles/<name>.md, linked from its rows.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import CONNECTIONS, PY, ROOT, Json
from bench.sizes import Row

PROFILES = ROOT / "bench" / "profiles"


@dataclass(frozen=True)
class Target:
    name: str
    """Its profile is bench/profiles/<name>.md."""
    what: str
    ours: str
    base: str
    """Figures of the row compared; `smallest:` names a figure of the smallest canon."""
    bound: float
    at_most: bool
    """True: met when ours / base ≤ bound; False: when ≥ bound."""
    profile: str
    """The workload profiled on a miss: distinct, serving, first-start, snapshot, reload."""
    why: str
    """The reason for a miss, filled from this run's figures (`facts`)."""
    kinds: tuple[str, ...] = ("synthetic",)
    """The rows it applies to (`sizes.Row.kind`)."""


TARGETS = (
    Target(
        "distinct-vs-sparql",
        "distinct-query req/s / Oxigraph raw-SPARQL req/s",
        "distinct req/s",
        "Oxigraph SPARQL req/s",
        1.0,
        False,
        "distinct",
        "{ours:,.0f} distinct queries/s against Oxigraph's {base:,.0f}/s. In-process one query"
        " takes {ms:.2f} ms (at most {in_process_rps:,.0f}/s on one core; {layers}); over HTTP"
        " the server spends {wall_ms:.2f} ms per query, {gap_ms:.2f} ms of it outside the"
        " query's execution (HTTP, the event loop, handing work to threads).",
        ("synthetic", "onet"),
    ),
    Target(
        "distinct-per-core-vs-sparql",
        "distinct-query req/s, a `serve --workers` process per core / Oxigraph raw-SPARQL req/s",
        "distinct req/s, a worker per core",
        "Oxigraph SPARQL req/s",
        1.0,
        False,
        "distinct",
        "{ours:,.0f} distinct queries/s with a worker process per core against Oxigraph's"
        " {base:,.0f}/s (one process: {distinct_req_s:,.0f}/s). In-process one query takes"
        " {ms:.2f} ms ({layers}); the cores are shared with wrk.",
    ),
    Target(
        "distinct-16-vs-8",
        f"distinct req/s at {CONNECTIONS} connections / at 8",
        "distinct req/s",
        "distinct req/s at 8",
        0.9,
        False,
        "distinct",
        "{ours:,.0f}/s at 16 connections against {base:,.0f}/s at 8, p50 {distinct_p50_ms_at_8:.0f}"
        " → {distinct_p50_ms:.0f} ms: one process answers every connection, so more"
        " connections wait in line rather than add capacity (in-process {ms:.2f} ms a query).",
        ("synthetic", "onet"),
    ),
    Target(
        "distinct-64-vs-8",
        "distinct req/s at 64 connections / at 8",
        "distinct req/s at 64",
        "distinct req/s at 8",
        0.9,
        False,
        "distinct",
        "{ours:,.0f}/s at 64 connections against {base:,.0f}/s at 8, p50"
        " {distinct_p50_ms_at_8:.0f} → {distinct_p50_ms_at_64:.0f} ms: one process answers"
        " every connection (in-process {ms:.2f} ms a query; {layers}).",
        ("synthetic", "onet"),
    ),
    Target(
        "repeated-vs-starlette",
        "repeated-query req/s / plain Starlette req/s (same bytes)",
        "repeated req/s",
        "plain Starlette req/s",
        0.65,
        False,
        "serving",
        "{ours:,.0f}/s against plain Starlette's {base:,.0f}/s: {extra_us:,.0f} µs more per"
        " request than returning the bytes; the serving loop's profile: {layers}.",
    ),
    Target(
        "p50-vs-smallest",
        "distinct p50 ms / p50 at the smallest canon",
        "distinct p50 ms",
        "smallest:distinct p50 ms",
        1.1,
        True,
        "distinct",
        "p50 {ours:.0f} ms against {base:.0f} ms on the smallest canon, where throughput was"
        " {smallest_rps:,.0f}/s against {distinct_req_s:,.0f}/s here: at {connections}"
        " connections wrk's p50 is mostly waiting in line, {connections} / throughput ="
        " {queue_ms:.0f} ms here (in-process {ms:.2f} ms a query).",
    ),
    Target(
        "first-start",
        "first start s (never-seen canon) / rdflib parse s",
        "first start s",
        "rdflib parse s",
        0.25,
        True,
        "first-start",
        "first start {ours:.1f} s against {base:.1f} s of rdflib parsing: starting Python,"
        " importing and listening take {first_startup_s:.1f} s, the load itself"
        " {first_start_in_process_s:.1f} s; its profile's largest phases: {phases}.",
    ),
    Target(
        "first-start-memory",
        "first-start peak RSS (serving + checking process) / rdflib peak RSS",
        "first start peak RSS MB",
        "rdflib peak RSS MB",
        1.0,
        True,
        "first-start",
        "peak {ours:,.0f} MB: serving process {first_start_serving_peak_RSS_MB:,.0f} MB,"
        " checking child {first_start_checking_peak_RSS_MB:,.0f} MB, against rdflib's"
        " {base:,.0f} MB (its graph alone {rdflib_graph_MB:,.0f} MB); serving after the"
        " start: {serving_RSS_MB:,.0f} MB.",
    ),
    Target(
        "snapshot-start",
        "snapshot start s / rdflib parse s",
        "snapshot start s",
        "rdflib parse s",
        0.1,
        True,
        "snapshot",
        "snapshot start {ours:.2f} s against {base:.2f} s: restoring and building the app take"
        " {snapshot_start_in_process_s:.2f} s in-process, starting Python, importing and"
        " listening the other {startup_s:.2f} s; profile: {phases}.",
    ),
    Target(
        "reload",
        "reload after a one-file edit s / first start s",
        "reload s",
        "first start s",
        0.25,
        True,
        "reload",
        "reload {ours:.1f} s (POST answered in {reload_POST_s:.1f} s) against first start"
        " {base:.1f} s; its profile's largest phases: {phases}.",
    ),
    Target(
        "replicas",
        "replicas: slowest time until all agree / documented bound (every reload)",
        "agree s",
        "bound s",
        1.0,
        True,
        "",
        "the slowest agreement took {ours:.2f} s against a bound of {base:.2f} s;"
        " {broken_not_kept:.0f} broken edits not kept by every replica; {failures:.0f}"
        " failed requests.",
        ("replicas",),
    ),
)


def key(name: str) -> str:
    """A figure's name as a template field: `first start s` → `first_start_s`."""
    return re.sub(r"\W+", "_", name).strip("_")


def top(pairs: list[list[Any]], total: float | None, n: int = 3) -> str:
    shown = []
    for name, value in pairs[:n]:
        v = float(value)
        leaf = str(name).rsplit(" → ", 1)[-1]
        shown.append(f"`{leaf}` {v:.2f} s ({v / total:.0%})" if total else f"{name} {v:.0%}")
    return ", ".join(shown)


def facts(t: Target, row: Row, smallest: Row, profile: Json) -> dict[str, float | str]:
    f = row.figures
    found: dict[str, float | str] = {key(k): v for k, v in f.items()}
    found["ours"], found["base"] = ratio_parts(t, row, smallest)
    rps = f.get("distinct req/s", 0.0)
    found["connections"] = CONNECTIONS
    found["smallest_rps"] = smallest.figures.get("distinct req/s", 0.0)
    found["queue_ms"] = CONNECTIONS / rps * 1000 if rps else 0.0
    found["wall_ms"] = 1000 / rps if rps else 0.0
    if "plain Starlette req/s" in f and f.get("repeated req/s"):
        found["extra_us"] = 1e6 / f["repeated req/s"] - 1e6 / f["plain Starlette req/s"]
    if "snapshot start s" in f and "snapshot start in-process s" in f:
        found["startup_s"] = f["snapshot start s"] - f["snapshot start in-process s"]
    if "first start s" in f and "first start in-process s" in f:
        found["first_startup_s"] = f["first start s"] - f["first start in-process s"]
    if "ms" in profile:
        found["ms"] = float(profile["ms"])
        found["in_process_rps"] = 1000 / float(profile["ms"])
        found["gap_ms"] = float(found["wall_ms"]) - float(profile["ms"])
    if "layers" in profile:
        found["layers"] = top(profile["layers"], None)
    if "phases" in profile:
        found["phases"] = top(profile["phases"], float(profile["seconds"]))
    return found


def ratio_parts(t: Target, row: Row, smallest: Row) -> tuple[float, float]:
    base = t.base.removeprefix("smallest:")
    baseline = smallest if t.base.startswith("smallest:") else row
    return row.figures[t.ours], baseline.figures[base]


def applies(t: Target, row: Row) -> bool:
    return row.kind in t.kinds and t.ours in row.figures


def met(t: Target, row: Row, smallest: Row) -> bool:
    ours, base = ratio_parts(t, row, smallest)
    ratio = ours / base if base else float("inf")
    return ratio <= t.bound if t.at_most else ratio >= t.bound


def reason(t: Target, row: Row, smallest: Row, profile: Json) -> str:
    """The target's reason filled from the figures; when a figure it cites is missing (its
    profile failed), the two compared figures alone."""
    try:
        return t.why.format_map(facts(t, row, smallest, profile))
    except (KeyError, ValueError):
        ours, base = ratio_parts(t, row, smallest)
        return f"{t.ours} {ours:,.2f} against {t.base} {base:,.2f} (profile missing)."


def take_profile(kind: str, row: Row, seconds: int) -> Json:
    """Profile `kind`'s workload on the row's canon, in a fresh process; {} when it fails."""
    assert row.folder is not None
    cache = str(row.cache) if row.cache is not None else "off"
    module, options = {
        "distinct": ("bench.profile_distinct", ["--folder", str(row.folder)]),
        "serving": ("bench.profile_serving", [str(row.folder), "--seconds", str(seconds)]),
        "first-start": ("bench.profile_start", [str(row.folder)]),
        "snapshot": ("bench.profile_start", [str(row.folder), "--cache", cache]),
        "reload": ("bench.profile_start", [str(row.folder), "--reload"]),
    }[kind]
    with tempfile.TemporaryDirectory(prefix="jobframe-profile-") as tmp:
        out = Path(tmp) / "profile.json"
        run = subprocess.run(
            [PY, "-m", module, *options, "--json", str(out)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "JOBFRAME_CACHE_DIR": cache},
        )
        if run.returncode != 0 or not out.exists():
            print(f"   profile {kind} failed:\n{run.stderr[-2000:]}", flush=True)
            return {}
        found: Json = json.loads(out.read_text("utf-8"))
    shown = " ".join(options).replace(str(row.folder), "CANON")
    shown = shown.replace(str(row.cache), "CACHE") if row.cache is not None else shown
    found["command"] = f"python -m {module} {shown}"
    return found


@dataclass
class Outcome:
    target: Target
    row: Row
    ours: float
    base: float
    met: bool
    reason: str = ""


def evaluate(rows: list[Row], smallest: Row, seconds: int) -> list[Outcome]:
    """Every target on every row it applies to; a missed one is profiled (once per kind and
    row) and given its reason."""
    outcomes = []
    for row in rows:
        for t in TARGETS:
            if not applies(t, row):
                continue
            ours, base = ratio_parts(t, row, smallest)
            outcome = Outcome(t, row, ours, base, met(t, row, smallest))
            if not outcome.met:
                if t.profile and t.profile not in row.taken and row.folder is not None:
                    print(f"   profiling {t.profile} on {row.name}", flush=True)
                    row.taken[t.profile] = take_profile(t.profile, row, seconds)
                profile = row.taken.get(t.profile, {})
                row.profiles[t.name] = profile
                outcome.reason = reason(t, row, smallest, profile)
            outcomes.append(outcome)
    return outcomes


def table(outcomes: list[Outcome]) -> str:
    lines = [
        "| canon (role-levels) | triples | target | ours | baseline | ratio | bound | met |"
        " reason and profile |",
        "|---|---:|---|---:|---:|---:|---:|---|---|",
    ]
    for o in outcomes:
        t = o.target
        ratio = o.ours / o.base if o.base else float("inf")
        bound = f"{'≤' if t.at_most else '≥'} {t.bound:.2f}"
        note = o.reason
        if not o.met and t.profile:
            note += f" [profile](profiles/{t.name}.md)"
        triples = f"{o.row.triples:,}" if o.row.triples else ""
        lines.append(
            f"| {o.row.name} | {triples} | {t.what} | {o.ours:,.2f} | {o.base:,.2f} | {ratio:.2f}"
            f" | {bound} | {'yes' if o.met else '**no**'} | {note} |"
        )
    return "\n".join(lines) + "\n"


def write_profiles(outcomes: list[Outcome]) -> list[Path]:
    """bench/profiles/<target>.md for every target missed in this run: each canon it missed
    on, the reason, the command and the profile. A target's file from an earlier run is
    removed when this run measured it and met it everywhere (the table links no profile)."""
    written = []
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for t in TARGETS:
        missed = [o for o in outcomes if o.target is t and not o.met]
        if not missed and any(o.target is t for o in outcomes):
            (PROFILES / f"{t.name}.md").unlink(missing_ok=True)
        if not missed or not t.profile:
            continue
        parts = [
            f"# Profile: {t.what} (bound {t.bound:g})",
            "",
            f"Written by `bench/run` at {stamp} for every canon on which the target was missed.",
        ]
        for o in missed:
            profile = o.row.profiles.get(t.name, {})
            parts += ["", f"## {o.row.name} role-levels", "", o.reason, ""]
            if profile:
                parts += [
                    f"`{profile['command']}` (CANON: this canon's folder; CACHE: its snapshots)",
                    "",
                    str(profile["markdown"]).rstrip(),
                ]
            else:
                parts.append("(the profile could not be taken; see bench/run's output)")
        path = PROFILES / f"{t.name}.md"
        path.write_text("\n".join(parts) + "\n", "utf-8")
        written.append(path)
    return written
