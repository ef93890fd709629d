"""Mutation testing of the frame rules, the request limits, the checks and the compiler.

    .venv/bin/python mutation/run.py            # a fresh run, then the score per module
    .venv/bin/python mutation/run.py --keep     # reuse the last run's results (mutmut re-runs
                                                # only what changed)
    .venv/bin/python mutation/run.py --report   # print the score of the last run again
    .venv/bin/python mutation/run.py --show NAME  # the diff of one mutant

mutmut 3 names a mutant after the path of its file, and only knows `src/` layouts: a mutant
of `service/jobframe/frames/rules.py` would be called `service.jobframe.frames.rules…`
while the tests import `jobframe.frames.rules`, so no test would ever be matched to it. This
script therefore lays the checkout out as mutmut expects in `mutation/work/` (symbolic links:
`src/jobframe` -> `service/jobframe`, `tests`, `ontology`, `canon`, `pyproject.toml`, …) and
runs mutmut there, with the `[tool.mutmut]` section of `pyproject.toml`. mutmut copies that
into `mutation/work/mutants/` and puts `mutants/src` first on `sys.path`, so the tests import
the mutated package (the run stops if they do not: mutmut's forced-failure check, and the
`jobframe` import check below).

mutmut mutates expressions inside functions only: it never changes a class body (the
defaults of the request limits are `Settings` fields) nor deletes a statement. The mutants
of `mutation/hand_mutants.py` do that, each in a plain copy of the package
(`mutation/work/plain/`), with the tests it names.

The score leaves out the mutants that `docs/mutation-testing.md` lists as equivalent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from hand_mutants import MUTANTS as HAND_MUTANTS

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "mutation" / "work"
MUTANTS = WORK / "mutants"
DOC = ROOT / "docs" / "mutation-testing.md"

LINKS = {
    "pyproject.toml": "pyproject.toml",
    "src/jobframe": "service/jobframe",
    "tests": "tests",
    "ontology": "ontology",
    "canon": "canon",
    "clients": "clients",
}
"""What mutmut sees in mutation/work/ -> where it is in the checkout."""

PLAIN = WORK / "plain"
"""An unmutated copy of the package, for the hand-written mutants."""
HAND_RESULTS = MUTANTS / "hand-written.json"

STATUS = {1: "killed", 3: "killed", 0: "survived", 33: "no tests", 5: "no tests", 36: "timeout"}
"""mutmut's exit codes (mutmut/stats.py); anything else is `suspicious`."""

DOCUMENTED = re.compile(
    r"^\|\s*`(jobframe\.[^`]+__mutmut_\d+)`\s*\|.*\|\s*(equivalent|left)\b", re.I
)


def prepare() -> None:
    """mutation/work/ as mutmut expects a project: the package under src/."""
    for name, target in LINKS.items():
        link = WORK / name
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            continue
        link.symlink_to(os.path.relpath(ROOT / target, link.parent), target_is_directory=True)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    # Snapshots would restore a canon compiled before the mutant was switched on.
    env["JOBFRAME_CACHE_DIR"] = "off"
    # tests/conftest.py looks for the reference texts beside the checkout, which is now
    # mutation/work/mutants/: name the real folder.
    env.setdefault("JOBFRAME_SPEC_DIR", str(ROOT.parent / "shared" / "spec"))
    return env


def check_import(env: dict[str, str]) -> None:
    """The tests, run from mutants/, import the mutated copy of jobframe (not service/)."""
    probe = (
        "import sys; sys.path[:0] = ['src', '.']; import jobframe.frames.rules as r;"
        " print(r.__file__); assert 'mutmut' in open(r.__file__).read()"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], cwd=MUTANTS, env=env, capture_output=True, text=True
    )
    where = Path(found.stdout.strip() or "?")
    if found.returncode != 0 or MUTANTS not in where.parents:
        sys.exit(f"the tests would not import the mutated jobframe: {found.stdout}{found.stderr}")
    print(f"tests import the mutated package: {where.relative_to(ROOT)}")


def run_hand_mutants(env: dict[str, str]) -> None:
    """Each hand-written mutant in a plain copy of the package; killed when its tests fail."""
    if PLAIN.exists():
        shutil.rmtree(PLAIN)
    package = PLAIN / "src" / "jobframe"
    shutil.copytree(ROOT / "service" / "jobframe", package, ignore=shutil.ignore_patterns("*.pyc"))
    for name in ("ontology", "canon", "clients"):  # found beside src/, as in a checkout
        (PLAIN / name).symlink_to(ROOT / name, target_is_directory=True)
    env = {**env, "PYTHONPATH": str(package.parent)}
    env.pop("MUTANT_UNDER_TEST", None)
    pytest = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    probe = [sys.executable, "-c", "import jobframe; print(jobframe.__file__)"]
    where = subprocess.run(probe, cwd=ROOT, env=env, capture_output=True, text=True).stdout
    if package not in Path(where.strip()).parents:
        sys.exit(f"the tests would not import the plain copy of jobframe: {where}")
    every = sorted({test for mutant in HAND_MUTANTS for test in mutant.tests})
    clean = subprocess.run([*pytest, *every], cwd=ROOT, env=env, capture_output=True, text=True)
    if clean.returncode != 0:
        sys.exit(f"the tests fail on the plain copy of the package:\n{clean.stdout}")
    results = {}
    for mutant in HAND_MUTANTS:
        module = package / mutant.path
        original = module.read_text("utf-8")
        assert original.count(mutant.old) == 1, f"{mutant.name}: its text is not in {mutant.path}"
        module.write_text(original.replace(mutant.old, mutant.new), "utf-8")
        try:
            tests = subprocess.run([*pytest, *mutant.tests], cwd=ROOT, env=env, capture_output=True)
        finally:
            module.write_text(original, "utf-8")
        results[mutant.name] = "survived" if tests.returncode == 0 else "killed"
        print(f"{results[mutant.name]:9} {mutant.name}")
    HAND_RESULTS.write_text(json.dumps(results, indent=2), "utf-8")


def run(keep: bool, max_children: int, names: list[str]) -> int:
    prepare()
    if not keep and MUTANTS.exists():
        shutil.rmtree(MUTANTS)
    env = environment()
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    code = subprocess.run([*command, *names], cwd=WORK, env=env).returncode
    if code != 0:
        return code
    check_import(env)
    if not names:
        run_hand_mutants(env)
    return 0


def documented() -> dict[str, str]:
    """Mutant name -> `equivalent` or `left`, from the survivors table of the docs."""
    found: dict[str, str] = {}
    if not DOC.exists():
        return found
    for line in DOC.read_text("utf-8").splitlines():
        match = DOCUMENTED.match(line)
        if match:
            found[match.group(1)] = match.group(2).lower()
    return found


def results() -> dict[str, dict[str, str]]:
    """Module -> mutant name -> status, from mutmut's .meta files."""
    by_module: dict[str, dict[str, str]] = defaultdict(dict)
    for meta in sorted((MUTANTS / "src").rglob("*.py.meta")):
        module = ".".join(meta.relative_to(MUTANTS / "src").with_suffix("").with_suffix("").parts)
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            by_module[module][name] = STATUS.get(code, "suspicious")
    if HAND_RESULTS.exists():
        paths = {m.name: m.path for m in HAND_MUTANTS}
        for name, status in json.loads(HAND_RESULTS.read_text("utf-8")).items():
            module = "jobframe." + paths[name].removesuffix(".py").replace("/", ".")
            by_module[f"{module} (by hand)"][name] = status
    return by_module


def report() -> int:
    """The score per module: killed / (all - documented equivalents); 1 if below 95%."""
    if not MUTANTS.exists():
        sys.exit("no results yet: run `.venv/bin/python mutation/run.py` first")
    verdicts = documented()
    by_module = results()
    print(f"\n{'module':40} {'mutants':>7} {'equiv.':>6} {'killed':>6} {'alive':>5}  score")
    totals: Counter[str] = Counter()
    alive: list[tuple[str, str]] = []
    for module, statuses in sorted(by_module.items()):
        equivalent = [n for n in statuses if verdicts.get(n) == "equivalent"]
        counted = {n: s for n, s in statuses.items() if n not in equivalent}
        killed = sum(s in ("killed", "timeout") for s in counted.values())
        alive += [(n, s) for n, s in counted.items() if s not in ("killed", "timeout")]
        totals.update(mutants=len(statuses), equivalent=len(equivalent), killed=killed)
        score = killed / len(counted) if counted else 1.0
        print(
            f"{module:40} {len(statuses):7} {len(equivalent):6} {killed:6}"
            f" {len(counted) - killed:5}  {score:6.1%}"
        )
    counted = totals["mutants"] - totals["equivalent"]
    score = totals["killed"] / counted if counted else 1.0
    print(
        f"{'total':40} {totals['mutants']:7} {totals['equivalent']:6} {totals['killed']:6}"
        f" {counted - totals['killed']:5}  {score:6.1%}"
    )
    statuses = {n: s for module in by_module.values() for n, s in module.items()}
    stale = [n for n, v in verdicts.items() if statuses.get(n) not in ("survived", "no tests")]
    if alive:
        print("\nnot killed (`.venv/bin/python mutation/run.py --show NAME` shows one):")
        for name, status in sorted(alive):
            note = f"  [{verdicts[name]}]" if name in verdicts else "  [not in the docs]"
            print(f"  {status:10} {name}{note}")
    if stale:
        print("\nlisted in docs/mutation-testing.md but no longer surviving (update the list):")
        for name in sorted(stale):
            print(f"  {name}: {statuses.get(name, 'no such mutant')}")
    return 0 if score >= 0.95 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="reuse the last run's results")
    parser.add_argument("--report", action="store_true", help="only print the last score")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--show", metavar="NAME", help="print the diff of one mutant")
    parser.add_argument("mutants", nargs="*", help="mutant names or globs (default: all)")
    args = parser.parse_args()
    if args.show:
        hand = next((m for m in HAND_MUTANTS if m.name == args.show), None)
        if hand is not None:
            print(f"# {hand.name}, in service/jobframe/{hand.path}, for {' '.join(hand.tests)}")
            print("".join(f"-{line}\n" for line in hand.old.splitlines()), end="")
            print("".join(f"+{line}\n" for line in hand.new.splitlines()), end="")
            return 0
        show = [sys.executable, "-m", "mutmut", "show", args.show]
        return subprocess.run(show, cwd=WORK, env=environment()).returncode
    if not args.report:
        code = run(args.keep or bool(args.mutants), args.max_children, args.mutants)
        if code != 0:
            return code
    return report()


if __name__ == "__main__":
    sys.exit(main())
