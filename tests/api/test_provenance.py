"""Every line of every frame of every role-level traces back to the canon node it quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jobframe.canon import Canon
from jobframe.frames.model import FrameKind
from jobframe.frames.rules import build_page
from jobframe.loading import Served
from tests.api.conftest import Run, run_query
from tests.conftest import (
    ARCHITECTURE,
    PREFIXES,
    dimensions,
    role_level,
    serve_folder,
    write_canon,
)

FRAMES_QUERY = """
query Walk($after: String) {
  roleLevels(first: 1, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      label
      frames {
        kind
        lines {
          text template
          parts { __typename ... on TemplateText { text } ... on Quotation { text }
                  ... on PlaceholderText { text placeholder } }
          sources { label quote node { id iri } }
        }
      }
    }
  }
}
"""

NODE_QUERY = """
query Node($id: ID!) { node(id: $id) { id ... on CanonNode { iri label notation text } } }
"""


def walk_lines(served: Served) -> list[dict[str, Any]]:
    """Every frame line of every role-level, paging through `roleLevels` like a client."""
    lines: list[dict[str, Any]] = []
    after = None
    while True:
        page = run_query(served, FRAMES_QUERY, after=after)["roleLevels"]
        for role in page["nodes"]:
            assert [f["kind"] for f in role["frames"]] == [k.name for k in FrameKind]
            lines.extend(line for frame in role["frames"] for line in frame["lines"])
        if not page["pageInfo"]["hasNextPage"]:
            return lines
        after = page["pageInfo"]["endCursor"]


def assert_every_quote_resolves(served: Served) -> int:
    checked = 0
    for line in walk_lines(served):
        assert "".join(p["text"] for p in line["parts"]) == line["text"]
        quotes = [p["text"] for p in line["parts"] if p["__typename"] == "Quotation"]
        assert quotes == [s["quote"] for s in line["sources"]]
        for source in line["sources"]:
            node = run_query(served, NODE_QUERY, id=source["node"]["id"])["node"]
            assert node is not None, source
            assert node["iri"] == source["node"]["iri"]
            fields = (node["label"], node["notation"] or "", node["text"] or "")
            assert any(source["quote"] in f for f in fields), (source, node)
            checked += 1
        if not line["sources"]:
            assert line["template"] is not None, "a line without canon sources is a template"
    return checked


def test_every_quote_in_the_shipped_canon_resolves_to_its_node(served: Served) -> None:
    assert assert_every_quote_resolves(served) > 100


def test_every_quote_resolves_in_a_canon_of_several_role_levels(tmp_path: Path) -> None:
    second_level = PREFIXES + (
        '<level/P4> a jf:Level ; skos:notation "P4" ; skos:prefLabel "Lead" ;'
        " jf:track <track/P> ; jf:rank 4 .\n"
        "<level/P4/scope> a jf:DimensionStatement ; jf:level <level/P4> ;"
        ' jf:dimension <dimension/scope> ; jf:text "P4 scope \\"quoted\\" statement" .\n'
        "<role/ops/P4> a jf:RoleLevel ; jf:family <family/ops> ; jf:level <level/P4> .\n"
        "<role/ops/P4/r1> a jf:Responsibility ; jf:roleLevel <role/ops/P4> ; jf:order 1 ;"
        ' jf:source <source/jfm> ; jf:text "Leads — with “care” & rigour" .\n'
    )
    served = serve_folder(
        write_canon(
            tmp_path, ARCHITECTURE, dimensions("Scope", "Autonomy"), role_level(3), second_level
        )
    )
    assert len(served.canon.role_levels) == 2
    assert assert_every_quote_resolves(served) > 20


def test_template_only_lines_name_their_template_and_cite_nothing(run: Run) -> None:
    data = run(
        """{ roleLevel(family: "Clinical Trials Operations", level: "M5") {
             frame(kind: SMART) { sections { rows { fields { name line {
               template sources { quote } } } } } } } }"""
    )
    fields = data["roleLevel"]["frame"]["sections"][0]["rows"][0]["fields"]
    by_name = {f["name"]: f["line"] for f in fields}
    assert by_name["Measurable"] == {"template": "smart.measurable", "sources": []}
    assert by_name["Time-bound"] == {"template": "smart.time-bound", "sources": []}


def test_relevant_line_cites_function_family_and_level(canon: Canon) -> None:
    role = canon.role_level("Clinical Trials Operations", "M5")
    smart = build_page(role).frames[0]
    relevant = smart.sections[0].rows[0].field("Relevant")
    assert relevant is not None
    cited = [(type(s.node).__name__, s.quote) for s in relevant.sources]
    assert cited == [
        ("JobFunction", "Clinical Trials Operations"),
        ("JobFamily", "Clinical Trials Operations"),
        ("Level", "M5"),
        ("Level", "Senior Director"),
    ]


def test_specific_cites_its_responsibility_with_the_page_label(run: Run) -> None:
    data = run(
        """{ roleLevel(family: "Clinical Trials Operations", level: "M5") {
             frame(kind: SMART) { sections { rows { heading { template }
               fields { name line { sources { label node { __typename } } } } } } } } }"""
    )
    row = data["roleLevel"]["frame"]["sections"][0]["rows"][0]
    assert row["heading"]["template"] is None
    specific = next(f for f in row["fields"] if f["name"] == "Specific")
    assert specific["line"]["sources"] == [
        {"label": "JFM responsibility (M5)", "node": {"__typename": "Responsibility"}}
    ]


def test_kr2_cites_its_dimension_statement_with_the_page_label(run: Run) -> None:
    data = run(
        """{ roleLevel(family: "Clinical Trials Operations", level: "M5") {
             frame(kind: OKR) { sections { rows { fields { name line {
               sources { label quote node { __typename } } } } } } } } }"""
    )
    kr2 = data["roleLevel"]["frame"]["sections"][0]["rows"][4]["fields"][1]
    assert kr2["name"] == "KR2"
    assert {
        "label": "level dimension (Decision rights)",
        "quote": "Owns investment and org design across functions",
        "node": {"__typename": "DimensionStatement"},
    } in kr2["line"]["sources"]


def test_source_tag_names_the_node_it_links_to(run: Run) -> None:
    data = run(
        '{ roleLevel(family: "Clinical Trials Operations", level: "M5") { frames { sections {'
        " rows { sourceTag tagSource { label node { __typename } } } } } } }"
    )
    rows = [
        row
        for frame in data["roleLevel"]["frames"]
        for section in frame["sections"]
        for row in section["rows"]
    ]
    assert rows and all(row["sourceTag"].startswith(row["tagSource"]["label"]) for row in rows)
    kinds = {(row["sourceTag"], row["tagSource"]["node"]["__typename"]) for row in rows}
    assert ("JFM responsibility (M5)", "Responsibility") in kinds
    assert ("level dimension (Scope)", "LevelDimension") in kinds
