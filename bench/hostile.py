"""Cheap requests stay cheap: /healthz and a one-frame query, idle and beside hostile requests.

    python -m bench.hostile [--size 1000] [--seconds 15] [--clients 4] [--interval 0.02]
                            [--response-cache-mb 0] [--workers 1]

One `jobframe serve` with the default limits on a generated canon, its response cache off so
that every request executes. Phase A, idle: cheap probes, clients each sending `GET /healthz`
or a one-frame query (a random role-level) every `interval` seconds. Phase B: the same probes
while hostile clients loop on the requests of issue 11: the costly query (refused by its
estimated cost), the heaviest query the cost limit admits, node-page misses of 2,000
characters, a GET for HTML with 20 admitted aliases, a search of 45,000 words, and those of
issue 20: a fragment bomb (21 fragments each spreading the next twice), the costly query
beside a connection asking `first: -1000000`, the HTML page of a level that every
role-level at it quotes, and admin reloads from a SPARQL endpoint that dribbles. The canon
is served from a real Oxigraph store through a forwarding endpoint (`bench/endpoints.py`),
which, for phase B, answers one byte every half second instead: every admin reload and
every sync of the version waits for its bound (`--sparql-seconds 5`, so that the loop
repeats; the default is 120 s) while holding the reload lock. The hostile
clients run in a process of their own, so that parsing their answers never delays a probe.
Prints each probe's p50 and p99 in both phases and their ratio, and each hostile request's
outcomes; every figure comes from this one run.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path

import httpx2
import orjson

from bench.endpoints import turning_endpoint
from bench.generate import generate
from bench.harness import (
    free_port,
    oxigraph,
    percentile_ms,
    role_names,
    serve_command,
    server,
)

ISSUE_QUERY = (
    "{ functions(first: 100) { edges { node { families { nodes { roleLevels { nodes { frames {"
    " lines { text sources { quote node { iri } } } } } } } } } } } }"
)
"""The costly query of issue 11, verbatim."""
ONE_FRAME = (
    "query($f: String!, $l: String!) { roleLevel(family: $f, level: $l) {"
    " frame(kind: SMART) { text } } }"
)
HEAVY_SHAPES = (
    "roleLevels(first: {n}) {{ nodes {{ frames {{ rdf }} }} }}",
    "roleLevels(first: {n}) {{ nodes {{ frames {{ lines {{ text sources {{ quote node {{ iri }} }}"
    " }} }} }} }}",
)
"""Candidates for the heaviest admitted query: each at the largest page the cost limit admits,
the slower of the two is used."""
ALIASED = (
    'roleLevel(family: "{f}", level: "{l}") {{ frames {{ text lines {{ text sources {{ quote }} }}'
    " }} }}"
)
"""One of the 20 aliases of the GET for HTML: 20 of them are just under the default limit."""
ALIASES = 20
SEARCH_WORDS = 45_000
BOMB = (
    "{ ...F0 } "
    + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(21))
    + " fragment F21 on Query { dimensions { label } }"
)
"""The fragment bomb of issue 20: 2^21 spreads once expanded, 882 bytes (10.3 s before)."""
NEGATIVE_FIRST = ISSUE_QUERY.removesuffix("}") + (
    "b: roleLevels(first: -1000000) { nodes { frames { text } } } }"
)
"""The costly query with a negative page beside it: its estimate went negative, and it ran."""
LEVEL_PAGE = "https://bench.example/canon/level/{code}"
"""A level of the generated canon: every role-level at it quotes it, so its node page lists
the lines of 20 of them (20 goal pages built, estimated 24,100: the costly lane)."""
HTML_PAGE = {"accept": "text/html"}
MISS_CHARS, WARM_UP_SECONDS = 2_000, 3.0
RAMP_SECONDS = 1.0  # between the hostile clients starting and phase B's clock starting


@dataclass(frozen=True, slots=True)
class Hostile:
    """One kind of hostile request: how many clients loop on it, and what it must get."""

    name: str
    clients: int
    expected: str


HOSTILE = (
    Hostile("costly query of the issue", 1, "200 QUERY_TOO_COSTLY"),
    Hostile("heaviest admitted query", 4, "200"),
    Hostile("node-page miss, 2,000 chars", 2, "404"),
    Hostile("GET text/html, 20 aliases", 2, "200"),
    Hostile("search of 45,000 words", 1, "200 BAD_USER_INPUT"),
    Hostile("fragment bomb, N=21", 2, "200 QUERY_TOO_COSTLY"),
    Hostile("first: -1000000 beside the costly query", 1, "200 BAD_USER_INPUT"),
    Hostile("HTML page of a level every role-level quotes", 2, "200"),
    Hostile("admin reload from a dribbling endpoint", 1, "422 source"),
)
ADMIN_TOKEN = "bench-admin-token-0123456789"
SPARQL_SECONDS = 5


@dataclass(frozen=True, slots=True)
class Plan:
    """What the hostile process sends (picklable: it crosses into that process)."""

    url: str
    size: int
    heavy: str
    kinds: tuple[Hostile, ...] = HOSTILE


Sample = tuple[str, str, float]
"""(hostile request, outcome, seconds)."""


def aliased_query(rng: random.Random, size: int) -> str:
    aliases = (
        ALIASED.format(f=f, l=level)
        for f, level in (role_names(rng.randrange(size)) for _ in range(ALIASES))
    )
    return "{ " + " ".join(f"a{i}: {alias}" for i, alias in enumerate(aliases)) + " }"


def outcome(status: int, body: bytes) -> str:
    """The status, and the sorted error codes of a JSON answer that has errors."""
    try:
        answer = orjson.loads(body)
    except orjson.JSONDecodeError:
        return str(status)
    errors = answer.get("errors") if isinstance(answer, dict) else None
    if not errors:
        return str(status)
    codes = sorted(  # a GraphQL error's code, or an admin reload's finding kind
        {str((e.get("extensions") or {}).get("code") or e.get("kind", "?")) for e in errors}
    )
    return f"{status} {'+'.join(codes)}"


async def send(
    http: httpx2.AsyncClient, name: str, plan: Plan, rng: random.Random, n: int
) -> httpx2.Response:
    """One hostile request of the named kind; the n-th of its client."""
    graphql = f"{plan.url}/graphql"
    if name == HOSTILE[0].name:
        return await http.post(graphql, json={"query": ISSUE_QUERY})
    if name == HOSTILE[1].name:  # a comment per request: no cache of any kind answers it
        return await http.post(graphql, json={"query": f"{plan.heavy} # {rng.getrandbits(32)}-{n}"})
    if name == HOSTILE[2].name:
        return await http.get(f"{plan.url}/canon", params={"iri": "urn:x:" + "q" * MISS_CHARS})
    if name == HOSTILE[3].name:
        return await http.get(
            graphql,
            params={"query": aliased_query(rng, plan.size)},
            headers={"accept": "text/html"},
        )
    if name == HOSTILE[5].name:  # a comment per request: no cache of any kind answers it
        return await http.post(graphql, json={"query": f"{BOMB} # {rng.getrandbits(32)}-{n}"})
    if name == HOSTILE[6].name:
        return await http.post(graphql, json={"query": NEGATIVE_FIRST})
    if name == HOSTILE[7].name:
        level = LEVEL_PAGE.format(code=rng.choice(("M1", "M5", "P1", "P5")))
        return await http.get(f"{plan.url}/canon", params={"iri": level}, headers=HTML_PAGE)
    if name == HOSTILE[8].name:
        bearer = {"authorization": f"Bearer {ADMIN_TOKEN}"}
        return await http.post(f"{plan.url}/admin/reload", headers=bearer)
    words = "a " * SEARCH_WORDS
    return await http.post(
        graphql, json={"query": f'{{ roleLevels(search: "{words}") {{ totalCount }} }}'}
    )


async def hostile_clients(plan: Plan, started: Event, stop: Event) -> list[Sample]:
    samples: list[Sample] = []

    async def loop(name: str, seed: int) -> None:
        rng = random.Random(seed)
        n = 0
        async with httpx2.AsyncClient(timeout=120) as http:
            while not stop.is_set():
                n += 1
                start = time.perf_counter()
                try:
                    response = await send(http, name, plan, rng, n)
                    result = outcome(response.status_code, response.content)
                except httpx2.HTTPError as error:
                    result = f"transport {type(error).__name__}"
                samples.append((name, result, time.perf_counter() - start))

    clients = [
        loop(kind.name, 100 * k + c)
        for k, kind in enumerate(plan.kinds)
        for c in range(kind.clients)
    ]
    started.set()
    await asyncio.gather(*clients)
    return samples


def drive_hostile(plan: Plan, started: Event, stop: Event, results: Queue[list[Sample]]) -> None:
    """The hostile process: loop until `stop`, then hand back every sample."""
    results.put(asyncio.run(hostile_clients(plan, started, stop)))


@dataclass
class Probes:
    """Latencies (seconds) of each cheap request, and what went wrong."""

    latencies: dict[str, list[float]]
    failures: list[str]


PROBES = ("/healthz", "one-frame query")


async def probe(
    url: str, name: str, size: int, interval: float, stop: float, seed: int, into: Probes
) -> None:
    rng = random.Random(seed)
    async with httpx2.AsyncClient(timeout=60) as http:
        await asyncio.sleep(rng.random() * interval)  # the clients do not fire in step
        while time.monotonic() < stop:
            due = time.monotonic() + interval
            start = time.perf_counter()
            try:
                if name == PROBES[0]:
                    response = await http.get(f"{url}/healthz")
                else:
                    f, level = role_names(rng.randrange(size))
                    query = {"query": ONE_FRAME, "variables": {"f": f, "l": level}}
                    response = await http.post(f"{url}/graphql", json=query)
            except httpx2.HTTPError as error:
                into.failures.append(f"{name}: transport {type(error).__name__}")
                continue
            into.latencies[name].append(time.perf_counter() - start)
            if response.status_code != 200 or b'"errors"' in response.content:
                into.failures.append(f"{name}: {response.status_code} {response.text[:200]}")
            await asyncio.sleep(max(0.0, due - time.monotonic()))


def run_probes(url: str, size: int, clients: int, interval: float, seconds: float) -> Probes:
    found = Probes({name: [] for name in PROBES}, [])
    stop = time.monotonic() + seconds

    async def run() -> None:
        await asyncio.gather(
            *(
                probe(url, PROBES[i % len(PROBES)], size, interval, stop, i, found)
                for i in range(clients)
            )
        )

    asyncio.run(run())
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process and its children (`--workers`) have used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return own + sum(cpu_seconds(int(child)) for child in children)


def answer(http: httpx2.Client, url: str, query: str) -> tuple[dict[str, int], str, float]:
    """(extensions.cost, outcome, seconds) of one POSTed query."""
    start = time.perf_counter()
    response = http.post(f"{url}/graphql", json={"query": query})
    elapsed = time.perf_counter() - start
    cost = orjson.loads(response.content).get("extensions", {}).get("cost", {})
    return cost, outcome(response.status_code, response.content), elapsed


def heaviest_admitted(http: httpx2.Client, url: str) -> tuple[str, int, str, float]:
    """(query, its estimate, the next page's estimate and outcome, median seconds alone) of
    the slowest shape at the largest page its estimate keeps under the limit, read from
    `extensions.cost`."""
    found = []
    for shape in HEAVY_SHAPES:

        def query(n: int, shape: str = shape) -> str:
            return "{ " + shape.format(n=n) + " }"

        one, _, _ = answer(http, url, query(1))
        two, _, _ = answer(http, url, query(2))
        step = max(1, two["estimate"] - one["estimate"])
        n = max(1, min(100, 1 + (one["limit"] - one["estimate"]) // step))
        while n > 1 and answer(http, url, query(n))[1] != "200":
            n -= 1
        cost, result, _ = answer(http, url, query(n))
        assert result == "200", f"{query(n)} is not admitted: {result}"
        after, refused, _ = answer(http, url, query(n + 1))
        seconds = statistics.median(answer(http, url, query(n))[2] for _ in range(3))
        found.append((query(n), cost["estimate"], f"{after['estimate']:,}, {refused}", seconds))
    return max(found, key=lambda f: f[3])


def report(
    idle: Probes, beside: Probes, samples: list[Sample], budget: float, notes: dict[str, str]
) -> list[str]:
    """The probes' table, the hostile requests' table, then the run's conditions."""
    lines = [
        "| cheap request | requests idle / hostile | p50 idle ms | p50 hostile ms | p50 ratio "
        "| p99 idle ms | p99 hostile ms | p99 ratio | failures |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in PROBES:
        a, b = idle.latencies[name], beside.latencies[name]
        p50a, p50b, p99a, p99b = (
            percentile_ms(a, 0.5),
            percentile_ms(b, 0.5),
            percentile_ms(a, 0.99),
            percentile_ms(b, 0.99),
        )
        failed = sum(f.startswith(name) for f in idle.failures + beside.failures)
        lines.append(
            f"| {name} | {len(a):,} / {len(b):,} | {p50a:.1f} | {p50b:.1f} | {p50b / p50a:.1f} "
            f"| {p99a:.1f} | {p99b:.1f} | {p99b / p99a:.1f} | {failed} |"
        )
    lines += [
        "",
        "| hostile request | clients | requests | outcomes | expected | p50 ms | slowest ms |",
        "|---|---:|---:|---|---|---:|---:|",
    ]
    for kind in HOSTILE:
        mine = [s for s in samples if s[0] == kind.name]
        if not mine:
            continue  # not in this run's --only
        outcomes = Counter(s[1] for s in mine)
        seen = ", ".join(f"{o}: {c:,}" for o, c in outcomes.most_common())
        times = [s[2] for s in mine]
        lines.append(
            f"| {kind.name} | {kind.clients} | {len(mine):,} | {seen} | {kind.expected} "
            f"| {percentile_ms(times, 0.5):.1f} | {max(times, default=0) * 1000:.1f} |"
        )
    server_errors = sum(1 for s in samples if s[1][:1] == "5") + sum(
        1 for f in idle.failures + beside.failures if f.split(": ", 1)[1][:1] == "5"
    )
    unexpected = sum(1 for s in samples for k in HOSTILE if s[0] == k.name and s[1] != k.expected)
    slowest = max(samples, key=lambda s: s[2], default=("none", "-", 0.0))
    lines += [
        "",
        f"- 5xx responses: {server_errors}; hostile responses other than expected: {unexpected}.",
        f"- Slowest hostile response: {slowest[2]:.2f} s ({slowest[0]}, {slowest[1]}), "
        f"{slowest[2] / budget:.2f} of the {budget:g} s time budget.",
        *(f"- {k}: {v}" for k, v in notes.items()),
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=1000, help="role-levels in the canon")
    parser.add_argument("--seconds", type=float, default=15, help="length of each phase")
    parser.add_argument("--clients", type=int, default=4, help="cheap probe clients")
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between probes")
    parser.add_argument("--response-cache-mb", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="`jobframe serve --workers`")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated words: run only the hostile requests whose name has one",
    )
    args = parser.parse_args()
    words = [w.strip() for w in args.only.split(",") if w.strip()]
    kinds = tuple(k for k in HOSTILE if not words or any(w in k.name for w in words))
    from jobframe.settings import Settings

    defaults = Settings()
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="jobframe-hostile-") as tmp:
        folder = generate(args.size, Path(tmp) / "canon")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        cache_mb, workers = str(args.response_cache_mb), str(args.workers)
        with (
            oxigraph(folder, Path(tmp) / "store", free_port()) as store,
            turning_endpoint(f"{store}/query") as endpoint,
        ):
            cmd = serve_command(
                f"sparql+{endpoint.url}",
                port,
                "--response-cache-mb",
                cache_mb,
                "--workers",
                workers,
                "--sparql-seconds",
                str(SPARQL_SECONDS),
            )
            env = {"JOBFRAME_CACHE_DIR": "off", "JOBFRAME_ADMIN_TOKEN": ADMIN_TOKEN}
            with (
                server(cmd, f"{url}/healthz", env=env) as (process, _),
                httpx2.Client(timeout=120) as http,
            ):
                triples = http.get(f"{url}/healthz").json()["triples"]
                heavy, estimate, refused, heavy_s = heaviest_admitted(http, url)
                aliased = aliased_query(random.Random(0), args.size)
                cost, result, aliased_s = answer(http, url, aliased)
                assert result == "200", f"the aliased query is not admitted: {result}"
                log = sys.stderr
                print(f"heaviest admitted: {heavy} ({estimate}); warming up", file=log, flush=True)
                run_probes(url, args.size, args.clients, args.interval, WARM_UP_SECONDS)
                print(f"phase A: idle, {args.seconds:g} s", file=log, flush=True)
                cpu = cpu_seconds(process.pid)
                idle = run_probes(url, args.size, args.clients, args.interval, args.seconds)
                idle_cpu = (cpu_seconds(process.pid) - cpu) / args.seconds
                print(f"phase B: hostile, {args.seconds:g} s", file=log, flush=True)
                spawn = multiprocessing.get_context("spawn")
                started, stop = spawn.Event(), spawn.Event()
                results: Queue[list[Sample]] = spawn.Queue()
                hostile = spawn.Process(
                    target=drive_hostile,
                    args=(Plan(url, args.size, heavy, kinds), started, stop, results),
                )
                endpoint.turned.set()  # before the first admin reload is sent
                hostile.start()
                try:
                    started.wait(60)
                    time.sleep(RAMP_SECONDS)
                    cpu = cpu_seconds(process.pid)
                    beside = run_probes(url, args.size, args.clients, args.interval, args.seconds)
                    beside_cpu = (cpu_seconds(process.pid) - cpu) / args.seconds
                finally:
                    stop.set()
                samples = results.get(timeout=300)
                hostile.join()
    notes = {
        "canon": f"{args.size:,} role-levels, {triples:,} triples",
        "service": (
            f"`jobframe serve` with the default limits (max query cost {defaults.max_query_cost:,},"
            f" time budget {defaults.time_budget:g} s), response cache"
            f" {args.response_cache_mb} MB, {args.workers} worker{'s' if args.workers > 1 else ''}"
        ),
        "probes": (
            f"{args.clients} clients ({args.clients // 2} per cheap request), each sending one "
            f"request every {args.interval * 1000:g} ms (or as soon as the last is answered), "
            f"{args.seconds:g} s per phase"
        ),
        "heaviest admitted query": (
            f"`{heavy}`, estimate {estimate:,} (one more on the page: {refused}), "
            f"{heavy_s * 1000:.0f} ms alone"
        ),
        "source": (
            "a real Oxigraph store through a forwarding endpoint, which dribbles one byte "
            f"every 0.5 s during phase B (`--sparql-seconds {SPARQL_SECONDS}`)"
        ),
        "aliased GET": f"estimate {cost['estimate']:,}, {aliased_s * 1000:.0f} ms alone",
        "server CPU": f"{idle_cpu:.0%} of a core idle, {beside_cpu:.0%} under the hostile mix",
        "load average (1, 5, 15 min) before / after the run": (
            f"{' '.join(f'{x:.2f}' for x in before)} / {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        ),
    }
    print("\n".join(report(idle, beside, samples, defaults.time_budget, notes)))
    for failure in (idle.failures + beside.failures)[:5]:
        print("  failure:", failure)


if __name__ == "__main__":
    main()
