"""Every figure of one canon size, each next to its baseline, measured side by side.

For a synthetic canon (bench/generate.py) of a number of role-levels: plain rdflib parsing;
the first start of a never-seen canon and a restart from its snapshot (time until `jobframe
serve` answers, and each one's peak memory, bench/coldstart.py); a reload after a one-file
edit, as a maintainer triggers it (`POST /admin/reload`), timed until the served canon
version changes; repeated-query throughput against plain Starlette returning the same
bytes; distinct-query throughput at 8, 16 and 64 connections (response cache off) against
an Oxigraph server answering the raw SPARQL of the same inputs. Every server started here is
stopped here.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import generate
from bench.harness import (
    BIN,
    CONNECTIONS,
    PY,
    ROOT,
    Json,
    free_port,
    graphql_path,
    lua_paths,
    measure_rdflib,
    oxigraph,
    role_iri,
    role_names,
    rss_mb,
    serve_command,
    server,
    sparql_path,
    wrk,
)
from bench.load import TOKEN, edit

SCALING = (8, 64)
"""Connection counts whose distinct-query throughput is compared with that at 8 (and 16,
the count of every other wrk figure)."""


@dataclass
class Row:
    """One canon's figures, by name; `folder` and `cache` stay until the canon's profiles
    are taken."""

    name: str
    kind: str = "synthetic"
    """synthetic, onet or replicas: which targets apply (`targets.Target.kinds`)."""
    triples: int = 0
    figures: dict[str, float] = field(default_factory=dict)
    folder: Path | None = None
    cache: Path | None = None
    taken: dict[str, Json] = field(default_factory=dict)
    """Profiles taken of this canon, by workload (bench/targets.py)."""
    profiles: dict[str, Json] = field(default_factory=dict)
    """The profile explaining each target missed on this canon, by target name."""


def version(url: str) -> str:
    with urllib.request.urlopen(f"{url}/healthz", timeout=30) as response:
        return str(json.loads(response.read())["version"])


def reload_seconds(url: str, folder: Path) -> tuple[float, float]:
    """Edit one text literal of one file and `POST /admin/reload`: (seconds until the served
    canon version changes, seconds the POST took)."""
    before = version(url)
    edit(folder, 1, good=True)
    answer: Json = {}

    def post() -> None:
        request = urllib.request.Request(
            f"{url}/admin/reload", method="POST", headers={"Authorization": f"Bearer {TOKEN}"}
        )
        start = time.monotonic()
        with urllib.request.urlopen(request, timeout=3600) as response:
            answer["status"] = response.status
        answer["took"] = time.monotonic() - start

    start = time.monotonic()
    poster = threading.Thread(target=post)
    poster.start()
    while version(url) == before:
        if not poster.is_alive() and version(url) == before:
            raise RuntimeError(f"the reload left the version unchanged: {answer}")
        time.sleep(0.05)
    changed = time.monotonic() - start
    poster.join()
    assert answer.get("status") == 200, answer
    return changed, float(answer["took"])


def starts(folder: Path, work: Path, port: int, row: Row) -> None:
    """Peak memory of both starts (in-process), then the time until `jobframe serve` answers
    on a never-seen copy, a reload of that copy after a one-file edit, and a snapshot start."""
    assert row.cache is not None
    cache = {"JOBFRAME_CACHE_DIR": str(row.cache)}
    for label in ("first start", "snapshot start"):
        out = subprocess.run(
            [PY, "-m", "bench.coldstart", str(folder)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, **cache},
        )
        measured = json.loads(out.stdout)
        row.figures[f"{label} in-process s"] = measured["seconds"]
        row.figures[f"{label} serving peak RSS MB"] = measured["peak_mb"]
        row.figures[f"{label} checking peak RSS MB"] = measured["children_peak_mb"]
        row.figures[f"{label} peak RSS MB"] = measured["peak_mb"] + measured["children_peak_mb"]
    copy = shutil.copytree(folder, work / f"{folder.name}-edited")
    url = f"http://127.0.0.1:{port}"
    env = {"JOBFRAME_CACHE_DIR": str(work / "never-seen"), "JOBFRAME_ADMIN_TOKEN": TOKEN}
    env["JOBFRAME_SYNC_INTERVAL"] = "0"  # only the admin reload reloads
    with server(serve_command(copy, port), f"{url}/healthz", env=env) as (_, started):
        row.figures["first start s"] = started
        row.figures["reload s"], row.figures["reload POST s"] = reload_seconds(url, copy)
    shutil.rmtree(copy)
    shutil.rmtree(env["JOBFRAME_CACHE_DIR"], ignore_errors=True)
    with server(serve_command(folder, port), f"{url}/healthz", env=cache) as (_, started):
        row.figures["snapshot start s"] = started


def distinct(
    command: list[str],
    env: dict[str, str],
    paths: list[str],
    work: Path,
    row: Row,
    duration: int,
    scaling: tuple[int, ...] = SCALING,
) -> None:
    """Distinct-query throughput and p50 at 16 connections and at each of `scaling`."""
    port = int(command[command.index("--port") + 1])
    url = f"http://127.0.0.1:{port}"
    script = lua_paths(paths, work, f"graphql-{row.name}")
    with server([*command, "--response-cache-mb", "0"], f"{url}/healthz", env=env):
        body = urllib.request.urlopen(url + paths[0]).read()
        assert b'"errors"' not in body, body[:500]
        for connections in (CONNECTIONS, *scaling):
            rps, p50 = wrk(url, duration, script, connections)
            suffix = "" if connections == CONNECTIONS else f" at {connections}"
            row.figures[f"distinct req/s{suffix}"] = rps
            row.figures[f"distinct p50 ms{suffix}"] = p50


CORES = os.cpu_count() or 1


def per_core(
    command: list[str], env: dict[str, str], paths: list[str], work: Path, row: Row, duration: int
) -> None:
    """Distinct-query throughput with a worker process per core (`serve --workers`), as
    Oxigraph answers with a thread per core: the figure beside the one-process one."""
    port = int(command[command.index("--port") + 1])
    url = f"http://127.0.0.1:{port}"
    script = lua_paths(paths, work, f"graphql-{row.name}-workers")
    workers = [*command, "--response-cache-mb", "0", "--workers", str(CORES)]
    with server(workers, f"{url}/healthz", env=env):
        wrk(url, 10, script)  # until every worker has restored the canon and answers
        row.figures["distinct req/s, a worker per core"], _ = wrk(url, duration, script)


def sparql(folder: Path, iris: list[str], work: Path, port: int, row: Row, duration: int) -> None:
    """Oxigraph answering the raw SPARQL of the same role-levels, at 16 connections."""
    script = lua_paths([sparql_path(iri) for iri in iris], work, f"sparql-{row.name}")
    with oxigraph(folder, work / f"oxigraph-{row.name}", port) as url:
        row.figures["Oxigraph SPARQL req/s"], _ = wrk(url, duration, script)


def measure(size: int, work: Path, duration: int, sample: int) -> Row:
    """Every figure of a synthetic canon of `size` role-levels; its folder and snapshot
    cache are kept for profiling (the caller removes `work`)."""
    folder = generate(size, work / f"canon-{size}")
    row = Row(f"{size:,}", folder=folder, cache=work / f"snapshots-{size}")
    roles = random.Random(size).sample(range(size), min(size, sample))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    parse, peak, held = measure_rdflib(folder)
    row.figures |= {"rdflib parse s": parse, "rdflib peak RSS MB": peak, "rdflib graph MB": held}
    starts(folder, work, port, row)
    command = serve_command(folder, port)
    cache = {"JOBFRAME_CACHE_DIR": str(row.cache)}
    repeated = graphql_path(*role_names(roles[0]))
    with server(command, f"{url}/healthz", env=cache) as (process, _):
        health = json.loads(urllib.request.urlopen(f"{url}/healthz").read())
        row.triples = int(health.get("triples", 0))
        body = urllib.request.urlopen(url + repeated).read()
        assert b'"errors"' not in body, body[:500]
        row.figures["repeated req/s"], _ = wrk(url + repeated, duration)
        row.figures["serving RSS MB"] = rss_mb(process.pid)
    body_file = work / "body.json"
    body_file.write_bytes(body)
    plain = [str(BIN / "uvicorn"), "bench.plain_server:app", "--port", str(port)]
    with server(
        [*plain, "--log-level", "warning"], f"{url}/graphql", {"BENCH_BODY": str(body_file)}
    ):
        row.figures["plain Starlette req/s"], _ = wrk(f"{url}/graphql", duration)
    paths = [graphql_path(*role_names(r)) for r in roles]
    distinct(command, cache, paths, work, row, duration)
    per_core(command, cache, paths, work, row, duration)
    sparql(folder, [role_iri(r) for r in roles], work, port, row, duration)
    return row
