"""What every benchmark shares: servers started and always stopped, wrk, the frames query and
its raw SPARQL, plain rdflib parsing as a baseline, and a description of this machine."""

from __future__ import annotations

import json
import math
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.generate import LEVELS

Json = dict[str, Any]
"""A JSON object, as a benchmark module's `--json` writes it."""

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_command(canon: Path | str, port: int, *options: str) -> list[str]:
    """`jobframe serve` of this environment on a canon (a folder or a source's URL) and a
    port of 127.0.0.1."""
    return [str(BIN / "jobframe"), "serve", "--canon", str(canon), "--port", str(port), *options]


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


WRK_TIMEOUT = 30
"""Seconds wrk waits for an answer before it counts a socket error."""


def wrk(
    url: str, duration: int, script: Path | None = None, connections: int = CONNECTIONS
) -> tuple[float, float]:
    """(requests/s, p50 latency in ms) from wrk with `connections` over its threads.

    Fails on anything wrk would otherwise count as an answer or silently leave out: a non-2xx/3xx
    status, a socket error (a timed-out request is missing from Requests/sec, not slow in it) and,
    with a `lua_paths` script, a 200 whose body carries GraphQL errors. wrk's timeout is
    WRK_TIMEOUT, not its 2 s: at 64 connections on O*NET an answer waits ~0.5 s in line and a
    few waited over 2 s, which wrk dropped as socket errors although they were answered."""
    cmd = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{duration}s", "--latency"]
    cmd += ["--timeout", f"{WRK_TIMEOUT}s"]
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


def role_names(role: int) -> tuple[str, str]:
    """(family, level code) of the role-level bench/generate.py numbers `role`."""
    fam, (track, rank) = role // len(LEVELS), LEVELS[role % len(LEVELS)]
    return f"Family {fam}", f"{track}{rank}"


def graphql_path(family: str, level: str) -> str:
    """The frames query of a role-level, as a GET path of `jobframe serve`."""
    variables = json.dumps({"f": family, "l": level})
    return "/graphql?" + urllib.parse.urlencode({"query": FRAMES_QUERY, "variables": variables})


def role_iri(role: int) -> str:
    """The IRI bench/generate.py gives the role-level numbered `role`."""
    fam, (track, rank) = role // len(LEVELS), LEVELS[role % len(LEVELS)]
    return f"https://bench.example/canon/role/fam{fam}/{track}{rank}"


def sparql_path(iri: str) -> str:
    """The raw SPARQL of a role-level's four frames, as a GET path of an Oxigraph server."""
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
    return f"{host()}; wrk -t{THREADS} -c{CONNECTIONS} unless said, one uvicorn worker, loopback"


@contextmanager
def oxigraph(folder: Path, store: Path, port: int) -> Iterator[str]:
    """An Oxigraph server answering SPARQL over the vocabulary and a canon folder, on
    127.0.0.1:`port`; yields its URL, then stops it and removes its store."""
    files = [str(ROOT / "ontology" / "jobframe.ttl"), *map(str, sorted(folder.rglob("*.ttl")))]
    subprocess.run(
        [str(BIN / "oxigraph"), "load", "--location", str(store), "--file", *files],
        check=True,
        capture_output=True,
    )
    url = f"http://127.0.0.1:{port}"
    command = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(store)]
    try:
        with server([*command, "--bind", f"127.0.0.1:{port}"], f"{url}/query?query=ASK%7B%7D"):
            yield url
    finally:
        shutil.rmtree(store, ignore_errors=True)
