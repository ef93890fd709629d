"""One distinct query's in-process execution, profiled: the baseline for a compiled executor.

    python -m bench.profile_distinct [--size 1000 | --folder CANON] [--queries 500] [--tree]
                                     [--json OUT]

Loads a generated canon (or the canon in `--folder`, from the snapshot cache when it holds
it) as `jobframe serve` does (checked, then frozen out of the cyclic collector), then runs the frames query of `bench/run`'s distinct-query figure for distinct
role-levels through the served schema, as a worker thread does (`execute_sync`, then orjson):
no HTTP, no event loop, no response cache. Prints the time per query without a profiler, then
pyinstrument's self time by layer (graphql-core's executor, the rest of graphql-core,
Strawberry, JobFrame's resolvers and frames) and, with `--tree`, its call tree. `--json` also
writes the milliseconds per query and the layers, for bench/run's reasons.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import orjson
from pyinstrument import Profiler
from pyinstrument.frame import Frame

from bench.generate import generate
from bench.harness import FRAMES_QUERY
from jobframe.api import Context, default_schema
from jobframe.loading import Served, first_load

schema = default_schema()

LAYERS = (
    ("graphql-core executor", "/graphql/execution/"),
    ("graphql-core (parse, validate, other)", "/graphql/"),
    ("Strawberry", "/strawberry/"),
    ("JobFrame API (resolvers, cost, limits)", "/jobframe/api/"),
    ("JobFrame frames (rules, text)", "/jobframe/frames/"),
    ("JobFrame other", "/jobframe/"),
)
"""Where a sampled frame's self time is counted: the first layer its file path falls under."""
OTHER = "other (stdlib, orjson, …)"


def layer(frame: Frame, parent: str) -> str:
    """A frame's layer; pyinstrument's synthetic frames (`[self]`, hidden groups) have no
    file and count in their parent's."""
    if frame.file_path is None:
        return parent
    path = frame.file_path.replace("\\", "/")
    return next((name for name, part in LAYERS if part in path), OTHER)


def self_times(frame: Frame, into: defaultdict[str, float], parent: str = OTHER) -> None:
    own = layer(frame, parent)
    into[own] += frame.time - sum(child.time for child in frame.children)
    for child in frame.children:
        self_times(child, into, own)


def leaves(value: object) -> int:
    """Values in a response: what the executor resolved and completed one by one."""
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value)
    return 1


def one_query(served: Served, family: str, level: str) -> Callable[[], bytes]:
    variables = {"f": family, "l": level}

    def run() -> bytes:
        result = schema.execute_sync(
            FRAMES_QUERY, variable_values=variables, context_value=Context(served)
        )
        assert result.errors is None, result.errors
        return orjson.dumps({"data": result.data})

    return run


def profile(
    served: Served, asked: int, tree: bool = False
) -> tuple[float, list[tuple[str, float]], str]:
    """(seconds per query without the profiler, (layer, share) by self time, Markdown)."""
    gc.collect()
    gc.freeze()
    canon = served.canon
    roles = [(r.family.label, r.level.code) for r in canon.role_levels]
    roles = random.Random(len(roles)).sample(roles, min(len(roles), asked))
    queries = [one_query(served, family, level) for family, level in roles]
    body = queries[0]()  # parse and validation caches warm, as in a serving process
    fields = leaves(orjson.loads(body))
    start = time.perf_counter()
    for run in queries:
        run()
    plain = (time.perf_counter() - start) / len(queries)
    profiler = Profiler()
    profiler.start()
    for run in queries:
        run()
    session = profiler.stop()
    by_layer: defaultdict[str, float] = defaultdict(float)
    root = session.root_frame()
    assert root is not None
    self_times(root, by_layer)
    total = sum(by_layer.values())
    shares = sorted(((k, v / total) for k, v in by_layer.items()), key=lambda kv: -kv[1])
    lines = [
        f"{len(queries)} distinct role-levels of a {len(canon.role_levels):,}-role-level canon, "
        f"{len(body):,} bytes and {fields:,} values per response",
        f"- {plain * 1000:.2f} ms per query without the profiler "
        f"({1 / plain:,.0f} queries/s on one core)",
        f"- {session.duration / len(queries) * 1000:.2f} ms per query under pyinstrument, "
        "self time by layer:",
        "",
        "| layer | share | ms per query |",
        "|---|---:|---:|",
        *(f"| {name} | {share:.0%} | {share * plain * 1000:.2f} |" for name, share in shares),
    ]
    if tree:
        lines += ["", "```", profiler.output_text(unicode=True, color=False) + "```"]
    return plain, shares, "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=1000, help="role-levels of the canon")
    parser.add_argument("--folder", type=Path, help="profile this canon instead")
    parser.add_argument("--queries", type=int, default=500, help="distinct role-levels asked")
    parser.add_argument("--tree", action="store_true", help="print pyinstrument's call tree")
    parser.add_argument("--json", type=Path, help="also write ms per query and layers here")
    args = parser.parse_args()
    if args.folder is not None:
        served = first_load(args.folder)
    else:
        with tempfile.TemporaryDirectory(prefix="jobframe-profile-") as tmp:
            served = first_load(generate(args.size, Path(tmp) / "canon"))
    assert isinstance(served, Served), served
    plain, shares, text = profile(served, args.queries, args.tree)
    if args.json:
        found = {"ms": plain * 1000, "layers": shares, "markdown": text}
        args.json.write_text(json.dumps(found), "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
