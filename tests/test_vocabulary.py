"""Namespaces are declared once, in `vocabulary.PREFIXES`: no other module spells one out or
takes SKOS or DCTERMS from rdflib, and the closed rdflib namespaces the SHACL engine and the
frame RDF use as terms agree with the table."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rdflib import namespace

import jobframe
from jobframe.vocabulary import PREFIXES

PACKAGE = Path(jobframe.__file__).parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "vocabulary.py")
CLOSED = {p: getattr(namespace, p.upper()) for p in ("owl", "prov", "rdf", "rdfs", "sh", "xsd")}
"""rdflib's closed namespaces (a typo in a term raises), which modules may use as terms."""


def spelled_namespaces(source: str) -> list[tuple[int, str]]:
    """(line, namespace) for every string constant that holds a namespace of the table."""
    return [
        (node.lineno, namespace)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        for namespace in PREFIXES.values()
        if namespace in node.value
    ]


def rdflib_namespaces(source: str) -> list[tuple[int, str]]:
    """(line, name) for every namespace of the table imported from rdflib but not closed."""
    open_names = {prefix.upper() for prefix in PREFIXES if prefix not in CLOSED} | {"DC"}
    return [
        (node.lineno, alias.name)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rdflib")
        for alias in node.names
        if alias.name in open_names
    ]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_but_vocabulary_declares_a_namespace(path: Path) -> None:
    source = path.read_text("utf-8")
    assert not spelled_namespaces(source), "read the namespace from vocabulary.PREFIXES"
    assert not rdflib_namespaces(source), "read SKOS and DCTERMS from vocabulary.py"


def test_the_checks_catch_a_second_declaration() -> None:
    assert spelled_namespaces('SKOS = "http://www.w3.org/2004/02/skos/core#"') == [
        (1, PREFIXES["skos"])
    ]
    assert rdflib_namespaces("from rdflib import DCTERMS, Graph") == [(1, "DCTERMS")]


@pytest.mark.parametrize("prefix", sorted(CLOSED))
def test_rdflibs_closed_namespaces_agree_with_the_table(prefix: str) -> None:
    assert str(CLOSED[prefix]) == PREFIXES[prefix]
