"""Three replicas under load, reloaded on one: failures, and the time until all agree.

    python -m bench.replicas [--seconds 60] [--size 1000] [--every 10] [--sync-interval 2]
                             [--json OUT]

Three `jobframe serve` processes on one generated canon folder (sharing the snapshot cache,
as replicas on one host would), clients spread over all three for `--seconds`. Every
`--every` seconds a file is edited, alternately well and broken, and `POST /admin/reload`
sent to one replica in turn; then every replica's `/healthz` is polled until all serve the
new version (a good edit) or, for a broken edit, checked to stay on the last good one for two
sync intervals. Reports failed requests (target 0) and the seconds until all replicas agree
after each good edit, against the documented bound: one sync interval plus a reload (the
admin reload's own duration, measured each time). `--json` also writes the verdict for
bench/run's targets table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx2

from bench.generate import generate
from bench.harness import free_port, serve_command, server
from bench.load import TOKEN, WATCHED, edit, role_variables

REPLICAS = 3
CLIENTS = 24
FRAME = """query($f: String!, $l: String!) { canon { version }
  roleLevel(family: $f, level: $l) { frame(kind: SMART) { text } } }"""


async def client(urls: list[str], size: int, stop: float, failures: list[str], seed: int) -> int:
    """Frame queries to the replicas in turn until `stop`; the number answered."""
    rng = random.Random(seed)
    answered = 0
    async with httpx2.AsyncClient(timeout=30) as http:
        while time.monotonic() < stop:
            url = urls[answered % len(urls)]
            payload = {"query": FRAME, "variables": role_variables(rng, size)}
            try:
                response = await http.post(f"{url}/graphql", json=payload)
            except httpx2.HTTPError as error:
                failures.append(f"transport: {error!r}")
                continue
            answered += 1
            if response.status_code != 200 or "errors" in response.json():
                failures.append(f"{response.status_code}: {response.text[:200]}")
    return answered


async def versions(http: httpx2.AsyncClient, urls: list[str]) -> list[str]:
    answers = await asyncio.gather(*(http.get(f"{url}/healthz") for url in urls))
    return [a.headers["JobFrame-Canon-Version"] for a in answers]


async def reloader(
    urls: list[str], folder: Path, stop: float, every: float, interval: float, log: list[str]
) -> list[tuple[float, float]]:
    """Edit and reload one replica in turn; (seconds until all agree, the bound) after each
    good edit, and (inf, bound) for a broken edit not kept by every replica."""
    agreed: list[tuple[float, float]] = []
    n = 0
    async with httpx2.AsyncClient(timeout=120) as http:
        last_good = (await versions(http, urls))[0]
        while time.monotonic() + every < stop:
            await asyncio.sleep(every)
            n += 1
            good = n % 2 == 1
            edit(folder, n, good)
            start = time.monotonic()
            target = urls[n % len(urls)]
            answer = await http.post(
                f"{target}/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}
            )
            took = time.monotonic() - start
            if good:
                last_good = answer.json()["version"]
                while set(await versions(http, urls)) != {last_good}:
                    await asyncio.sleep(0.02)
                agreed.append((time.monotonic() - start, interval + took))
                log.append(
                    f"reload {n} (good edit): the admin reload took {took:.2f} s; "
                    f"all {len(urls)} replicas agree in {agreed[-1][0]:.2f} s "
                    f"(bound {interval + took:.2f} s)"
                )
            else:
                await asyncio.sleep(2 * interval)
                seen = await versions(http, urls)
                kept = seen == [last_good] * len(urls)
                log.append(
                    f"reload {n} (broken edit): {answer.status_code}; "
                    f"{'all keep' if kept else 'NOT all keep'} the last good canon"
                )
                if not kept:
                    agreed.append((float("inf"), interval + took))
    return agreed


@dataclass(frozen=True)
class Verdict:
    """All agreed within the bound after every reload: the slowest against its bound."""

    agree_s: float
    bound_s: float
    broken_not_kept: int
    failures: int
    reloads: int


def run(seconds: int, size: int, every: float, interval: float) -> tuple[str, Verdict]:
    """The scenario's report, as text, and its verdict."""
    with tempfile.TemporaryDirectory(prefix="jobframe-replicas-") as tmp:
        folder = generate(size, Path(tmp) / "canon")
        env = {
            "JOBFRAME_ADMIN_TOKEN": TOKEN,
            "JOBFRAME_CACHE_DIR": str(Path(tmp) / "cache"),
            "JOBFRAME_SYNC_INTERVAL": str(interval),
        }
        urls = []
        with ExitStack() as stack:
            for _ in range(REPLICAS):
                port = free_port()
                url = f"http://127.0.0.1:{port}"
                stack.enter_context(server(serve_command(folder, port), f"{url}/healthz", env))
                urls.append(url)
            httpx2.post(f"{urls[0]}/graphql", json={"query": WATCHED})
            failures: list[str] = []
            log: list[str] = []

            async def scenario() -> tuple[list[tuple[float, float]], list[int]]:
                stop = time.monotonic() + seconds
                clients = asyncio.gather(
                    *(client(urls, size, stop, failures, i) for i in range(CLIENTS))
                )
                agreed = await reloader(urls, folder, stop, every, interval, log)
                return agreed, list(await clients)

            agreed, answered = asyncio.run(scenario())
    good = [a for a, _ in agreed if a != float("inf")]
    bound = f"bound: --sync-interval {interval:g} s plus one reload"
    lines = [
        *log,
        f"{sum(answered)} requests served in {seconds} s by {CLIENTS} clients over "
        f"{REPLICAS} replicas of {size:,} role-levels, {len(failures)} failures (target 0)",
        f"time until all replicas agree after a good edit: max {max(good, default=0):.2f} s, "
        f"mean {statistics.fmean(good) if good else 0:.2f} s over {len(good)} reloads ({bound}); "
        f"{len(agreed) - len(good)} broken edits not kept by every replica",
    ]
    lines += [f"  failure: {f}" for f in failures[:5]]
    worst = max(agreed, key=lambda ab: ab[0] / ab[1], default=(0.0, 1.0))
    verdict = Verdict(*worst, len(agreed) - len(good), len(failures), len(good))
    return "\n".join(lines) + "\n", verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--every", type=float, default=10.0)
    parser.add_argument("--sync-interval", type=float, default=2.0)
    parser.add_argument("--json", type=Path, help="also write the verdict here")
    args = parser.parse_args()
    text, verdict = run(args.seconds, args.size, args.every, args.sync_interval)
    if args.json:
        args.json.write_text(json.dumps(asdict(verdict)), "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
