"""What front-end clients rely on: names, lookups, errors, pagination and frame texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV

from jobframe.api.context import Context
from jobframe.api.schema import default_schema
from jobframe.api.types.ids import encode_id
from jobframe.canon import Canon
from jobframe.loading import Served
from tests.api.conftest import Run

schema = default_schema()

CTO = 'roleLevel(family: "Clinical Trials Operations", level: "M5")'


@pytest.mark.parametrize("kind", ["SMART", "OKR", "MBO", "SCORECARD"])
def test_frame_text_over_graphql_equals_golden(
    run: Run, golden: Callable[[str], str], kind: str
) -> None:
    data = run(f"{{ {CTO} {{ frame(kind: {kind}) {{ kind text }} }} }}")
    assert data["roleLevel"]["frame"] == {"kind": kind, "text": golden(kind.lower())}


def test_frames_come_in_page_order_with_titles_and_intros(run: Run) -> None:
    data = run(f"{{ {CTO} {{ frames {{ kind title intro }} }} }}")
    assert [(f["kind"], f["title"]) for f in data["roleLevel"]["frames"]] == [
        ("SMART", "SMART goals"),
        ("OKR", "OKRs"),
        ("MBO", "MBO areas"),
        ("SCORECARD", "Scorecard"),
    ]


def test_role_level_by_family_id_and_level_id(run: Run, canon: Canon) -> None:
    role = canon.role_level("Clinical Trials Operations", "M5")
    family_id = encode_id("JobFamily", role.family.iri)
    level_id = encode_id("Level", role.level.iri)
    data = run(
        "query($f: String!, $l: String!) { roleLevel(family: $f, level: $l) { label } }",
        f=family_id,
        l=level_id,
    )
    assert data["roleLevel"]["label"] == "Clinical Trials Operations — M5"


def test_unknown_family_is_not_found_with_closest(served: Served) -> None:
    result = schema.execute_sync(
        '{ roleLevel(family: "Clinical Trial Operation", level: "M5") { label } }',
        context_value=Context(served),
    )
    assert result.data == {"roleLevel": None}
    assert result.errors is not None
    error = result.errors[0]
    assert error.extensions == {
        "code": "NOT_FOUND",
        "what": "job family",
        "asked": "Clinical Trial Operation",
        "closest": ["Clinical Trials Operations"],
    }
    assert "Clinical Trial Operation" in error.message


def test_node_resolves_only_with_a_matching_type(run: Run, canon: Canon) -> None:
    iri = canon.role_level("Clinical Trials Operations", "M5").level.iri
    data = run(
        "query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { __typename } "
        "b: node(id: $b) { __typename } c: node(id: $c) { __typename } }",
        a=encode_id("Level", iri),
        b=encode_id("JobFamily", iri),
        c="not-an-id",
    )
    assert data == {"a": {"__typename": "Level"}, "b": None, "c": None}


def test_lists_page_with_cursors(run: Run) -> None:
    data = run(
        "{ levels(first: 1) { totalCount pageInfo { hasNextPage endCursor }"
        " nodes { code title } } }"
    )
    assert data["levels"]["totalCount"] == 1
    assert data["levels"]["nodes"] == [{"code": "M5", "title": "Senior Director"}]
    assert data["levels"]["pageInfo"]["hasNextPage"] is False
    after = data["levels"]["pageInfo"]["endCursor"]
    rest = run("query($a: String) { levels(first: 5, after: $a) { nodes { code } } }", a=after)
    assert rest["levels"]["nodes"] == []


def test_page_size_is_bounded(served: Served) -> None:
    result = schema.execute_sync(
        "{ roleLevels(first: 1000) { totalCount } }", context_value=Context(served)
    )
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "first"}


def test_architecture_is_navigable_from_functions_down(run: Run) -> None:
    data = run(
        "{ functions { nodes { label families { totalCount nodes { label roleLevels { nodes {"
        " level { code } responsibilities { order }"
        " rubricEntries { dimension { label } source { notation } } } } } } } } }"
    )
    family = data["functions"]["nodes"][0]["families"]["nodes"][0]
    role = family["roleLevels"]["nodes"][0]
    assert role["level"] == {"code": "M5"}
    assert [r["order"] for r in role["responsibilities"]] == [1, 2, 3, 4, 5]
    assert [e["dimension"]["label"] for e in role["rubricEntries"]] == [
        "complexity/problem-solving",
        "knowledge-application",
    ]


def test_dimensions_are_listed_in_display_order(run: Run) -> None:
    data = run("{ dimensions { label notation displayOrder } }")
    assert [d["label"] for d in data["dimensions"]] == [
        "Scope",
        "Autonomy",
        "Complexity",
        "Impact",
        "Decision rights",
        "Leadership",
    ]


def test_frame_exports_rdf_with_quotation_edges(run: Run, canon: Canon) -> None:
    data = run(
        f"{{ {CTO} {{ frame(kind: OKR) {{ rdf lines {{ sources {{ node {{ iri }} }} }} }} }} }}"
    )
    graph = Graph().parse(data=data["roleLevel"]["frame"]["rdf"], format="turtle")
    cited = {
        s["node"]["iri"] for line in data["roleLevel"]["frame"]["lines"] for s in line["sources"]
    }
    quoted = {str(o) for o in graph.objects(None, PROV.wasQuotedFrom)}
    assert quoted == cited
    assert all(URIRef(iri) in canon_iris(canon) for iri in quoted)


def canon_iris(canon: Canon) -> set[URIRef]:
    return {URIRef(i) for i in canon.nodes}


def test_page_text_starts_with_the_page_heading(run: Run) -> None:
    data = run(f"{{ {CTO} {{ page {{ heading {{ text sources {{ quote }} }} text }} }} }}")
    page = data["roleLevel"]["page"]
    assert page["heading"]["text"] == "Goal templates — Clinical Trials Operations — M5"
    assert [s["quote"] for s in page["heading"]["sources"]] == ["Clinical Trials Operations", "M5"]
    assert page["text"].startswith(page["heading"]["text"] + "\n")


@pytest.mark.parametrize(
    "query",
    [
        "{ roleLevels(first: 101) { totalCount } }",
        "{ functions { nodes { families(first: 101) { totalCount } } } }",
        "{ families { nodes { roleLevels(first: 101) { totalCount } } } }",
        "{ tracks { levels(first: 101) { totalCount } } }",
    ],
)
def test_a_page_of_every_growing_list_holds_at_most_100(served: Served, query: str) -> None:
    result = schema.execute_sync(query, context_value=Context(served))
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "first"}
    assert "(first:) must be between 0 and 100, got 101" in result.errors[0].message
