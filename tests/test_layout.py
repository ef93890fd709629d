"""The package's layout is its data flow: stages import only upstream, only through the
upstream package's public names, with no import cycle and no module too long to read."""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest

import jobframe

PACKAGE = Path(jobframe.__file__).parent
TESTS = Path(__file__).parent

STAGES = {
    "vocabulary": 0,
    "resources": 0,
    "errors": 0,
    "findings": 0,
    "budget": 0,
    "caches": 0,
    "inputs": 0,
    "formats": 0,
    "sources": 1,
    "canon": 2,
    "checks": 3,
    "frames": 4,
    "changes": 5,
    "interchange": 5,
    "settings": 5,
    "loading": 6,
    "api": 7,
    "web": 8,
    "cli": 9,
    "__main__": 10,
}
"""Each top-level module or folder of the package, by its place in the flow."""
MAX_LINES = 400
LEAF_MODULES = (
    "vocabulary",
    "resources",
    "errors",
    "findings",
    "budget",
    "caches",
    "inputs",
    "settings",
)
"""Top-level modules imported by name from anywhere downstream (no package `__all__`)."""


@dataclass(frozen=True)
class Import:
    importer: str
    target: str
    """The module whose code runs for the import (a package's `__init__` is the package)."""
    names: tuple[str, ...]
    line: int
    offered_by: str | None = None
    """For `from package import module`: the package that offers the module by name."""
    typing_only: bool = False
    """Inside `if TYPE_CHECKING:`: it names a type for mypy and never runs."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(package: str, name: str) -> bool:
    """Whether `from package import name` imports a module (and not a name it defines)."""
    return isinstance(getattr(importlib.import_module(package), name, None), ModuleType)


def _imports(path: Path) -> list[Import]:
    """Every import of a jobframe module in the file, at any depth (functions and
    TYPE_CHECKING blocks included: a cycle is a cycle whenever it is imported at run time)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = {
        id(inner)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for inner in ast.walk(block)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            if not source.startswith("jobframe"):
                continue
            names = tuple(alias.name for alias in node.names)
            modules = [n for n in names if _is_module(source, n)]
            only = id(node) in typing_only
            for module in modules:
                found.append(Import(name, f"{source}.{module}", (), node.lineno, source, only))
            rest = tuple(n for n in names if n not in modules)
            if rest or not modules:
                found.append(Import(name, source, rest, node.lineno, typing_only=only))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("jobframe"):
                    found.append(Import(name, alias.name, (), node.lineno))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))
IMPORTS = [i for path in MODULES for i in _imports(path)]


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "jobframe"


def test_every_folder_and_top_level_module_has_a_place_in_the_flow() -> None:
    present = {p.name.removesuffix(".py") for p in PACKAGE.iterdir() if p.name != "__init__.py"}
    present -= {"__pycache__", "py.typed", "bundled"}
    assert present == set(STAGES)


def test_no_import_cycles() -> None:
    """Two GraphQL types that name each other (a frame and its role-level) are the one
    exception: the module imported second names the first's type for mypy only, and
    Strawberry reads it lazily (`strawberry.lazy`)."""
    graph = nx.DiGraph(
        (i.importer, i.target) for i in IMPORTS if i.importer != i.target and not i.typing_only
    )
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("imported", IMPORTS, ids=lambda i: f"{i.importer}:{i.line}")
def test_a_stage_imports_only_upstream_through_the_package_it_imports(imported: Import) -> None:
    here, there = _stage(imported.importer), _stage(imported.target)
    if here == "jobframe":
        return  # the public API at the top may gather from every stage
    assert STAGES[there] <= STAGES[here], (
        f"{imported.importer} (line {imported.line}) imports {imported.target}, downstream"
    )
    if here == there or there in LEAF_MODULES:
        return
    package = f"jobframe.{there}"
    if imported.offered_by == package:
        offered = importlib.import_module(package).__all__
        assert imported.target.rsplit(".", 1)[1] in offered, f"{package} does not offer it"
        return
    assert imported.target == package, (
        f"{imported.importer} (line {imported.line}) reaches into {imported.target}:"
        f" import from {package}, which names what the stage offers"
    )
    offered = importlib.import_module(package).__all__
    assert set(imported.names) <= set(offered), (
        f"{imported.importer} (line {imported.line}) imports"
        f" {sorted(set(imported.names) - set(offered))}, which {package}.__all__ does not offer"
    )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_longer_than_one_can_read(path: Path) -> None:
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


def test_tests_mirror_the_stages() -> None:
    for stage in STAGES:
        if (PACKAGE / stage).is_dir():
            assert (TESTS / stage).is_dir(), f"tests/{stage}/ is missing"
        else:
            assert (TESTS / f"test_{stage}.py").is_file() or stage in (
                "vocabulary",
                "resources",
                "findings",
                "__main__",  # `python -m jobframe`: tests/cli/test_commands.py runs it
            ), f"tests/test_{stage}.py is missing"
