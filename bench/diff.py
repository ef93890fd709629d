"""`jobframe diff` on a generated canon: the time to load both canons against the time of the
comparison itself, for a one-line edit and for an edit of a level's dimension statement.

    python -m bench.diff [--size 100000]

Generates a canon (bench/generate.py) and two edited copies: one responsibility's text
changed (one line), and the M3 level's Scope statement changed (every role-level at M3
quotes it: a tenth of them). Loads each canon as `jobframe diff` does (checked, a large one
in a child process, no snapshot), then times `compare_canons` on each pair, and the whole
command end to end (both canons loaded at once, the Markdown written). Prints a Markdown
table.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from bench.harness import host
from jobframe.canon import Canon
from jobframe.changes import ChangeReport, as_markdown, compare_canons
from jobframe.loading import checked

ROOT = Path(__file__).resolve().parents[1]
ONE_LINE = (
    "role-levels/part0000.ttl",
    "Responsibility 3 of family 7 at M2,",
    "Responsibility 3 of family 7 at M2 (edited),",
)
DIMENSION = ("levels.ttl", '"M3 Scope statement"', '"M3 Scope statement, edited"')


def edited(folder: Path, into: Path, edit: tuple[str, str, str]) -> Path:
    shutil.copytree(folder, into)
    name, old, new = edit
    path = into / name
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return into


def load(folder: Path) -> tuple[Canon, float]:
    start = time.perf_counter()
    report = checked(folder, snapshot=False)
    assert report.canon is not None, report.errors
    return report.canon, time.perf_counter() - start


def compared(old: Canon, new: Canon) -> tuple[ChangeReport, float, float]:
    """The report, the seconds it took, and the seconds to write its Markdown."""
    start = time.perf_counter()
    report = compare_canons(old, new)
    middle = time.perf_counter()
    as_markdown(report, "old", "new")
    return report, middle - start, time.perf_counter() - middle


def command(old: Path, new: Path) -> float:
    """Seconds `jobframe diff OLD NEW --format markdown` takes, from start to exit."""
    start = time.perf_counter()
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "jobframe"),
            "diff",
            str(old),
            str(new),
            "--format",
            "markdown",
        ],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "JOBFRAME_CACHE_DIR": "off"},
    )
    assert run.returncode == 1, run.stderr.decode()[-2000:]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=100_000, help="role-levels (x10)")
    parser.add_argument("--no-command", action="store_true", help="skip the end-to-end run")
    args = parser.parse_args()
    log = sys.stderr
    with tempfile.TemporaryDirectory(prefix="jobframe-diff-") as tmp:
        work = Path(tmp)
        print(f"generating {args.size:,} role-levels", file=log, flush=True)
        base = generate(args.size, work / "old")
        one_line = edited(base, work / "one-line", ONE_LINE)
        dimension = edited(base, work / "dimension", DIMENSION)
        print("loading the three canons", file=log, flush=True)
        old, old_s = load(base)
        new, new_s = load(one_line)
        level, level_s = load(dimension)
        print("comparing", file=log, flush=True)
        line_report, line_s, line_md = compared(old, new)
        level_report, level_cmp, level_md = compared(old, level)
        triples = old.triple_count
        del old, new, level
        total = None if args.no_command else command(base, one_line)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {host()}: `python -m"
        " bench.diff"
        f" --size {args.size}`; {args.size:,} role-levels, {triples:,} triples.\n"
    )
    print(
        "| edit | load old s | load new s | compare s | Markdown s | role-levels reached | role-levels changed |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, new_load, report, seconds, markdown in (
        ("one responsibility's text (one line)", new_s, line_report, line_s, line_md),
        ("M3's Scope statement (a level dimension)", level_s, level_report, level_cmp, level_md),
    ):
        print(
            f"| {name} | {old_s:.1f} | {new_load:.1f} | {seconds:.2f} | {markdown:.2f} "
            f"| {report.reached:,} | {len(report.changed_role_levels):,} |"
        )
    print()
    if total is not None:
        print(
            f"- `jobframe diff OLD NEW --format markdown` for the one-line edit, end to end "
            f"(both canons loaded at once, each over 8 MiB of Turtle checked in a child process):"
            f" {total:.1f} s."
        )
    print(f"- peak RSS: {peak:,.0f} MB here, {children:,.0f} MB in the largest child process.")


if __name__ == "__main__":
    main()
