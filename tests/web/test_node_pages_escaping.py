"""Every HTML answer escapes canon text by one rule and tells the browser to run nothing it
did not send: a `javascript:` source is text, never a link (issue 20, finding 10), and every
page carries a Content-Security-Policy, `nosniff` and `frame-ancestors 'none'`."""

from __future__ import annotations

import dataclasses

import html5lib
import pytest

from jobframe.canon import Canon, CanonAbout
from jobframe.loading import Served
from jobframe.web.node_pages import answer
from tests.web.conftest import client_of

BASE = "https://jobframe.example/canon/"
HOSTILE_SOURCE = "javascript:alert(document.domain)"


def _with_about(canon: Canon, **about: str) -> Canon:
    """The canon with its description changed: what a page writer must survive even if a
    canon reached it without being checked."""
    return dataclasses.replace(canon, about=CanonAbout(iri=BASE + "about", label="T", **about))


def _links(page: str) -> list[str]:
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return [a.get("href", "") for a in tree.iter("a")]


def test_a_javascript_source_is_shown_as_text_never_as_a_live_link(canon: Canon) -> None:
    hostile = _with_about(
        canon, source=HOSTILE_SOURCE, license=" JaVa\tScRiPt:alert(1)", attribution="<b>x</b>"
    )
    page = bytes(answer(hostile, BASE + "level/M5", "text/html", BASE).body).decode()
    links = _links(page)
    assert links, "the page links its lineage"
    assert not [h for h in links if "script" in h.lower()], links
    footer = html5lib.parse(page, namespaceHTMLElements=False).find(".//footer")
    assert HOSTILE_SOURCE in "".join(footer.itertext()), "the source is still credited, as text"
    assert "<b>x</b>" not in page


def test_an_http_source_stays_a_live_link(canon: Canon) -> None:
    good = _with_about(canon, source="https://data.example/?a=1&b=2", license="mailto:a@b.example")
    links = _links(bytes(answer(good, BASE + "level/M5", "text/html", BASE).body).decode())
    assert "https://data.example/?a=1&b=2" in links and "mailto:a@b.example" in links


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/", "text/html"),
        ("/viewer/index.html", "text/html"),
        ("/canon/level/M5", "text/html"),
        ("/graphql", "text/html"),
    ],
)
def test_every_html_answer_has_a_policy_nosniff_and_no_framing(
    served: Served, path: str, accept: str
) -> None:
    response = client_of(served).get(path, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in policy
    assert "default-src 'none'" in policy
    assert "base-uri 'none'" in policy
    assert response.headers.get("x-content-type-options") == "nosniff"


def test_the_viewer_and_node_pages_run_only_the_services_own_scripts(served: Served) -> None:
    for path in ("/", "/canon/level/M5"):
        policy = client_of(served).get(path).headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "https:" not in policy, policy
        assert "script-src 'self'" in policy or "script-src" not in policy


def test_graphiql_may_load_exactly_its_cdn_and_nothing_else(served: Served) -> None:
    response = client_of(served).get("/graphql", headers={"Accept": "text/html"})
    policy = response.headers["content-security-policy"]
    for source in _script_sources(response.text):
        assert source.startswith("https://unpkg.com/"), source
    assert "script-src https://unpkg.com 'unsafe-inline'" in policy
    assert "connect-src 'self'" in policy


def test_answers_that_are_not_html_say_nosniff_too(served: Served) -> None:
    for path in ("/healthz", "/viewer/viewer.js", "/canon/nowhere"):
        response = client_of(served).get(path)
        assert response.headers.get("x-content-type-options") == "nosniff", path


def _script_sources(page: str) -> list[str]:
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return [s.get("src", "") for s in tree.iter("script") if s.get("src")]
