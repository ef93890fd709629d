"""First start and reload, profiled in-process: where their seconds go, call by call.

    python -m bench.profile_start FOLDER [--reload] [--cache DIR] [--json OUT]

First start: `first_load` of the canon in FOLDER with an empty snapshot cache, as `jobframe
serve` does before it listens (with `--cache` holding its snapshot: a snapshot start). Reload: the canon loaded (from `--cache`'s snapshot when it has
one), one text literal of one file edited (`bench.load.edit`, on a copy of FOLDER), then the
service's own reload path, `CanonHolder.reload("admin")`, as `POST /admin/reload` runs it.

So that pyinstrument (which samples one thread) sees all of the work, the profiled call checks
even a large canon in this process rather than in a child (`loading.snapshots.APART_BYTES`),
and the reload's worker-thread steps (`asyncio.to_thread`) run inline. Prints the phases (the calls
the check and the load or reload make, with seconds) and the functions with the most self
time, as Markdown; `--json` also writes the seconds and phases for bench/run's reasons.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from pyinstrument import Profiler
from pyinstrument.frame import Frame

T = TypeVar("T")
OUTER = ("first_load", "reload")
"""The profiled call, whose callees are the phases."""


def frames(root: Frame, function: str) -> Iterator[Frame]:
    """Every outermost frame of `function` under `root`."""
    if root.function == function:
        yield root
        return
    for child in root.children:
        yield from frames(child, function)


THROUGH = {"to_thread"}
"""Calls looked through to their callees: `inline_threads`' stand-in for a worker thread."""


def label(frame: Frame) -> str:
    if frame.function == "[self]":
        return "(self)"
    return f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function


def children(frame: Frame) -> Iterator[Frame]:
    """A frame's callees, looking through pyinstrument's groups and `THROUGH`."""
    for child in frame.children:
        if (child.is_synthetic and not child.is_synthetic_leaf) or child.function in THROUGH:
            yield from children(child)
        else:
            yield child


def callees(parents: list[Frame]) -> dict[str, float]:
    """Seconds in each function the frames call, summed by name (their own time as
    `(self)`)."""
    into: defaultdict[str, float] = defaultdict(float)
    for parent in parents:
        for child in children(parent):
            into[label(child)] += child.time
    return dict(into)


DOMINANT = 0.7
"""A callee holding more than this share of its caller's time is a wrapper: its own callees
are shown instead (e.g. `check_canon` → `Checker.check` → the checks)."""


def expanded(parents: list[Frame], prefix: str) -> dict[str, float]:
    """`callees`, looking through any callee that holds most of its callers' time."""
    total = sum(p.time for p in parents)
    found = callees(parents)
    name, seconds = max(found.items(), key=lambda kv: kv[1], default=("", 0.0))
    if total and seconds > DOMINANT * total and name != "(self)":
        inner = [c for p in parents for c in children(p) if label(c) == name]
        if any(not c.is_synthetic for c in inner) and any(c.children for c in inner):
            found.pop(name)
            deeper = expanded(inner, f"{prefix}{name} → ")
            return {**{f"{prefix}{k}": v for k, v in found.items()}, **deeper}
    return {f"{prefix}{k}": v for k, v in found.items()}


def phases(root: Frame) -> list[tuple[str, float]]:
    """The load's phases: the profiled call's callees, looking through wrappers (a callee
    with most of its caller's time), each named by its path of calls."""
    outer = [f for name in OUTER for f in frames(root, name)][:1]
    found = expanded(outer, "")
    return sorted(((k, v) for k, v in found.items() if v >= 0.005), key=lambda kv: -kv[1])


def hottest(root: Frame, n: int = 12) -> list[tuple[str, float]]:
    """The `n` functions with the most self time, as `function (file:line)`."""
    into: defaultdict[str, float] = defaultdict(float)

    def walk(frame: Frame) -> None:
        own = frame.time - sum(c.time for c in frame.children)
        for child in frame.children:
            if child.is_synthetic_leaf:
                own += child.time
            else:
                walk(child)
        if frame.file_path:
            into[f"{label(frame)} ({frame.file_path_short}:{frame.line_no})"] += own

    walk(root)
    return sorted(into.items(), key=lambda kv: -kv[1])[:n]


def inline_threads() -> None:
    """Run `asyncio.to_thread` work on the calling thread, where pyinstrument samples it."""

    async def to_thread(func: Callable[..., T], /, *args: object, **kwargs: object) -> T:
        return func(*args, **kwargs)

    asyncio.to_thread = to_thread


def profiled(work: Callable[[], object]) -> tuple[float, Frame]:
    """`work` under pyinstrument, checking even a large canon in this process (the loads
    before it kept the service's own choice, so a reload finds what the service's would)."""
    import jobframe.loading.snapshots as snapshots

    snapshots.APART_BYTES = math.inf  # type: ignore[assignment]
    profiler = Profiler(interval=0.005)
    start = time.perf_counter()
    profiler.start()
    work()
    session = profiler.stop()
    root = session.root_frame()
    assert root is not None
    return time.perf_counter() - start, root


def first_start(folder: Path, cache: str | None) -> tuple[float, Frame]:
    """`first_load`: of a never-seen canon, or restored from `cache` when it holds it."""
    from jobframe.loading import first_load

    with tempfile.TemporaryDirectory(prefix="jobframe-profile-cache-") as empty:
        os.environ["JOBFRAME_CACHE_DIR"] = cache or empty
        seconds, root = profiled(lambda: first_load(folder))
    return seconds, root


def reload(folder: Path, cache: str | None) -> tuple[float, Frame]:
    from bench.load import edit
    from jobframe.loading import CanonHolder, Served, first_load

    with tempfile.TemporaryDirectory(prefix="jobframe-profile-reload-") as tmp:
        # a never-seen canon unless `cache` is given: as bench/sizes.py measures the reload
        os.environ["JOBFRAME_CACHE_DIR"] = cache or str(Path(tmp) / "cache")
        copy = Path(shutil.copytree(folder, Path(tmp) / "canon"))
        served = first_load(copy)
        assert isinstance(served, Served), "the canon must have no errors"
        holder = CanonHolder(copy, served)
        edit(copy, 1, good=True)
        inline_threads()
        seconds, root = profiled(lambda: asyncio.run(holder.reload("admin")))
        assert holder.current.canon.version != served.canon.version, "the edit was not seen"
    return seconds, root


def markdown(what: str, seconds: float, root: Frame) -> str:
    lines = [
        f"{what}: {seconds:.2f} s under pyinstrument (5 ms samples, one thread).",
        "",
        "| phase (call) | s | share |",
        "|---|---:|---:|",
        *(f"| `{k}` | {v:.2f} | {v / seconds:.0%} |" for k, v in phases(root)),
        "",
        "| most self time | s |",
        "|---|---:|",
        *(f"| `{k}` | {v:.2f} |" for k, v in hottest(root)),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--reload", action="store_true", help="profile a reload instead")
    parser.add_argument("--cache", help="snapshot cache holding the canon (a snapshot start)")
    parser.add_argument("--json", type=Path, help="also write seconds and phases here")
    args = parser.parse_args()
    if args.reload:
        seconds, root = reload(args.folder, args.cache)
        what = "Reload after a one-file edit (`CanonHolder.reload`)"
    elif args.cache:
        seconds, root = first_start(args.folder, args.cache)
        what = "Snapshot start (`first_load` restoring the checked canon)"
    else:
        seconds, root = first_start(args.folder, None)
        what = "First start of a never-seen canon (`first_load`)"
    text = markdown(what, seconds, root)
    if args.json:
        found = {"seconds": seconds, "phases": phases(root), "markdown": text}
        args.json.write_text(json.dumps(found), "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
