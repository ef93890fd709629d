"""The published SDL is the code's schema, and every type and field says what it means."""

import subprocess
import sys
from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
)

from jobframe.api.schema import default_schema

schema = default_schema()

ROOT = Path(__file__).resolve().parents[2]


def test_schema_graphql_is_the_exported_schema() -> None:
    published = (ROOT / "schema.graphql").read_text("utf-8")
    assert published == schema.as_str() + "\n", "run: jobframe export-schema > schema.graphql"


def test_importing_the_package_builds_no_schema() -> None:
    """A schema is built by whoever needs one (an app, `export-schema`), never at import."""
    probe = (
        "import gc, jobframe, jobframe.api, jobframe.web, jobframe.cli;"
        "from jobframe.api import CanonSchema;"
        "print(sum(isinstance(o, CanonSchema) for o in gc.get_objects()))"
    )
    built = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert built.stdout.strip() == "0"


def test_every_type_and_field_has_a_description() -> None:
    missing = []
    for name, gql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Boolean", "ID", "Float"}:
            continue
        if not gql_type.description:
            missing.append(name)
        if isinstance(gql_type, GraphQLObjectType | GraphQLInterfaceType):
            missing += [f"{name}.{f}" for f, d in gql_type.fields.items() if not d.description]
        if not isinstance(
            gql_type,
            GraphQLObjectType
            | GraphQLInterfaceType
            | GraphQLEnumType
            | GraphQLUnionType
            | GraphQLScalarType,
        ):
            missing.append(f"{name} (unexpected kind)")
    assert missing == []


def test_clients_names_exist() -> None:
    sdl = schema.as_str()
    for needle in (
        "roleLevel(family: String!, level: String!, lang: String = null): RoleLevel",
        "frame(kind: FrameKind!): Frame!",
        "frames: [Frame!]!",
        "lines: [FrameLine!]!",
        "sources: [Provenance!]!",
        "node(id: ID!): Node",
        "interface CanonNode implements Node",
        "enum FrameKind {\n  SMART\n  OKR\n  MBO\n  SCORECARD\n}",
    ):
        assert needle in sdl
