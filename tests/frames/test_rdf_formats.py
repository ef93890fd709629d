"""The RDF format table is the one declaration of the formats: the CLI, the GraphQL enum and
the node pages offer exactly its entries, and no other module names one."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

import jobframe
from jobframe.api import default_schema
from jobframe.cli import main
from jobframe.frames import RdfFormat
from jobframe.loading import Served
from jobframe.web.node_pages import NODE_MEDIA_TYPES
from tests.web.conftest import client_of

PACKAGE = Path(jobframe.__file__).parent
TABLE = PACKAGE / "frames" / "rdf_formats.py"
READS_TURTLE_INPUT = {PACKAGE / "checks" / "shapes.py"}
"""Modules that name a format to parse an input file, not to write one: rdflib reads the
SHACL shapes (`ontology/shapes.ttl`) as Turtle."""


def test_the_cli_offers_text_and_every_format_of_the_table() -> None:
    command = main.commands["frame"]
    (option,) = [p for p in command.params if p.name == "output"]
    assert isinstance(option.type, click.Choice)
    assert list(option.type.choices) == ["text", *(f.value for f in RdfFormat)]


def test_the_graphql_enum_is_the_table_in_its_order() -> None:
    enum = default_schema().get_type_by_name("RdfFormat")
    assert [value.name for value in enum.values] == [f.name for f in RdfFormat]  # type: ignore[union-attr]


def test_node_pages_offer_html_every_format_of_the_table_and_json() -> None:
    media_types = [f.media_type for f in RdfFormat]
    assert list(NODE_MEDIA_TYPES) == ["text/html", *media_types, "application/json"]


@pytest.mark.parametrize("format", list(RdfFormat), ids=lambda f: f.name)
def test_a_node_and_a_frame_are_written_in_every_format_of_the_table(
    served: Served, format: RdfFormat
) -> None:
    response = client_of(served).get("/canon/level/M5", headers={"Accept": format.media_type})
    assert response.headers["content-type"].startswith(format.media_type)
    turtle = client_of(served).get("/canon/level/M5", headers={"Accept": "text/turtle"})
    node = Graph().parse(data=response.text, format=format.value)
    assert isomorphic(node, Graph().parse(data=turtle.text, format="turtle"))
    args = ["frame", "Clinical Trials Operations", "M5", "--kind", "smart", "--format"]
    result = CliRunner().invoke(main, [*args, format.value])
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(data=result.output, format=format.value)) > 0


def test_no_module_but_the_table_names_an_rdf_format() -> None:
    names = {f.value for f in RdfFormat} | {f.media_type for f in RdfFormat}
    named = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != TABLE and path not in READS_TURTLE_INPUT
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in names
    ]
    assert named == [], "declare RDF formats in frames/rdf_formats.py and read them from there"
