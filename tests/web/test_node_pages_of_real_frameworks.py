"""Node pages show what real frameworks add: a responsibility's group, a statement's own
family, the language of each value, and the attribution a published source requires."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from jobframe.canon import Canon
from jobframe.vocabulary import JF
from jobframe.web.node_pages import answer
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, dimensions, role_level

BASE = "https://test.example/canon/"
EXTRAS = (
    PREFIXES
    + """
@prefix dcterms: <http://purl.org/dc/terms/> .
<group/results> a jf:ResponsibilityGroup ; skos:prefLabel "Results" ; jf:displayOrder 1 .
<role/ops/P3/r1> jf:group <group/results> .
<level/P3/scope/ops> a jf:DimensionStatement ; jf:level <level/P3> ;
    jf:dimension <dimension/scope> ; jf:family <family/ops> ; jf:text "Field scope" .
<function/ops> skos:prefLabel "Betrieb"@de .
<about> a jf:Canon ; dcterms:title "Test canon" ;
    dcterms:source <https://data.example/> ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
    dcterms:rights "Includes data from Example, used under CC BY 4.0." .
"""
)


def _canon(make_canon: CanonMaker) -> Canon:
    return make_canon(ARCHITECTURE, dimensions("Scope"), role_level(1), EXTRAS)


def _page(canon: Canon, path: str) -> str:
    return bytes(answer(canon, BASE + path, "text/html", BASE).body).decode()


def test_a_responsibility_page_links_its_group(make_canon: CanonMaker) -> None:
    page = _page(_canon(make_canon), "role/ops/P3/r1")
    assert 'Group: <a href="/canon/group/results">Results</a>' in page


def test_a_family_statement_page_names_its_family_and_its_users(make_canon: CanonMaker) -> None:
    page = _page(_canon(make_canon), "level/P3/scope/ops")
    assert "Specific to the family" in page and "Field Operations" in page
    assert "Field scope" in page.split("Used by")[1]


def test_every_node_page_shows_the_canons_attribution(make_canon: CanonMaker) -> None:
    canon = _canon(make_canon)
    for path in ("level/P3", "role/ops/P3", "about"):
        page = _page(canon, path)
        assert "Includes data from Example, used under CC BY 4.0." in page
        assert 'href="https://creativecommons.org/licenses/by/4.0/"' in page


def test_values_keep_their_language_and_the_canon_node_its_terms(make_canon: CanonMaker) -> None:
    canon = _canon(make_canon)
    function = canon.in_language("de").nodes[BASE + "function/ops"]
    turtle = bytes(answer(canon.in_language("de"), function.iri, "text/turtle", BASE).body)
    graph = Graph().parse(data=turtle, format="turtle")
    assert (URIRef(function.iri), SKOS.prefLabel, Literal("Betrieb", lang="de")) in graph
    about = Graph().parse(
        data=bytes(answer(canon, BASE + "about", "text/turtle", BASE).body), format="turtle"
    )
    assert (URIRef(BASE + "about"), DCTERMS.title, Literal("Test canon")) in about
    assert (URIRef(BASE + "about"), URIRef(JF.group), None) not in about
