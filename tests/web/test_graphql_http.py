"""HTTP caching: ETag from canon version and request, Cache-Control, 304, the response cache."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from starlette.testclient import TestClient

from jobframe.loading import Served
from jobframe.web.holder import CanonHolder
from jobframe.web.response_cache import CachedResponse, ResponseCache
from tests.checks.corpus import BASE
from tests.conftest import serve_folder
from tests.web.conftest import client_of

QUERY = (
    '{ roleLevel(family: "Clinical Trials Operations", level: "M5") { frame(kind: OKR) { text } } }'
)
OTHER = '{ roleLevel(family: "Clinical Trials Operations", level: "M5") { label } }'


def test_etag_names_the_canon_version_and_the_request(served: Served) -> None:
    client = client_of(served)
    one = client.post("/graphql", json={"query": QUERY})
    again = client.post("/graphql", json={"query": QUERY})
    other = client.post("/graphql", json={"query": OTHER})
    assert one.headers["ETag"].startswith(f'"{served.canon.version}-')
    assert one.headers["ETag"] == again.headers["ETag"]
    assert other.headers["ETag"] != one.headers["ETag"]
    assert one.headers["Cache-Control"] == "no-cache"


def test_if_none_match_gets_304_for_get_and_post(served: Served) -> None:
    client = client_of(served)
    get = client.get("/graphql", params={"query": QUERY})
    assert get.status_code == 200
    not_modified = client.get(
        "/graphql", params={"query": QUERY}, headers={"If-None-Match": get.headers["ETag"]}
    )
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["ETag"] == get.headers["ETag"]
    post = client.post("/graphql", json={"query": QUERY})
    again = client.post(
        "/graphql", json={"query": QUERY}, headers={"If-None-Match": f'"x", {post.headers["ETag"]}'}
    )
    assert again.status_code == 304


def test_stale_etag_gets_the_full_response(served: Served) -> None:
    client = client_of(served)
    response = client.get("/graphql", params={"query": QUERY}, headers={"If-None-Match": '"old-1"'})
    assert response.status_code == 200 and response.json()["data"]


def test_cache_control_is_configurable(served: Served) -> None:
    client = client_of(served, cache_control="public, max-age=60")
    assert client.get("/graphql", params={"query": QUERY}).headers["Cache-Control"] == (
        "public, max-age=60"
    )


def test_repeated_request_is_answered_from_the_cache(served: Served) -> None:
    client = client_of(served)
    app_cache = _cache_of(client)
    first = client.post("/graphql", json={"query": QUERY})
    assert len(app_cache) == 1
    second = client.post("/graphql", json={"query": QUERY})
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    assert len(app_cache) == 1


def test_cache_can_be_turned_off(served: Served) -> None:
    client = client_of(served, response_cache_mb=0)
    assert _cache_of(client) is None
    assert client.post("/graphql", json={"query": QUERY}).status_code == 200


def test_graphiql_page_is_not_cached(served: Served) -> None:
    client = client_of(served)
    page = client.get("/graphql", headers={"Accept": "text/html"})
    assert "graphiql" in page.text.lower()
    assert "ETag" not in page.headers
    assert len(_cache_of(client)) == 0


def test_reload_serves_new_answers_not_cached_ones(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    holder = CanonHolder(folder, serve_folder(folder))
    client = client_of(holder)
    query = '{ roleLevel(family: "Field Operations", level: "P3") { frame(kind: SMART) { text } } }'
    before = client.post("/graphql", json={"query": query})
    path = folder / "role.ttl"
    path.write_text(path.read_text().replace("Runs field visits", "Runs audits"), encoding="utf-8")
    assert asyncio.run(holder.reload("admin")).succeeded
    after = client.post("/graphql", json={"query": query})
    assert "Runs audits" in after.text and "Runs audits" not in before.text
    assert after.headers["ETag"] != before.headers["ETag"]


def test_cache_is_bounded_by_bytes_and_keeps_one_version() -> None:
    cache = ResponseCache(max_bytes=10)
    entry = CachedResponse(200, (), b"12345")
    cache.put("v1", "a", entry)
    cache.put("v1", "b", entry)
    cache.put("v1", "c", entry)
    assert len(cache) == 2 and cache.get("v1", "a") is None and cache.size == 10
    cache.put("v2", "a", entry)
    assert len(cache) == 1 and cache.get("v1", "b") is None and cache.get("v2", "a") == entry
    cache.put("v2", "big", CachedResponse(200, (), b"x" * 11))
    assert cache.get("v2", "big") is None


def _cache_of(client: TestClient) -> ResponseCache | None:
    for route in client.app.routes:  # type: ignore[attr-defined]
        if getattr(route, "path", None) == "/graphql":
            cache: ResponseCache | None = route.app.cache
            return cache
    raise AssertionError("no /graphql route")
