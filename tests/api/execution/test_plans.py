"""Compiled plans answer exactly as graphql-core does: the same JSON, data and errors, for
every query of the test suite, the README and the docs, and for generated queries."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputType,
    GraphQLObjectType,
    GraphQLSyntaxError,
    OperationDefinitionNode,
    get_named_type,
    is_abstract_type,
    is_composite_type,
    is_list_type,
    is_non_null_type,
    parse,
    type_from_ast,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobframe.api import default_schema
from jobframe.loading import Served
from tests.api.execution.answers import answer, both

schema = default_schema()

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = schema._schema


def _is_query(text: str) -> bool:
    try:
        document = parse(text)
    except (GraphQLSyntaxError, RecursionError):
        return False
    return any(isinstance(d, OperationDefinitionNode) for d in document.definitions)


def _documents_in_python(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and "{" in text and _is_query(text):
            yield text


def harvested() -> list[str]:
    """Every GraphQL document written in a test, in the README and in the docs."""
    found: dict[str, None] = {}
    for path in sorted((ROOT / "tests").rglob("*.py")):
        found.update(dict.fromkeys(_documents_in_python(path)))
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for block in re.findall(r"```graphql\n(.*?)```", path.read_text("utf-8"), re.DOTALL):
            if _is_query(block):
                found[block] = None
    return list(found)


class Values:
    """Argument and variable values a client would send: real names and IDs of the canon,
    and wrong ones."""

    def __init__(self, served: Served) -> None:
        canon = served.canon
        ids = answer(
            served,
            "{ roleLevels(first: 3) { nodes { id family { id function { id } } level "
            "{ id track { id } } responsibilities { id } } } }",
            None,
        )["data"]["roleLevels"]["nodes"]
        self.ids = [r["id"] for r in ids] + [r["family"]["id"] for r in ids]
        self.ids += [r["level"]["id"] for r in ids] + [r["responsibilities"][0]["id"] for r in ids]
        self.ids += ["bm9wZQ", "", "not an id"]
        self.families = [*[f.label for f in canon.families][:3], "Clinical Trail Operations"]
        self.levels = [*[lv.code for lv in canon.levels][:4], "M9", ""]

    def pool(self, name: str, kind: GraphQLInputType) -> list[Any]:
        """Values for an argument or variable, the likeliest first."""
        if is_non_null_type(kind):
            return self.pool(name, kind.of_type)
        if is_list_type(kind):
            return [[v] for v in self.pool(name, kind.of_type)] + [[]]
        named = get_named_type(kind)
        if isinstance(named, GraphQLEnumType):
            return list(named.values)
        pools: dict[str, list[Any]] = {
            "family": self.families,
            "level": self.levels,
            "from": self.levels,
            "to": self.levels[1:],
            "lang": ["en", "de", "en-GB", "xx-!!"],
            "search": ["clinical", "m5 clinical", "zzz"],
            "after": ["", "YWJj"],
        }
        if name in pools:
            return pools[name]
        if named.name == "ID":
            return self.ids
        if named.name == "Int":
            return [2, 0, 1, 3, -1]
        if named.name == "Boolean":
            return [True, False]
        return ["", "x"]

    def of(self, name: str, kind: GraphQLInputType) -> st.SearchStrategy[Any]:
        return st.sampled_from(self.pool(name, kind))


def literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(literal, value)) + "]"
    if isinstance(value, str) and value.isupper() and value.isidentifier():
        return value  # an enum value
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def selection(draw: st.DrawFn, values: Values, owner: Any, depth: int) -> str:
    """A selection set on an object, interface or union type: fields with aliases and
    arguments, fragments on the possible types, `__typename`, `@include` and `@skip`."""
    parts = []
    possible = SCHEMA.get_possible_types(owner) if is_abstract_type(owner) else [owner]
    fields = dict(getattr(owner, "fields", {}) or {})
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 9))
        if choice == 0 or not fields:
            parts.append("__typename")
        elif choice == 1 and is_abstract_type(owner):
            concrete = draw(st.sampled_from(possible))
            parts.append(f"... on {concrete.name} {draw(selection(values, concrete, depth))}")
        else:
            parts.append(draw(field(values, fields, depth)))
    if draw(st.booleans()):
        switch = draw(
            st.sampled_from(["@include(if: $yes)", "@skip(if: $yes)", "@skip(if: false)"])
        )
        parts.append(f"... {switch} {{ __typename }}")
    return "{ " + " ".join(parts) + " }"


@st.composite
def field(draw: st.DrawFn, values: Values, fields: dict[str, Any], depth: int) -> str:
    name = draw(st.sampled_from(sorted(fields)))
    definition = fields[name]
    alias = draw(st.sampled_from(["", "", "a: ", "b: "]))
    arguments = []
    for argument, spec in definition.args.items():
        if is_non_null_type(spec.type) or draw(st.booleans()):
            arguments.append(f"{argument}: {literal(draw(values.of(argument, spec.type)))}")
    text = alias + name + (f"({', '.join(arguments)})" if arguments else "")
    named = get_named_type(definition.type)
    if is_composite_type(named):
        text += " " + (draw(selection(values, named, depth - 1)) if depth > 0 else "{ __typename }")
    return text


@pytest.fixture(scope="module")
def values(served: Served) -> Values:
    return Values(served)


def test_every_documented_and_tested_query_answers_as_graphql_core(
    served: Served, values: Values
) -> None:
    documents = harvested()
    assert len(documents) > 50, "the harvest found the suite's queries"
    planned = 0
    for document in documents:
        variables = {
            d.variable.name.value: draw_example(values, d)
            for o in parse(document).definitions
            if isinstance(o, OperationDefinitionNode)
            for d in o.variable_definitions or ()
        }
        planned += both(served, document, variables)
    assert planned > len(documents) // 3, "plans answered most of them, not only graphql-core"


def draw_example(values: Values, definition: Any) -> Any:
    """A variable's likeliest value: the harvested documents run with real names."""
    kind = type_from_ast(SCHEMA, definition.type)
    if kind is None:
        return None
    return values.pool(definition.variable.name.value, kind)[0]


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_generated_queries_answer_as_graphql_core(
    served: Served, values: Values, data: st.DataObject
) -> None:
    root = SCHEMA.query_type
    assert isinstance(root, GraphQLObjectType)
    body = data.draw(selection(values, root, depth=4))
    yes = data.draw(st.booleans())
    both(served, f"query ($yes: Boolean!) {body}", {"yes": yes})
