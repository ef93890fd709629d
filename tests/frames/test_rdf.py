"""Frame lines as RDF: the same triples in every format; JSON-LD compacted with the node pages'
context and in reading order, so a person can read it and a diff of two exports is stable."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from jobframe.budget import BudgetSpent, budget
from jobframe.canon import Canon
from jobframe.cli import main
from jobframe.frames import FrameKind, RdfFormat, build_frame, build_page, serialize_frames
from jobframe.vocabulary import JSONLD_CONTEXT
from tests.conftest import ARCHITECTURE, CanonMaker, dimensions, role_level

ROLE = ("Clinical Trials Operations", "M5")


def test_json_ld_holds_the_same_triples_as_turtle(canon: Canon) -> None:
    frames = build_page(canon.role_level(*ROLE)).frames
    turtle = Graph().parse(data=serialize_frames(frames, RdfFormat.TURTLE), format="turtle")
    json_ld = Graph().parse(data=serialize_frames(frames, RdfFormat.JSON_LD), format="json-ld")
    assert len(turtle) > 100
    assert isomorphic(turtle, json_ld)


def test_json_ld_uses_the_node_pages_context(canon: Canon) -> None:
    frame = build_frame(canon.role_level(*ROLE), FrameKind.OKR)
    data = json.loads(serialize_frames([frame], RdfFormat.JSON_LD))
    assert data["@context"] == JSONLD_CONTEXT
    assert all(not key.startswith("http") for node in data["@graph"] for key in node)


def test_json_ld_lists_frames_lines_and_quotations_in_reading_order(canon: Canon) -> None:
    frames = build_page(canon.role_level(*ROLE)).frames
    nodes = json.loads(serialize_frames(frames, RdfFormat.JSON_LD))["@graph"]
    expected = []
    for frame in frames:
        frame_iri = f"{frame.role_level.iri}/frames/{frame.kind.value}"
        expected.append(frame_iri)
        for position, line in enumerate(frame.lines, start=1):
            expected.append(f"{frame_iri}/line/{position}")
            expected += [
                f"_:{frame.kind.value}-{position}-q{n}" for n in range(1, 1 + len(line.sources))
            ]
    assert [node["@id"] for node in nodes] == expected
    members = nodes[0]["prov:hadMember"]
    assert [m["@id"].rsplit("/", 1)[1] for m in members] == [
        str(n) for n in range(1, len(frames[0].lines) + 1)
    ]


def test_a_line_lists_its_sources_in_the_order_it_quotes_them(canon: Canon) -> None:
    frame = build_frame(canon.role_level(*ROLE), FrameKind.MBO)
    written = json.loads(serialize_frames([frame], RdfFormat.JSON_LD))
    nodes = {n["@id"]: n for n in written["@graph"]}
    standard = frame.lines[1]
    line = nodes[f"{frame.role_level.iri}/frames/mbo/line/2"]
    quoted = [q["@id"].replace("jf:", JSONLD_CONTEXT["jf"]) for q in line["prov:wasQuotedFrom"]]
    assert quoted == [s.node.iri for s in standard.sources]


def test_the_cli_json_ld_is_the_same_on_every_run() -> None:
    args = ["frame", *ROLE, "--kind", "smart", "--format", "json-ld"]
    first, second = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.output == second.output
    assert json.loads(first.output)["@context"] == JSONLD_CONTEXT


def test_writing_rdf_stops_when_the_request_budget_is_spent(make_canon: CanonMaker) -> None:
    """`frames { rdf }` on 2,000 responsibilities ran 12.8 s: the loop checks the budget."""
    huge = make_canon(ARCHITECTURE, dimensions("Scope"), role_level(2000))
    frames = build_page(huge.role_level("Field Operations", "P3")).frames
    with budget(0.0), pytest.raises(BudgetSpent):
        serialize_frames(frames, RdfFormat.TURTLE)


def test_building_a_frame_stops_when_the_request_budget_is_spent(make_canon: CanonMaker) -> None:
    huge = make_canon(ARCHITECTURE, dimensions("Scope"), role_level(2000))
    with budget(0.0), pytest.raises(BudgetSpent):
        build_page(huge.role_level("Field Operations", "P3"))
