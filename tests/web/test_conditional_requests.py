"""`If-None-Match` as RFC 9110 section 13.1.2 reads it, on every route that sends an ETag:
`*` matches any current representation, a list is matched member by member, by the weak
comparison (`W/"x"` matches `"x"`), over every field line; an answer that is no validator
(errors, a spent budget, a status other than 2xx, no ETag) is never a 304."""

from __future__ import annotations

import pytest

from jobframe.loading import Served
from tests.web.conftest import client_of
from tests.web.test_graphql_http import JSON, QUERY, View, call, request, wrapper

MISSING = '{ roleLevel(family: "No such family", level: "M5") { label } }'


def _etag_of_a_good_get(served: Served) -> str:
    answer = client_of(served).get("/graphql", params={"query": QUERY})
    assert answer.status_code == 200 and "errors" not in answer.json()
    etag: str = answer.headers["etag"]
    return etag


@pytest.mark.parametrize(
    "if_none_match",
    [
        "*",
        " * ",
        "W/{etag}",
        '"other", W/{etag}',
        '"a,b",{etag}',
        '"x",,  {etag} ,',
    ],
)
def test_if_none_match_names_a_good_answer_by_star_a_weak_tag_or_a_list_and_gets_304(
    served: Served, if_none_match: str
) -> None:
    etag = _etag_of_a_good_get(served)
    client = client_of(served)
    answer = client.get(
        "/graphql",
        params={"query": QUERY},
        headers={"If-None-Match": if_none_match.format(etag=etag)},
    )
    assert answer.status_code == 304 and answer.content == b""
    assert answer.headers["etag"] == etag


def test_if_none_match_over_two_field_lines_is_one_list(served: Served) -> None:
    app = wrapper(served, View())
    etag = dict(call(app)[1])[b"etag"]
    lines = [(b"if-none-match", b'"old"'), (b"if-none-match", etag)]
    assert call(app, headers=lines)[0] == 304


@pytest.mark.parametrize("if_none_match", ['"other"', 'W/"other"', "**", '"', "", "junk"])
def test_if_none_match_that_names_no_current_answer_gets_the_answer(
    served: Served, if_none_match: str
) -> None:
    answer = client_of(served).get(
        "/graphql", params={"query": QUERY}, headers={"If-None-Match": if_none_match}
    )
    assert answer.status_code == 200 and answer.json()["data"]


@pytest.mark.parametrize("if_none_match", ["*", "W/{etag}", "{etag}"])
@pytest.mark.parametrize(
    ("query", "settings"), [(MISSING, {}), (QUERY, {"time_budget": 0.0})], ids=["error", "spent"]
)
def test_an_error_answer_is_never_a_304_even_to_star(
    served: Served, if_none_match: str, query: str, settings: dict[str, float]
) -> None:
    etag = _etag_of_a_good_get(served)
    answer = client_of(served, **settings).get(
        "/graphql",
        params={"query": query},
        headers={"If-None-Match": if_none_match.format(etag=etag)},
    )
    assert answer.status_code == 200 and answer.json()["errors"]
    assert "etag" not in answer.headers
    assert answer.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("status", [201, 400, 500, 503])
def test_an_answer_whose_status_is_not_200_is_no_validator(served: Served, status: int) -> None:
    """A view that recorded a clean execution, then answered another status (a fault after
    the execution), has no ETag and is never a 304."""
    view = View(
        {"type": "http.response.start", "status": status, "headers": [JSON]},
        {"type": "http.response.body", "body": b'{"data":{}}'},
    )
    app = wrapper(served, view)
    got, headers, _ = call(app, request(b"{}"), headers=[(b"if-none-match", b"*")])
    assert got == status
    assert b"etag" not in dict(headers)
    assert dict(headers)[b"cache-control"] == b"no-store"


def test_viewer_assets_answer_if_none_match_by_the_same_rules(served: Served) -> None:
    client = client_of(served)
    asset = client.get("/viewer/viewer.js")
    etag = asset.headers["etag"]
    for matching in ("*", etag, f"W/{etag}", f'"x", {etag}'):
        answer = client.get("/viewer/viewer.js", headers={"If-None-Match": matching})
        assert answer.status_code == 304, matching
    for other in ('"x"', "junk"):
        answer = client.get("/viewer/viewer.js", headers={"If-None-Match": other})
        assert answer.status_code == 200 and answer.content == asset.content
    assert client.get("/viewer/no-such.js", headers={"If-None-Match": "*"}).status_code == 404


def test_node_pages_send_no_etag_so_star_is_never_a_304(served: Served) -> None:
    client = client_of(served)
    page = client.get("/canon/level/M5", headers={"If-None-Match": "*"})
    assert page.status_code == 200 and "etag" not in page.headers
    missing = client.get("/canon/level/M99", headers={"If-None-Match": "*"})
    assert missing.status_code == 404
