"""JobFrame benchmarks: every figure next to its baseline, measured side by side in one run.

    bench/run [--sizes 100,1000,10000,100000] [--duration 10] [--hostile-seconds 15]
    bench/run --only-hostile
    bench/run --only-onet
    bench/run --only-diff [--diff-size 100000]
    bench/run --only-replicas [--replicas-seconds 60]

For each canon size (synthetic, generated into a temporary folder): cold start (and a restart
from the compiled-canon snapshot) against plain rdflib parsing, repeated-query throughput against a plain Starlette endpoint returning the
same bytes, distinct-query throughput against an Oxigraph server answering the raw SPARQL of
the same frame inputs, p50 latency against the smallest canon, and resident memory per
million triples against rdflib's in-memory store. Then load with reloads (bench/load.py),
the hostile mix (bench/hostile.py: /healthz and a one-frame query idle and beside costly
requests), the O*NET canon beside a synthetic one (bench/onet.py) and `jobframe diff` on a
generated canon (bench/diff.py), and three replicas reloaded under load (bench/replicas.py).
Prints a table and writes bench/results.md; `--only-hostile`,
`--only-onet`, `--only-diff` and `--only-replicas` run one of those alone and
replace only its section. Every server started here is stopped here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import LEVELS, generate

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BIN = Path(PY).parent
CONNECTIONS = 16
THREADS = 2

FRAMES_QUERY = (
    "query($f: String!, $l: String!) { roleLevel(family: $f, level: $l) { frames { kind title "
    "intro text lines { text template sources { label quote node { id iri } } } } } }"
)

SPARQL = """PREFIX jf: <https://jobframe.example/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT * WHERE {{
  <{role}> jf:family ?fam ; jf:level ?lvl .
  ?fam skos:prefLabel ?famLabel ; jf:function ?fn . ?fn skos:prefLabel ?fnLabel .
  ?lvl skos:notation ?code ; skos:prefLabel ?title .
  {{ ?r jf:roleLevel <{role}> ; a jf:Responsibility ; jf:order ?order ; jf:text ?text ;
       jf:source ?src . ?src skos:prefLabel ?srcLabel }}
  UNION {{ ?r jf:roleLevel <{role}> ; a jf:RubricEntry ; jf:rubricDimension ?rd ; jf:text ?text ;
       jf:source ?src . ?src skos:notation ?srcNotation . ?rd skos:prefLabel ?rdLabel }}
  UNION {{ ?r jf:level ?lvl ; a jf:DimensionStatement ; jf:dimension ?dim ; jf:text ?text .
       ?dim skos:prefLabel ?dimLabel ; skos:notation ?dimNotation ; jf:displayOrder ?o }}
}}"""
"""Everything the four frames of one role-level read, as one SPARQL query."""


@dataclass
class Row:
    size: int
    triples: int = 0
    figures: dict[str, float] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_command(folder: Path, port: int, *options: str) -> list[str]:
    """`jobframe serve` of this environment on a canon folder and a port of 127.0.0.1."""
    return [str(BIN / "jobframe"), "serve", "--canon", str(folder), "--port", str(port), *options]


def percentile_ms(seconds: list[float], q: float) -> float:
    """Nearest-rank percentile of latencies in seconds, in milliseconds (NaN for none)."""
    ordered = sorted(seconds)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else math.nan


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_for(url: str, timeout: float, process: subprocess.Popen[bytes]) -> float:
    """Seconds until `url` answers 200; fails if the process dies first."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextmanager
def server(
    cmd: list[str], url: str, env: dict[str, str] | None = None, timeout: float = 900
) -> Iterator[tuple[subprocess.Popen[bytes], float]]:
    """Start a server, yield it with its time to first answer, always stop it."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}, cwd=ROOT
        )
        try:
            yield process, wait_for(url, timeout, process)
        except RuntimeError:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-3000:])
            raise
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def wrk(url: str, duration: int, script: Path | None = None) -> tuple[float, float]:
    """(requests/s, p50 latency in ms) from wrk.

    Fails on anything wrk would otherwise count as an answer or silently leave out: a non-2xx/3xx
    status, a socket error (a timed-out request is missing from Requests/sec, not slow in it) and,
    with a `lua_paths` script, a 200 whose body carries GraphQL errors."""
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency"]
    if script is not None:
        cmd += ["-s", str(script)]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk saw failed responses:\n{out}")
    refused = re.search(r"Answers with errors: (\d+)", out)
    if refused is not None and int(refused.group(1)):
        raise RuntimeError(f"wrk saw answers carrying errors:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    assert p50 is not None, out
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p50.group(2)]
    return rps, float(p50.group(1)) * scale


LUA_PATHS = """local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end
local paths = {}
for line in io.lines("LISTING") do paths[#paths + 1] = line end
local i = 0
function init(args)
  i = math.floor(id * #paths / THREADS)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = "application/json"})
end
refused = 0
function response(status, headers, body)
  if string.find(body, '"errors":[', 1, true) then refused = refused + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do n = n + thread:get("refused") end
  io.write(string.format("Answers with errors: %d\\n", n))
end
"""
"""wrk's script for `lua_paths`. Each thread starts its own share of the way into the list, so
no two threads ask for the same path at the same moment (each used to start at the first path:
every request was sent twice, once per thread, a hit for any cache keyed on the role-level);
answers whose body carries `"errors":[` (GraphQL errors in a 200) are counted and reported."""


def lua_paths(paths: list[str], folder: Path, name: str) -> Path:
    """A wrk script sending each request to the next path of the list (see LUA_PATHS)."""
    listing = folder / f"{name}.txt"
    listing.write_text("\n".join(paths) + "\n")
    script = folder / f"{name}.lua"
    script.write_text(LUA_PATHS.replace("LISTING", str(listing)).replace("THREADS", str(THREADS)))
    return script


def graphql_path(role: int) -> str:
    fam, (track, rank) = role // len(LEVELS), LEVELS[role % len(LEVELS)]
    variables = json.dumps({"f": f"Family {fam}", "l": f"{track}{rank}"})
    return "/graphql?" + urllib.parse.urlencode({"query": FRAMES_QUERY, "variables": variables})


def sparql_path(role: int) -> str:
    fam, (track, rank) = role // len(LEVELS), LEVELS[role % len(LEVELS)]
    iri = f"https://bench.example/canon/role/fam{fam}/{track}{rank}"
    return "/query?" + urllib.parse.urlencode({"query": SPARQL.format(role=iri)})


def measure_rdflib(folder: Path) -> tuple[float, float, float]:
    """(parse seconds, peak RSS MB, RSS MB held by the parsed graph) of plain rdflib."""
    code = (
        "import sys, time, resource, gc\n"
        "from pathlib import Path\n"
        "import rdflib\n"
        "files = sorted(Path(sys.argv[1]).rglob('*.ttl'))\n"
        "def rss():\n"
        "    return int([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1]) / 1024\n"
        "before = rss(); t = time.monotonic(); g = rdflib.Graph()\n"
        "for f in files: g.parse(f, format='turtle')\n"
        "elapsed = time.monotonic() - t; gc.collect()\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, rss() - before, len(g))\n"
    )
    out = subprocess.run([PY, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    parse, peak, held, _ = out.stdout.split()
    return float(parse), float(peak), float(held)


def bench_size(size: int, work: Path, duration: int, row: Row, sample: int) -> None:
    folder = generate(size, work / f"canon-{size}")
    rng = random.Random(size)
    roles = rng.sample(range(size), min(size, sample))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    serve = serve_command(folder, port)

    parse, rdflib_peak, rdflib_held = measure_rdflib(folder)
    row.figures["rdflib parse s"] = parse
    row.figures["rdflib peak RSS MB"] = rdflib_peak
    row.figures["rdflib graph MB"] = rdflib_held

    cache = {"JOBFRAME_CACHE_DIR": str(work / f"snapshots-{size}")}
    for label in ("cold start", "snapshot start"):
        out = subprocess.run(
            [PY, "-m", "bench.coldstart", str(folder)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, **cache},
        )
        measured = json.loads(out.stdout)
        row.figures[f"{label} peak RSS MB"] = measured["peak_mb"] + measured["children_peak_mb"]
    shutil.rmtree(cache["JOBFRAME_CACHE_DIR"])

    for label in ("cold start s", "snapshot start s"):
        with server(serve, f"{url}/healthz", env=cache) as (process, started):
            row.figures[label] = started
    with server(serve, f"{url}/healthz", env=cache) as (process, started):
        health = json.loads(urllib.request.urlopen(f"{url}/healthz").read())
        row.triples = int(health.get("triples", 0))
        body = urllib.request.urlopen(url + graphql_path(roles[0])).read()
        assert b'"errors"' not in body, body[:500]
        row.figures["repeated req/s"], _ = wrk(url + graphql_path(roles[0]), duration)
        row.figures["serving RSS MB"] = rss_mb(process.pid)

    body_file = work / "body.json"
    body_file.write_bytes(body)
    with server(
        [
            str(BIN / "uvicorn"),
            "bench.plain_server:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        f"{url}/graphql",
        env={"BENCH_BODY": str(body_file)},
    ):
        row.figures["plain Starlette req/s"], _ = wrk(f"{url}/graphql", duration)

    script = lua_paths([graphql_path(r) for r in roles], work, f"graphql-{size}")
    with server([*serve, "--response-cache-mb", "0"], f"{url}/healthz", env=cache):
        row.figures["distinct req/s"], row.figures["distinct p50 ms"] = wrk(url, duration, script)

    store = work / f"oxigraph-{size}"
    files = [
        str(ROOT / "ontology" / "jobframe.ttl"),
        *(str(p) for p in sorted(folder.rglob("*.ttl"))),
    ]
    subprocess.run(
        [str(BIN / "oxigraph"), "load", "--location", str(store), "--file", *files],
        check=True,
        capture_output=True,
    )
    script = lua_paths([sparql_path(r) for r in roles], work, f"sparql-{size}")
    with server(
        [
            str(BIN / "oxigraph"),
            "serve-read-only",
            "--location",
            str(store),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        f"{url}/query?query=ASK%7B%7D",
    ):
        row.figures["Oxigraph SPARQL req/s"], _ = wrk(url, duration, script)
    shutil.rmtree(store)
    shutil.rmtree(folder)


def host() -> str:
    """This machine: cores, CPU, memory, Python and OS."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    memory = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "0",
    )
    return (
        f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {int(memory) // 1024 // 1024} GiB, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )


def machine() -> str:
    return f"{host()}; wrk -t{THREADS} -c{CONNECTIONS}, one uvicorn worker, loopback"


COMPARISONS = (
    # (what, our figure, its baseline, target ratio, "max" or "min")
    ("cold start s / rdflib parse s", "cold start s", "rdflib parse s", 0.10, "max"),
    (
        "cold start peak RSS (incl. checking child) / rdflib peak RSS",
        "cold start peak RSS MB",
        "rdflib peak RSS MB",
        1 / 3,
        "max",
    ),
    ("snapshot start s / rdflib parse s", "snapshot start s", "rdflib parse s", 0.10, "max"),
    (
        "snapshot start peak RSS / rdflib peak RSS",
        "snapshot start peak RSS MB",
        "rdflib peak RSS MB",
        1 / 3,
        "max",
    ),
    (
        "repeated req/s / plain Starlette req/s",
        "repeated req/s",
        "plain Starlette req/s",
        0.50,
        "min",
    ),
    (
        "distinct req/s / Oxigraph SPARQL req/s",
        "distinct req/s",
        "Oxigraph SPARQL req/s",
        1.0,
        "min",
    ),
    ("serving RSS / rdflib graph RSS", "serving RSS MB", "rdflib graph MB", 1 / 3, "max"),
)


def ratios(row: Row, smallest: Row) -> list[tuple[str, float, float, float, float, bool]]:
    """(what, ours, baseline, ratio, target, met) for every comparison of a size."""
    f = row.figures
    out = []
    for what, ours, base, target, sense in COMPARISONS:
        ratio = f[ours] / f[base]
        met = ratio <= target if sense == "max" else ratio >= target
        out.append((what, f[ours], f[base], ratio, target, met))
    p50, p50_small = f["distinct p50 ms"], smallest.figures["distinct p50 ms"]
    out.append(
        (
            "p50 ms / p50 ms at the smallest size",
            p50,
            p50_small,
            p50 / p50_small,
            1.2,
            p50 / p50_small <= 1.2,
        )
    )
    return out


def report(rows: list[Row], duration: int, load_before: tuple[float, float, float]) -> str:
    """The table of bench/results.md; the load averages before and after the run say whether
    other work shared the machine (figures from a busy machine read low)."""
    lines = [
        "# JobFrame benchmark results",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}.",
        f"{duration} s per load test. Every ratio compares two figures measured in this run.",
        "Load average (1, 5, 15 min) before / after: "
        f"{' '.join(f'{x:.2f}' for x in load_before)} / "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
        "| role-levels | triples | comparison | ours | baseline | ratio | target | met |",
        "|---:|---:|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        for what, ours, base, ratio, target, met in ratios(row, rows[0]):
            lines.append(
                f"| {row.size:,} | {row.triples:,} | {what} | {ours:,.2f} | {base:,.2f} "
                f"| {ratio:.2f} | {target:.2f} | {'yes' if met else 'NO'} |"
            )
    lines += ["", "Memory per million triples (MB):", ""]
    for row in rows:
        per = 1e6 / max(row.triples, 1)
        lines.append(
            f"- {row.size:,} role-levels: serving {row.figures['serving RSS MB'] * per:,.0f}, "
            f"rdflib graph {row.figures['rdflib graph MB'] * per:,.0f}"
        )
    return "\n".join(lines) + "\n"


HOSTILE_HEADING = "## Hostile mix (bench/hostile.py)"


def _bench_output(module: str, *arguments: str) -> str:
    """What a benchmark module run in its own process prints (its own interpreter state)."""
    run = subprocess.run(
        [PY, "-m", module, *arguments], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return run.stdout


def hostile_section(seconds: int) -> str:
    """The hostile mix on 1,000 role-levels, as a section of bench/results.md."""
    out = _bench_output("bench.hostile", "--seconds", str(seconds))
    return (
        f"{HOSTILE_HEADING}\n\nRun {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
        f"{host()}: `python -m bench.hostile --seconds {seconds}`. Cheap probes (`GET /healthz`"
        " and a one-frame query) first idle, then beside hostile clients looping on the costly"
        " requests of issue 11 (§1, §5); the ratio is the figure under the hostile mix over the"
        " idle one, both measured in this run.\n\n" + out
    )


REPLICAS_HEADING = "## Replicas agree (bench/replicas.py)"


def replicas_section(seconds: int) -> str:
    """Three replicas reloaded under load, as a section of bench/results.md."""
    out = _bench_output("bench.replicas", "--seconds", str(seconds))
    return (
        f"{REPLICAS_HEADING}\n\nRun {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
        f"{host()}: `python -m bench.replicas --seconds {seconds}`. Three `jobframe serve`"
        " processes on one canon of 1,000 role-levels (`--sync-interval 2`), 24 clients over"
        " all three; every 10 s a file is edited, alternately well and broken, and one replica"
        " in turn is reloaded with `POST /admin/reload`; the others follow the source. Failures"
        " target 0; all replicas must agree within the bound after every good edit and keep"
        " the last good canon after every broken one.\n\n```\n" + out + "```\n"
    )


ONET_HEADING = "## O*NET canon (bench/onet.py)"


def onet_section(duration: int) -> str:
    """The O*NET canon beside a synthetic one of as many role-levels, as a section of
    bench/results.md."""
    out = _bench_output("bench.onet", "--duration", str(duration))
    return (
        f"{ONET_HEADING}\n\nThe O*NET 26.3 release imported (`jobframe import --from onet`) and"
        " served, beside a synthetic canon of as many role-levels; the ratio is O*NET over"
        " synthetic, both measured in this run.\n\n" + out
    )


DIFF_HEADING = "## Canon diff (bench/diff.py)"


def diff_section(size: int) -> str:
    """`jobframe diff` on a generated canon, as a section of bench/results.md."""
    out = _bench_output("bench.diff", "--size", str(size))
    return (
        f"{DIFF_HEADING}\n\nA generated canon against two edited copies: one responsibility's"
        " text (a one-line edit), and the M3 level's Scope statement (quoted by every role-level"
        " at M3). Loading is what `jobframe diff` does for each canon (read, check, compile);"
        " *compare* is `compare_canons` beyond loading: nodes by IRI, the dependency graph,"
        " and rendering and diffing the frames of the role-levels reached; *Markdown* writes"
        " the pull-request comment.\n\n" + out
    )


def with_section(text: str, heading: str, section: str) -> str:
    """`text` with the section under `heading` replaced by `section` (appended if absent)."""
    start = text.find(heading)
    if start < 0:
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + len(heading))
    rest = "\n" + text[end + 1 :] if end >= 0 else ""
    return text[:start] + section.rstrip("\n") + "\n" + rest


@dataclass(frozen=True)
class Section:
    """A benchmark that writes its own section of bench/results.md: `--only-<flag>` runs it
    alone and replaces that section; `--<option>` (0 skips) sizes it in a full run."""

    flag: str
    title: str
    heading: str
    run: Callable[[int], str]
    option: str


SECTIONS = (
    Section("hostile", "hostile mix", HOSTILE_HEADING, hostile_section, "hostile_seconds"),
    Section("onet", "O*NET canon", ONET_HEADING, onet_section, "onet_duration"),
    Section("diff", "canon diff", DIFF_HEADING, diff_section, "diff_size"),
    Section("replicas", "replicas", REPLICAS_HEADING, replicas_section, "replicas_seconds"),
)
"""In the order a full run appends them."""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--duration", type=int, default=10, help="seconds per load test")
    parser.add_argument("--sample", type=int, default=1000, help="role-levels cycled through")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument(
        "--load-seconds",
        type=int,
        default=60,
        help="load-with-reloads run (bench/load.py); 0 skips",
    )
    parser.add_argument(
        "--hostile-seconds",
        type=int,
        default=15,
        help="each phase of the hostile mix (bench/hostile.py); 0 skips",
    )
    parser.add_argument(
        "--only-hostile",
        action="store_true",
        help="run only the hostile mix and replace its section of --output",
    )
    parser.add_argument(
        "--onet-duration",
        type=int,
        default=10,
        help="seconds per load test of the O*NET canon (bench/onet.py); 0 skips",
    )
    parser.add_argument(
        "--diff-size",
        type=int,
        default=100_000,
        help="role-levels of the canon `jobframe diff` is measured on (bench/diff.py); 0 skips",
    )
    parser.add_argument(
        "--only-diff",
        action="store_true",
        help="run only the diff benchmark and replace its section of --output",
    )
    parser.add_argument(
        "--only-onet",
        action="store_true",
        help="run only the O*NET canon's benchmark and replace its section of --output",
    )
    parser.add_argument(
        "--replicas-seconds",
        type=int,
        default=60,
        help="three replicas reloaded under load (bench/replicas.py); 0 skips",
    )
    parser.add_argument(
        "--only-replicas",
        action="store_true",
        help="run only the three-replica scenario and replace its section of --output",
    )
    args = parser.parse_args()
    for only in SECTIONS:
        if getattr(args, f"only_{only.flag}"):
            print(f"== {only.title}", flush=True)
            # `--only-x` with its option at 0 (which skips it in a full run) runs the default
            section = only.run(getattr(args, only.option) or parser.get_default(only.option))
            previous = args.output.read_text("utf-8") if args.output.exists() else ""
            args.output.write_text(with_section(previous, only.heading, section), "utf-8")
            print(section)
            return
    rows = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="jobframe-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"== {size:,} role-levels", flush=True)
            row = Row(size)
            bench_size(size, Path(tmp), args.duration, row, args.sample)
            for name, value in row.figures.items():
                print(f"   {name:28} {value:12.2f}", flush=True)
            rows.append(row)
    text = report(rows, args.duration, load_before)
    if args.load_seconds:
        print("== load with reloads", flush=True)
        load = _bench_output("bench.load", "--seconds", str(args.load_seconds))
        text += (
            "\n## Load with reloads (bench/load.py)\n\n64 clients mixing frame queries, node "
            f"lookups and lineage queries for {args.load_seconds} s on 1,000 role-levels, the "
            "canon reloaded every 10 s alternately with a good and a broken edit:\n\n```\n"
            + load
            + "```\n"
        )
    for each in SECTIONS:
        if getattr(args, each.option):
            print(f"== {each.title}", flush=True)
            text += "\n" + each.run(getattr(args, each.option))
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
