"""Every canon IRI resolves on the service, as Turtle, JSON-LD or a readable page."""

from __future__ import annotations

import json

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from jobframe.api.urls import node_url
from jobframe.canon import Canon
from jobframe.loading import Served
from jobframe.vocabulary import JF
from tests.web.conftest import client_of

M5 = "https://jobframe.example/canon/level/M5"
RESPONSIBILITY = (
    "https://jobframe.example/canon/role/clinical-trials-operations/M5/responsibility/3"
)


def test_iris_under_the_base_map_onto_canon_paths() -> None:
    assert node_url(M5) == "/canon/level/M5"
    assert node_url(JF.ComplexityProblemSolving).startswith("/canon?iri=https%3A%2F%2F")


def test_a_node_as_turtle(served: Served) -> None:
    response = client_of(served).get("/canon/level/M5", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert (URIRef(M5), SKOS.notation, Literal("M5")) in graph
    assert (URIRef(M5), SKOS.prefLabel, Literal("Senior Director")) in graph
    assert (URIRef(M5), URIRef(JF.track), URIRef("https://jobframe.example/canon/track/M")) in graph


def test_a_node_as_json_ld_with_a_context(served: Served) -> None:
    response = client_of(served).get(
        "/canon/role/clinical-trials-operations/M5/responsibility/3",
        headers={"Accept": "application/ld+json"},
    )
    document = json.loads(response.text)
    assert document["@context"]["jf"] == "https://jobframe.example/ontology#"
    graph = Graph().parse(data=response.text, format="json-ld")
    role = URIRef("https://jobframe.example/canon/role/clinical-trials-operations/M5")
    assert (URIRef(RESPONSIBILITY), URIRef(JF.roleLevel), role) in graph


def test_a_node_page_shows_its_text_lineage_and_the_lines_that_quote_it(
    served: Served, canon: Canon
) -> None:
    page = client_of(served).get(node_url(RESPONSIBILITY)).text
    text = canon.nodes[RESPONSIBILITY].text or ""
    assert f"<blockquote>{text}</blockquote>" in page
    assert 'href="/canon/family/clinical-trials-operations"' in page
    assert 'href="/canon/function/clinical-trials-operations"' in page
    assert page.count("<li>") >= 4, "SMART heading, Specific, KR1, MBO area, scorecard measure"
    assert "Deliver: &quot;Serves as primary lead" in page


def test_a_dimension_page_lists_the_lines_of_role_levels_at_its_levels(served: Served) -> None:
    page = client_of(served).get("/canon/dimension/scope").text
    assert "Evidence at this level&#x27;s scope bar" in page
    assert "Meets the scope bar" in page


def test_an_unknown_iri_is_404_with_the_closest(served: Served) -> None:
    response = client_of(served).get("/canon/level/M6")
    assert response.status_code == 404
    assert response.json()["closest"][0] == {"iri": M5, "url": "/canon/level/M5"}


def test_graphql_nodes_give_their_url(served: Served) -> None:
    client = client_of(served)
    query = '{ roleLevel(family: "Clinical Trials Operations", level: "M5") { url level { url } } }'
    data = client.post("/graphql", json={"query": query}).json()["data"]["roleLevel"]
    assert data["level"]["url"] == "/canon/level/M5"
    assert client.get(data["url"]).status_code == 200


def test_content_negotiation_follows_q_values(served: Served) -> None:
    client = client_of(served)
    html = client.get("/canon/level/M5", headers={"Accept": "text/turtle;q=0, text/html;q=1"})
    assert html.headers["content-type"].startswith("text/html")
    turtle = client.get("/canon/level/M5", headers={"Accept": "text/html;q=0.5, text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert client.get("/canon/level/M5").headers["content-type"].startswith("text/html")
    for response in (html, turtle):
        assert response.headers["Vary"] == "Accept"


def test_a_type_the_node_cannot_be_is_406(served: Served) -> None:
    response = client_of(served).get("/canon/level/M5", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.json()["available"]
    assert response.headers["Vary"] == "Accept"
