"""`compare` and `RoleLevel.compare`: a family's two levels side by side over GraphQL, every
text with the node it is quoted from and whether it is at both levels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jobframe.api.context import Context
from jobframe.api.limits.arguments import MAX_STRING
from jobframe.api.schema import default_schema
from jobframe.api.types.ids import encode_id
from jobframe.api.urls import node_url
from jobframe.loading import Served
from tests.api.conftest import run_query
from tests.conftest import serve_folder, write_canon
from tests.frames.comparison_canon import CANON, GERMAN, english_tagged, iri

schema = default_schema()

TEXT = "{ text atBothLevels language node { __typename iri url } }"
COMPARISON = f"""
  family {{ label }}
  from {{ level {{ code track {{ label }} }} roleLevel {{ label }} }}
  to {{ level {{ code track {{ label }} }} roleLevel {{ label }} }}
  dimensions {{ dimension {{ label displayOrder }} from {TEXT} to {TEXT} }}
  responsibilities {{ from {TEXT} to {TEXT} }}
  rubric {{ dimension {{ label }} from {TEXT} to {TEXT} }}
"""
QUERY = (
    "query($family: String!, $from: String!, $to: String!) {"
    f" compare(family: $family, from: $from, to: $to) {{ {COMPARISON} }} }}"
)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Served:
    return serve_folder(write_canon(tmp_path_factory.mktemp("compare"), *CANON))


def compare(served: Served, family: str, start: str, end: str) -> dict[str, Any]:
    data = run_query(served, QUERY, family=family, **{"from": start, "to": end})
    found: dict[str, Any] = data["compare"]
    return found


def errors(served: Served, query: str) -> list[dict[str, Any]]:
    result = schema.execute_sync(query, context_value=Context(served))
    assert result.errors
    return [e.formatted for e in result.errors]


def _shown(texts: list[dict[str, Any]] | None) -> list[tuple[str, bool]]:
    assert texts is not None
    return [(t["text"], t["atBothLevels"]) for t in texts]


def test_the_query_field_is_compare_from_to(small: Served) -> None:
    sdl = schema.as_str()
    assert "compare(family: String!, from: String!, to: String!, lang: String = null): " in sdl
    assert "  compare(to: String!): LevelComparison" in sdl


def test_dimensions_come_in_display_order_with_the_missing_statement_null(small: Served) -> None:
    found = compare(small, "Field Operations", "P3", "P4")
    rows = found["dimensions"]
    assert [r["dimension"]["label"] for r in rows] == ["Scope", "Leadership", "Autonomy"]
    assert rows[1]["from"] is None
    assert (rows[1]["to"]["text"], rows[1]["to"]["atBothLevels"]) == ("Guides peers", False)


def test_the_familys_own_statement_is_shown_with_its_node(small: Served) -> None:
    scope = compare(small, "Field Operations", "P3", "P4")["dimensions"][0]
    assert scope["to"]["text"] == "All field programmes of one region"
    assert scope["to"]["node"]["iri"] == iri("level/P4/scope/ops")
    assert not scope["from"]["atBothLevels"]


def test_only_exactly_the_same_text_is_at_both_levels(small: Served) -> None:
    found = compare(small, "Field Operations", "P3", "P4")
    assert _shown(found["responsibilities"]["from"]) == [
        ("Plans field visits", True),
        ("Reports incidents", False),
    ]
    assert _shown(found["responsibilities"]["to"]) == [
        ("Coaches new staff", False),
        ("Plans field visits", True),
        ("Reports incidents.", False),
    ]
    autonomy = compare(small, "Laboratory", "P3", "P4")["dimensions"][2]
    assert (autonomy["from"]["atBothLevels"], autonomy["to"]["atBothLevels"]) == (False, False)


def test_rubric_entries_side_by_side_with_a_missing_one_null(small: Served) -> None:
    rubric = compare(small, "Field Operations", "P3", "P4")["rubric"]
    assert [r["dimension"]["label"] for r in rubric] == [
        "complexity/problem-solving",
        "knowledge-application",
    ]
    assert rubric[0]["from"]["atBothLevels"] and rubric[0]["to"]["atBothLevels"]
    assert rubric[1]["to"] is None


def test_levels_of_two_tracks_compare(small: Served) -> None:
    found = compare(small, "Field Operations", "P3", "M3")
    assert (found["from"]["level"]["track"]["label"], found["to"]["level"]["track"]["label"]) == (
        "P",
        "M",
    )
    assert found["to"]["roleLevel"]["label"] == "Field Operations — M3"


def test_every_text_links_to_the_node_it_is_quoted_from(small: Served) -> None:
    found = compare(small, "Field Operations", "P3", "M3")
    texts = [t for r in found["dimensions"] for t in (r["from"], r["to"]) if t]
    texts += found["responsibilities"]["from"] + found["responsibilities"]["to"]
    texts += [t for r in found["rubric"] for t in (r["from"], r["to"]) if t]
    canon = small.canon
    assert len(texts) == (2 + 3) + (2 + 2) + (2 + 1)  # statements, responsibilities, rubric
    for text in texts:
        node = text["node"]
        assert canon.nodes[node["iri"]].text == text["text"]
        assert node["url"] == node_url(node["iri"])
        assert type(canon.nodes[node["iri"]]).__name__ == node["__typename"]


def test_a_family_without_a_role_level_at_one_level_has_null_responsibilities_there(
    small: Served,
) -> None:
    found = compare(small, "Laboratory", "P3", "M3")
    assert found["to"]["roleLevel"] is None
    assert found["responsibilities"]["to"] is None
    assert _shown(found["responsibilities"]["from"]) == [("Runs the lab", False)]
    assert [r["to"]["text"] for r in found["dimensions"]][1] == "Leads the lab's team"


def test_role_level_compare_is_the_same_comparison(small: Served) -> None:
    query = (
        '{ roleLevel(family: "Field Operations", level: "P3") {'
        f' compare(to: "M3") {{ {COMPARISON} }} }} }}'
    )
    data = run_query(small, query)
    assert data["roleLevel"]["compare"] == compare(small, "Field Operations", "P3", "M3")


def test_family_and_levels_may_be_global_ids(small: Served) -> None:
    by_id = compare(
        small,
        encode_id("JobFamily", iri("family/ops")),
        encode_id("Level", iri("level/P3")),
        encode_id("Level", iri("level/M3")),
    )
    assert by_id == compare(small, "Field Operations", "P3", "M3")


@pytest.mark.parametrize(
    "arguments,what,closest",
    [
        ('family: "Field Operation", from: "P3", to: "P4"', "job family", "Field Operations"),
        ('family: "Field Operations", from: "PP4", to: "P3"', "level", "P4"),
        ('family: "Laboratory", from: "P4", to: "M3"', "role-level", "Laboratory — P3"),
    ],
)
def test_unknown_names_are_not_found_naming_the_closest(
    small: Served, arguments: str, what: str, closest: str
) -> None:
    [error] = errors(small, f"{{ compare({arguments}) {{ family {{ label }} }} }}")
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert error["extensions"]["what"] == what
    assert closest in error["extensions"]["closest"]


def test_role_level_compare_to_an_unknown_level_is_not_found(small: Served) -> None:
    query = (
        '{ roleLevel(family: "Laboratory", level: "P3") {'
        ' label compare(to: "P9") { rubric { from { text } } } } }'
    )
    result = schema.execute_sync(query, context_value=Context(small))
    assert result.data == {"roleLevel": {"label": "Laboratory — P3", "compare": None}}
    assert result.errors and result.errors[0].extensions["code"] == "NOT_FOUND"


@pytest.mark.parametrize("argument", ["family", "from", "to"])
def test_an_argument_over_its_bound_is_refused_before_anything_runs(
    small: Served, argument: str
) -> None:
    arguments = {"family": '"Field Operations"', "from": '"P3"', "to": '"P4"'}
    arguments[argument] = '"' + "x" * (MAX_STRING + 1) + '"'
    given = ", ".join(f"{k}: {v}" for k, v in arguments.items())
    [error] = errors(small, f"{{ compare({given}) {{ family {{ label }} }} }}")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_malformed_language_is_bad_user_input(small: Served) -> None:
    [error] = errors(
        small,
        '{ compare(family: "Laboratory", from: "P3", to: "P4", lang: "not a tag")'
        " { to { level { code } } } }",
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["argument"] == "lang"


def test_the_estimate_bounds_what_a_comparison_answers(thousand: Served) -> None:
    result = schema.execute_sync(
        QUERY,
        variable_values={"family": "Family 7", "from": "P2", "to": "M4"},
        context_value=Context(thousand),
    )
    assert result.errors is None and result.data is not None
    assert _objects(result.data) - 1 <= result.extensions["cost"]["estimate"]  # not the root
    assert len(result.data["compare"]["responsibilities"]["to"]) == 5


def _objects(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(_objects(v) for v in value.values())
    if isinstance(value, list):
        return sum(_objects(v) for v in value)
    return 0


def test_the_shipped_canons_level_compared_with_itself_is_all_at_both_levels(
    served: Served,
) -> None:
    found = compare(served, "Clinical Trials Operations", "M5", "M5")
    texts = [t for r in found["dimensions"] for t in (r["from"], r["to"])]
    texts += found["responsibilities"]["from"] + found["responsibilities"]["to"]
    assert len(found["dimensions"]) == 6 and all(t["atBothLevels"] for t in texts)


def test_a_role_levels_comparison_is_in_the_language_the_role_level_is_in(
    tmp_path: Path,
) -> None:
    served = serve_folder(write_canon(tmp_path, *map(english_tagged, CANON), GERMAN))
    shown = "dimensions { to { text language } }"
    data = run_query(
        served,
        '{ roleLevel(family: "Labor", level: "P3", lang: "de") {'
        f' compare(to: "P4") {{ {shown} }} }}'
        f' compare(family: "Labor", from: "P3", to: "P4") {{ {shown} }} }}',
    )
    german = data["roleLevel"]["compare"]["dimensions"]
    assert [d["to"]["text"] for d in german] == [
        "Teamprojekte",
        "Leitet Kollegen an",
        "Arbeitet selbstständig.",
    ]
    assert {d["to"]["language"] for d in german} == {"de"}
    assert {d["to"]["language"] for d in data["compare"]["dimensions"]} == {"en"}
