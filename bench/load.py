"""Load with reloads: 64 concurrent clients for 60 s mixing frame queries, node lookups and
lineage queries, while the canon is reloaded every 10 s, alternately with a good and a
broken edit.

    python -m bench.load [--clients 64] [--seconds 60] [--size 1000]

Reports requests served, failures, p50/p99 latency and resident memory after the run
against after warm-up; checks that no response mixes two canon versions (each response
carries the canon version and the text of the role-level that every good edit changes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx2

from bench.generate import LEVELS, generate
from bench.harness import free_port, percentile_ms, rss_mb, serve_command, server

TOKEN = "bench-admin-token"
WARM_UP_SECONDS = 10
"""The same load, without reloads, before memory is first read: caches reach steady state."""
EDITED = "role-levels/part0000.ttl"
MARK = "Responsibility 1 of family 0 at M1"
ORIGINAL = f"{MARK}, with “quotes” — and dashes"
"""The responsibility every good edit rewrites (as `MARK (edit n)`), as generated."""
BROKEN = "\n<broken"

FRAME = """query($f: String!, $l: String!) { canon { version }
  roleLevel(family: $f, level: $l) { frames { kind text lines { sources { quote node { id } } } } } }"""
WATCHED = """query { canon { version } roleLevel(family: "Family 0", level: "M1") {
  frame(kind: SMART) { text } } }"""
NODE = "query($id: ID!) { canon { version } node(id: $id) { id ... on CanonNode { label } } }"
LINEAGE = "query($id: ID!) { canon { version } lineage(id: $id) { label } }"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    observed: list[tuple[str, str]] = field(default_factory=list)
    """(canon version, watched frame text) of each watched response."""
    expected: dict[str, str] = field(default_factory=dict)
    """Canon version -> the responsibility text its watched frame must quote."""


def role_variables(rng: random.Random, size: int) -> dict[str, str]:
    role = rng.randrange(size)
    track, rank = LEVELS[role % len(LEVELS)]
    return {"f": f"Family {role // len(LEVELS)}", "l": f"{track}{rank}"}


async def client(url: str, size: int, ids: list[str], stop: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    async with httpx2.AsyncClient(timeout=30) as http:
        while time.monotonic() < stop:
            kind = rng.random()
            payload: dict[str, object]
            if kind < 0.25:
                payload = {"query": WATCHED}
            elif kind < 0.6:
                payload = {"query": FRAME, "variables": role_variables(rng, size)}
            elif kind < 0.8:
                payload = {"query": NODE, "variables": {"id": rng.choice(ids)}}
            else:
                payload = {"query": LINEAGE, "variables": {"id": rng.choice(ids)}}
            start = time.perf_counter()
            try:
                response = await http.post(f"{url}/graphql", json=payload)
            except httpx2.HTTPError as error:
                tally.failures.append(f"transport: {error!r}")
                continue
            tally.latencies.append(time.perf_counter() - start)
            body = response.json() if response.status_code == 200 else {}
            if response.status_code != 200 or body.get("errors"):
                tally.failures.append(f"{response.status_code}: {str(body)[:200]}")
                continue
            if payload["query"] is WATCHED:
                version = body["data"]["canon"]["version"]
                text = body["data"]["roleLevel"]["frame"]["text"]
                tally.observed.append((version, text))


def edit(folder: Path, n: int, good: bool) -> str:
    """Rewrite the watched responsibility; a broken edit also leaves a syntax error."""
    path = folder / EDITED
    text = path.read_text("utf-8").replace(BROKEN, "")
    start = text.index(MARK)
    end = text.index('"', start)
    marker = f"{MARK} (edit {n})"
    text = text[:start] + marker + text[end:]
    path.write_text(text if good else text + BROKEN, encoding="utf-8")
    return marker


async def reloader(url: str, folder: Path, stop: float, tally: Tally, every: float) -> list[str]:
    log = []
    n = 0
    async with httpx2.AsyncClient(timeout=120) as http:
        while time.monotonic() + every < stop:
            await asyncio.sleep(every)
            n += 1
            good = n % 2 == 1
            marker = edit(folder, n, good)
            response = await http.post(
                f"{url}/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}
            )
            body = response.json()
            if good and response.status_code == 200:
                tally.expected[body["version"]] = marker
            log.append(f"reload {n} ({'good' if good else 'broken'} edit): {response.status_code}")
    return log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--every", type=float, default=10.0)
    parser.add_argument("--response-cache-mb", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jobframe-load-") as tmp:
        folder = generate(args.size, Path(tmp) / "canon")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = {
            "JOBFRAME_ADMIN_TOKEN": TOKEN,
            "JOBFRAME_CACHE_DIR": "off",
            "JOBFRAME_RESPONSE_CACHE_MB": str(args.response_cache_mb),
        }
        cmd = serve_command(folder, port)
        with server(cmd, f"{url}/healthz", env=env) as (process, _):
            ids = json.loads(
                httpx2.post(
                    f"{url}/graphql",
                    json={
                        "query": "{ roleLevels(first: 100) { nodes { id responsibilities { id } } } }"
                    },
                ).text
            )["data"]["roleLevels"]["nodes"]
            node_ids = [r["id"] for r in ids] + [
                x["id"] for r in ids for x in r["responsibilities"]
            ]
            first = httpx2.post(f"{url}/graphql", json={"query": WATCHED}).json()["data"]
            tally = Tally(expected={first["canon"]["version"]: ORIGINAL})

            async def run() -> list[str]:
                warm_stop = time.monotonic() + WARM_UP_SECONDS
                await asyncio.gather(
                    *(
                        client(url, args.size, node_ids, warm_stop, Tally(), i)
                        for i in range(args.clients)
                    )
                )
                warm = rss_mb(process.pid)
                stop = time.monotonic() + args.seconds
                log, _ = await asyncio.gather(
                    reloader(url, folder, stop, tally, args.every),
                    asyncio.gather(
                        *(
                            client(url, args.size, node_ids, stop, tally, 1000 + i)
                            for i in range(args.clients)
                        )
                    ),
                )
                after = rss_mb(process.pid)
                log.append(
                    f"RSS after warm-up {warm:.0f} MB, after the run {after:.0f} MB ({after / warm - 1:+.1%})"
                )
                return log

            log = asyncio.run(run())
    mixed = sum(
        1
        for version, text in tally.observed
        if f'Deliver: "{tally.expected.get(version, "?")}"' not in text
    )
    latencies = tally.latencies
    print("\n".join(log))
    print(
        f"{len(latencies)} requests served in {args.seconds} s by {args.clients} clients, "
        f"{len(tally.failures)} failures, {mixed} of {len(tally.observed)} checked responses "
        "mixing canon versions; "
        f"p50 {percentile_ms(latencies, 0.5):.1f} ms, p99 {percentile_ms(latencies, 0.99):.1f} ms, mean {statistics.fmean(latencies) * 1000:.1f} ms"
    )
    for failure in tally.failures[:5]:
        print("  failure:", failure)


if __name__ == "__main__":
    main()
