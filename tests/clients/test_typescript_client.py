"""The typed client in clients/typescript: its queries type-check against the published schema,
a schema that drops a field they use fails that check, and the built example runs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.servers import jobframe_serve

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "typescript"


def npm(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`npm … -w clients/typescript` from the root, where `npm ci` installed the workspace."""
    if shutil.which("npm") is None or not (ROOT / "node_modules" / ".bin" / "tsc").exists():
        pytest.fail("Node tooling missing: run `npm ci` at the repository root (see README)")
    return subprocess.run(
        ["npm", "run", "--silent", *args, "-w", "clients/typescript"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_queries_type_check_against_the_published_schema() -> None:
    result = npm("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_schema_without_a_field_the_viewer_reads_fails_the_check(tmp_path: Path) -> None:
    schema = (ROOT / "schema.graphql").read_text("utf-8")
    field = re.compile(r'\n\s*"""[^"]*"""\n\s*tagSource: Provenance\n')
    narrowed, removed = field.subn("\n", schema)
    assert removed == 1
    (tmp_path / "schema.graphql").write_text(narrowed, "utf-8")
    result = npm("codegen", env={"JOBFRAME_SCHEMA": str(tmp_path / "schema.graphql")})
    assert result.returncode != 0
    assert "tagSource" in result.stdout + result.stderr


def test_the_example_prints_every_line_with_the_node_behind_it(
    tmp_path: Path, golden: Callable[[str], str]
) -> None:
    built = npm("build")
    assert built.returncode == 0, built.stdout + built.stderr
    with jobframe_serve(tmp_path / "serve.log") as url:
        run = subprocess.run(
            ["node", "dist/src/example.js", url, "Clinical Trials Operations", "M5"],
            cwd=CLIENT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 0, run.stderr
    printed = run.stdout
    smart = golden("smart")
    for line in smart.splitlines():
        field = re.match(r"   (\w[\w-]*):\s+(.*)$", line)
        if field:
            assert f"   {field[1]}: {field[2]}\n" in printed
    assert f"{url}/canon/role/clinical-trials-operations/M5/responsibility/1" in printed


ENGINES = """
const lock = require("./package-lock.json");
const semver = require("semver");
const node = JSON.parse(process.argv[1]);
const refused = Object.entries(lock.packages)
  .filter(([, p]) => p.engines && p.engines.node && !semver.satisfies(node, p.engines.node))
  .map(([name, p]) => `${name} wants node ${p.engines.node}`);
console.log(JSON.stringify(refused));
"""


def test_every_locked_package_runs_on_the_node_the_project_names() -> None:
    """`npm ci` on Node 20 (what package.json's engines names) prints no EBADENGINE."""
    named = json.loads((ROOT / "package.json").read_text("utf-8"))["engines"]["node"]
    assert named == ">=20"
    for version in ("20.5.0", "20.20.2", "22.12.0"):
        result = subprocess.run(
            ["node", "-e", ENGINES, json.dumps(version)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(result.stdout) == [], f"on Node {version}"
