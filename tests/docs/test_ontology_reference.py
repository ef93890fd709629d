"""The ontology reference is generated from the vocabulary and kept up to date."""

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _builder() -> ModuleType:
    path = ROOT / "docs" / "build_reference.py"
    spec = importlib.util.spec_from_file_location("build_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ontology_reference_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "ontology.html").read_text("utf-8")
    assert committed == _builder().render(), "run: python docs/build_reference.py"


def test_ontology_reference_names_every_class() -> None:
    page = (ROOT / "docs" / "ontology.html").read_text("utf-8")
    for name in ("job function", "role-level", "level dimension", "rubric entry", "frame line"):
        assert name in page
