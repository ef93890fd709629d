"""A query's cost is known before it runs, from the served canon's real list sizes; over the
limit nothing runs; every answer reports its estimate; arguments are bounded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, get_named_type

from jobframe.api.context import Context
from jobframe.api.limits.arguments import MAX_ITEMS, MAX_SEARCH_WORDS, MAX_STRING
from jobframe.api.limits.cost import canon_sizes, schema_weights
from jobframe.api.limits.extensions import Limits
from jobframe.api.limits.lane import COSTLY, COSTLY_LANE
from jobframe.api.schema import default_schema, schema_for
from jobframe.budget import budget
from jobframe.loading import Served
from jobframe.settings import Settings
from tests.conftest import ARCHITECTURE, dimensions, role_level, serve_folder, write_canon

schema = default_schema()

ISSUE_QUERY = (
    "{ functions(first: 100) { edges { node { families { nodes { roleLevels { nodes {"
    " frames { lines { text sources { quote node { iri } } } } } } } } } } } }"
)
"""The query that answered 13 MB after 3.5 s on 1,000 role-levels."""
FOUR_FRAMES = (
    '{ roleLevel(family: "Clinical Trials Operations", level: "M5") {'
    " frames { lines { text sources { quote label node { id iri label } } } } } }"
)


def execute(served: Served, query: str, **variables: Any) -> Any:
    return schema.execute_sync(query, variable_values=variables, context_value=Context(served))


def estimate(served: Served, query: str, **variables: Any) -> int:
    result = execute(served, query, **variables)
    return int(result.extensions["cost"]["estimate"])


def test_the_costly_query_is_refused_before_anything_runs(thousand: Served) -> None:
    result = execute(thousand, ISSUE_QUERY)
    assert result.data is None
    [error] = result.errors
    assert error.extensions["code"] == "QUERY_TOO_COSTLY"
    assert error.extensions["limit"] == Limits.of().max_query_cost
    assert error.extensions["estimate"] > error.extensions["limit"]
    assert result.extensions["cost"] == {
        "estimate": error.extensions["estimate"],
        "limit": error.extensions["limit"],
    }


def test_every_answer_reports_its_estimate(served: Served) -> None:
    result = execute(served, FOUR_FRAMES)
    assert result.errors is None
    cost = result.extensions["cost"]
    assert 0 < cost["estimate"] <= cost["limit"]


def test_the_estimate_follows_the_canon_not_only_the_query(
    served: Served, thousand: Served
) -> None:
    """One function in the shipped canon, ten in the generated one: `first: 100` costs what
    the canon can return, not 100 of everything."""
    query = "{ functions(first: 100) { nodes { label families { nodes { label } } } } }"
    assert estimate(served, query) < estimate(thousand, query)
    assert estimate(thousand, query) == 1 + 10 * (1 + 1 + 10 * 1)  # connection, 10 x (own + page)


def test_the_page_size_asked_for_sets_the_estimate(thousand: Served) -> None:
    query = "query($n: Int!) { roleLevels(first: $n) { nodes { frame(kind: SMART) { text } } } }"
    small, large = estimate(thousand, query, n=5), estimate(thousand, query, n=50)
    assert large == 10 * small - 9  # the connection itself counts once


def test_the_estimate_bounds_the_objects_an_answer_holds(thousand: Served) -> None:
    query = (
        "{ families(first: 3) { nodes { roleLevels(first: 4) { nodes { responsibilities"
        " { source { label } } rubricEntries { dimension { label } } level { statements"
        " { dimension { label } } } } } } } }"
    )
    result = execute(thousand, query)
    assert result.errors is None
    assert _objects(result.data) - 1 <= result.extensions["cost"]["estimate"]  # not the root


def _objects(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(_objects(v) for v in value.values())
    if isinstance(value, list):
        return sum(_objects(v) for v in value)
    return 0


def test_rdf_of_a_huge_role_level_is_refused_by_its_cost(tmp_path: Path) -> None:
    """`frames { rdf }` on a role-level of 2,000 responsibilities ran 12.8 s."""
    huge = serve_folder(write_canon(tmp_path, ARCHITECTURE, dimensions("Scope"), role_level(2000)))
    result = execute(
        huge, '{ roleLevel(family: "Field Operations", level: "P3") { frames { rdf } } }'
    )
    assert result.data is None
    assert result.errors[0].extensions["code"] == "QUERY_TOO_COSTLY"


def test_the_limit_is_the_configured_one(served: Served) -> None:
    strict = schema_for(Limits.of(Settings(max_query_cost=10)))
    result = strict.execute_sync(FOUR_FRAMES, context_value=Context(served))
    assert result.errors[0].extensions["code"] == "QUERY_TOO_COSTLY"
    assert result.extensions["cost"]["limit"] == 10


def test_every_list_of_objects_in_the_schema_is_sized(served: Served) -> None:
    """By a slicing argument, an assumed size, or the canon: nothing falls back to a guess."""
    weights = schema_weights(schema)
    sized_by_canon = set(canon_sizes(served.canon)) | {
        ("CanonStatus", "findings"),
        ("CanonStatus", "completeness"),
        ("ReloadAttempt", "errors"),
    }
    sized_by_parent = {
        (f"{t}Connection", f) for t in _connection_item_types() for f in ("edges", "nodes")
    }
    unsized = []
    for name, gql_type in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(gql_type, GraphQLObjectType):
            continue
        for field_name, field in gql_type.fields.items():
            of = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if not isinstance(of, GraphQLList) or not isinstance(
                get_named_type(of), GraphQLObjectType | type(None)
            ):
                continue
            key = (name, field_name)
            w = weights.get(key)
            if key in sized_by_canon or key in sized_by_parent:
                continue
            if w is not None and (w.slicing or w.assumed is not None):
                continue
            unsized.append(key)
    assert not unsized


def _connection_item_types() -> list[str]:
    return [
        n.removesuffix("Connection")
        for n in schema._schema.type_map
        if n.endswith("Connection") and not n.startswith("__")
    ]


def test_the_weights_are_published_in_the_schema() -> None:
    sdl = schema.as_str()
    assert "directive @cost(weight: String!)" in sdl
    assert "directive @listSize(" in sdl
    assert 'rdf(format: RdfFormat! = TURTLE): String! @costPerFrameLine(weight: "60")' in sdl


def _role_level_of(family: str) -> str:
    return '{ roleLevel(family: "' + family + '", level: "M5") { id } }'


def _search(words: str) -> str:
    return '{ roleLevels(search: "' + words + '") { totalCount } }'


@pytest.mark.parametrize(
    ("query", "argument"),
    [
        (_role_level_of("x" * 90_000), "family"),
        (_search("a " * 45_000), "search"),
        (_search("a " * (MAX_SEARCH_WORDS + 1)), "search"),
        ("{ nodes(ids: [" + ", ".join(['"x"'] * (MAX_ITEMS + 1)) + "]) { id } }", "ids"),
        ('{ node(id: "' + "x" * (MAX_STRING + 1) + '") { id } }', "id"),
    ],
    ids=["90 KB family", "45,000 words", "17 words", "101 ids", "long id"],
)
def test_an_oversized_argument_is_bad_user_input_and_nothing_runs(
    served: Served, query: str, argument: str
) -> None:
    result = execute(served, query)
    assert result.data is None
    [error] = result.errors
    assert error.extensions == {"code": "BAD_USER_INPUT", "argument": argument}


def test_an_oversized_variable_is_bounded_like_an_argument(served: Served) -> None:
    query = 'query($f: String!) { roleLevel(family: $f, level: "M5") { id } }'
    result = execute(served, query, f="y" * (MAX_STRING + 1))
    assert result.errors[0].extensions["code"] == "BAD_USER_INPUT"


def test_arguments_at_their_bounds_are_answered(served: Served) -> None:
    words = " ".join(["clinical"] * MAX_SEARCH_WORDS)
    result = execute(served, _search(words))
    assert result.errors is None and result.data == {"roleLevels": {"totalCount": 1}}


def test_costly_operations_wait_for_the_one_lane_and_cheap_ones_never_do(
    served: Served,
) -> None:
    """With the lane taken, a costly query waits (here past its budget) and a cheap one runs."""
    assert estimate(served, FOUR_FRAMES) > COSTLY
    with COSTLY_LANE:
        with budget(0.2):
            waited = execute(served, FOUR_FRAMES)
        with budget(0.2):
            cheap = execute(served, "{ dimensions { label } }")
    assert waited.data is None
    assert waited.errors[0].extensions == {"code": "TIME_BUDGET_EXCEEDED"}
    assert cheap.errors is None and cheap.data["dimensions"]
    assert execute(served, FOUR_FRAMES).errors is None  # the lane was released
