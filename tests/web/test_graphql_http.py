"""HTTP caching: ETag from canon version and request, Cache-Control, 304, the response cache."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import orjson
import pytest
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jobframe.api import Limits
from jobframe.loading import CanonHolder, Served
from jobframe.resources import DEFAULT_CANON_DIR
from jobframe.settings import Settings
from jobframe.web import graphql_http
from jobframe.web.graphql_http import GraphQLHTTP
from jobframe.web.request_scope import set_outcome
from jobframe.web.response_cache import CachedResponse, ResponseCache, entry_size
from jobframe.web.validators import VARY, Outcome
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
    entry = CachedResponse(200, (), b"12345")
    cache = ResponseCache(max_bytes=2 * entry_size("a", entry))
    cache.put("v1", "a", entry)
    cache.put("v1", "b", entry)
    cache.put("v1", "c", entry)
    assert len(cache) == 2 and cache.get("v1", "a") is None
    assert cache.size == 2 * entry_size("a", entry)
    cache.put("v2", "a", entry)
    assert len(cache) == 1 and cache.get("v1", "b") is None and cache.get("v2", "a") == entry
    cache.put("v2", "big", CachedResponse(200, (), b"x" * 2 * entry_size("a", entry)))
    assert cache.get("v2", "big") is None


def _cache_of(client: TestClient) -> ResponseCache | None:
    for route in client.app.routes:  # type: ignore[attr-defined]
        if getattr(route, "path", None) == "/graphql":
            cache: ResponseCache | None = route.app.cache
            return cache
    raise AssertionError("no /graphql route")


# The wrapper on its own, around a stand-in view, at the level of ASGI messages: what the view
# is given to read, and every header name and value the client is sent.

Headers = list[tuple[bytes, bytes]]
GOOD = Outcome()


class View:
    """A stand-in GraphQL view: records what it reads, answers with the given messages and
    leaves the outcome of its execution in the scope, as `CanonGraphQL` does."""

    def __init__(self, *answer: dict[str, object], reads: int = 1, outcome: Outcome = GOOD) -> None:
        self.answer = answer or (
            {"type": "http.response.start", "status": 200, "headers": []},
            {"type": "http.response.body", "body": b'{"data":{}}'},
        )
        self.reads = reads
        self.outcome = outcome
        self.calls = 0
        self.read: list[dict[str, object]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        set_outcome(scope, self.outcome)
        for _ in range(self.reads):
            self.read.append(dict(await receive()))
        for message in self.answer:
            await send(message)


def wrapper(
    served: Served, view: ASGIApp, cache: ResponseCache | None = None, limit: int = 1000
) -> GraphQLHTTP:
    holder = CanonHolder(DEFAULT_CANON_DIR, served)
    return GraphQLHTTP(view, holder, cache, "no-cache", Limits.of(Settings(max_body_bytes=limit)))


def call(
    app: GraphQLHTTP,
    *chunks: dict[str, object],
    method: str = "POST",
    headers: Headers | None = None,
    scope_type: str = "http",
) -> tuple[int, Headers, bytes]:
    """Status, raw headers and body of one request whose body arrives as `chunks`."""
    messages = list(chunks or ({"type": "http.request", "body": b"{}"},))
    scope: dict[str, object] = {"type": scope_type, "headers": headers or [], "query_string": b""}
    if scope_type == "http":
        scope["method"] = method

    async def receive() -> Message:
        assert messages, "read past the end of the request"
        return messages.pop(0)  # type: ignore[return-value]

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next((m for m in sent if m["type"] == "http.response.start"), {})
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return int(start.get("status", 0)), list(start.get("headers", [])), body


def request(body: bytes, more: bool = False) -> dict[str, object]:
    return {"type": "http.request", "body": body, "more_body": more}


def test_the_view_reads_the_whole_body_once_then_a_disconnect(served: Served) -> None:
    view = View(reads=2)
    chunks = (request(b'{"query":', True), {"type": "http.request", "more_body": True})
    call(wrapper(served, view), *chunks, request(b' "{ x }"}'))
    assert view.read == [
        {"type": "http.request", "body": b'{"query": "{ x }"}', "more_body": False},
        {"type": "http.disconnect"},
    ]


def test_a_body_is_refused_once_its_chunks_together_pass_the_limit_and_the_rest_is_drained(
    served: Served,
) -> None:
    view = View()
    rest = request(b"the rest, thrown away")
    status, headers, body = call(
        wrapper(served, view, limit=10), request(b"12345678901", True), rest
    )
    assert status == 413 and view.calls == 0
    assert orjson.loads(body)["errors"][0]["message"] == (
        "the request body is larger than 10 bytes"
    )
    assert headers == [(b"content-length", str(len(body)).encode()), JSON]
    chunks = (request(b"12345", True), request(b"12345", True), request(b"6"))
    assert call(wrapper(served, View(), limit=10), *chunks)[0] == 413
    assert call(wrapper(served, View(), limit=10), *chunks[:1], request(b"12345"))[0] == 200


JSON = (b"content-type", b"application/json")


def test_the_views_answer_passes_with_its_headers_and_body_and_our_caching_headers(
    served: Served,
) -> None:
    view = View(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"x-view", b"1"),
                (b"etag", b'"theirs"'),
                JSON,
                (b"content-length", b"999"),
                (b"cache-control", b"private"),
            ],
        },
        {"type": "http.response.body", "body": b'{"data":', "more_body": True},
        {"type": "http.response.body", "more_body": True},
        {"type": "http.response.body", "body": b"{}}"},
    )
    status, headers, body = call(wrapper(served, view))
    assert status == 200 and body == b'{"data":{}}'
    etag = headers[2][1]
    assert headers == [
        (b"x-view", b"1"),
        JSON,
        (b"etag", etag),
        (b"cache-control", b"no-cache"),
        (b"vary", VARY),
        (b"content-length", b"11"),
    ]
    assert re.fullmatch(rf'"{served.canon.version}-[0-9a-f]{{16}}"', etag.decode())


def test_an_answer_without_headers_is_sent_as_json(served: Served) -> None:
    view = View(
        {"type": "http.response.start", "status": 200},
        {"type": "http.response.body", "body": b'{"data":{}}'},
    )
    status, headers, _ = call(wrapper(served, view))
    assert status == 200
    assert [name for name, _ in headers] == [
        b"etag",
        b"cache-control",
        b"vary",
        b"content-length",
        JSON[0],
    ]
    assert headers[-1] == JSON


async def silent(scope: Scope, receive: Receive, send: Send) -> None:
    """A view that answers nothing at all."""


def test_a_view_that_answers_nothing_is_a_500(served: Served) -> None:
    status, headers, body = call(wrapper(served, silent))
    assert (status, body) == (500, b"")
    assert (b"content-length", b"0") in headers


@pytest.mark.parametrize("method", ["PUT", "OPTIONS", "DELETE"])
def test_other_methods_are_405_coded_without_the_view(served: Served, method: str) -> None:
    view = View()
    status, headers, body = call(wrapper(served, view), request(b"12"), method=method)
    assert view.calls == 0
    assert status == 405 and (b"allow", b"GET, POST") in headers
    assert orjson.loads(body)["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_websocket_goes_to_the_view_untouched(served: Served) -> None:
    view = View(reads=1)
    call(wrapper(served, view), {"type": "websocket.connect"}, scope_type="websocket")
    assert view.read == [{"type": "websocket.connect"}]


def test_a_repeated_request_is_answered_from_the_cache_without_the_view(served: Served) -> None:
    view = View()
    app = wrapper(served, view, cache=ResponseCache(10_000))
    first = call(app, request(b'{"query": "{ a }"}'))
    again = call(app, request(b'{"query": "{ a }"}'))
    assert view.calls == 1 and again == first
    call(app, request(b'{"query": "{ b }"}'))
    assert view.calls == 2


def test_the_etag_differs_with_the_content_type_of_the_same_body(served: Served) -> None:
    app = wrapper(served, View())

    def etag(content_type: bytes) -> bytes:
        headers = call(app, request(b"{}"), headers=[(b"content-type", content_type)])[1]
        return dict(headers)[b"etag"]

    assert etag(b"application/json") == etag(b"application/json")
    assert etag(b"application/json") != etag(b"application/graphql+json")


def test_if_none_match_may_list_etags_without_spaces(served: Served) -> None:
    app = wrapper(served, View())
    etag = dict(call(app)[1])[b"etag"]
    status, headers, body = call(app, headers=[(b"if-none-match", b'"old",' + etag)])
    assert (status, body) == (304, b"")
    assert headers == [
        (b"etag", etag),
        (b"cache-control", b"no-cache"),
        (b"vary", VARY),
        (b"content-length", b"0"),
        JSON,
    ]


ACCEPT_SPEC = (b"accept", b"application/graphql-response+json")


def test_under_graphql_response_json_an_answer_without_data_is_400(served: Served) -> None:
    view = View(
        {"type": "http.response.start", "status": 200, "headers": [JSON]},
        {"type": "http.response.body", "body": b'{"data":null,"errors":[{"message":"x"}]}'},
        outcome=Outcome(errors=True),
    )
    status, headers, _ = call(wrapper(served, view), headers=[ACCEPT_SPEC])
    assert status == 400
    assert [h for h in headers if h[0] == b"content-type"] == [
        (b"content-type", b"application/graphql-response+json")
    ]


def test_under_graphql_response_json_an_answer_that_is_not_json_is_left_alone(
    served: Served,
) -> None:
    view = View(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain")],
        },
        {"type": "http.response.body", "body": b"not json"},
    )
    status, headers, body = call(wrapper(served, view), headers=[ACCEPT_SPEC])
    assert (status, body) == (200, b"not json")
    assert (b"content-type", b"text/plain") in headers


def test_a_spent_budget_answers_only_its_first_budget_error_and_is_not_cached(
    served: Served,
) -> None:
    spent = {"message": "out of time", "extensions": {"code": "TIME_BUDGET_EXCEEDED"}}
    other = {"message": "other", "extensions": {"code": "NOT_FOUND"}}
    answer = orjson.dumps({"data": {"a": 1}, "errors": [other, spent, {**spent, "path": ["b"]}]})
    view = View(
        {"type": "http.response.start", "status": 200, "headers": [JSON]},
        {"type": "http.response.body", "body": answer},
        outcome=Outcome(errors=True, spent=True),
    )
    cache = ResponseCache(10_000)
    status, _, body = call(wrapper(served, view, cache=cache))
    assert status == 200
    assert orjson.loads(body) == {"data": None, "errors": [spent]}
    assert len(cache) == 0


def test_the_rest_of_an_oversized_body_is_read_up_to_the_discard_bound() -> None:
    sent: list[Message] = [
        {"type": "http.request", "body": b"x" * 10, "more_body": True},
        {"type": "http.request", "body": b"y" * 10, "more_body": True},
        {"type": "http.request", "body": b"z" * 10, "more_body": False},
        {"type": "http.request", "body": b"never read", "more_body": False},
    ]
    queue = list(sent)

    async def receive() -> Message:
        return queue.pop(0)

    first = queue.pop(0)
    asyncio.run(graphql_http._discard(receive, first, 10))
    assert queue == sent[3:]  # read to the end of the body, and no further
    queue[:] = list(sent[1:])
    asyncio.run(graphql_http._discard(receive, first, graphql_http.DISCARD_BYTES + 1))
    assert queue == sent[1:]  # past the bound, nothing more is read
    queue[:] = list(sent[1:])
    asyncio.run(graphql_http._discard(receive, first, graphql_http.DISCARD_BYTES - 5))
    assert queue == sent[2:]  # one chunk takes it past the bound


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_answer_that_spent_its_budget_is_no_validator_and_never_304(
    served: Served, method: str
) -> None:
    client = client_of(served, time_budget=0.0)

    def ask(headers: dict[str, str]) -> object:
        if method == "GET":
            return client.get("/graphql", params={"query": QUERY}, headers=headers)
        return client.post("/graphql", json={"query": QUERY}, headers=headers)

    spent = ask({})
    assert spent.status_code == 200  # type: ignore[attr-defined]
    assert spent.json()["errors"][0]["extensions"]["code"] == "TIME_BUDGET_EXCEEDED"  # type: ignore[attr-defined]
    assert "etag" not in spent.headers  # type: ignore[attr-defined]
    assert spent.headers["cache-control"] == "no-store"  # type: ignore[attr-defined]
    good_etag = client_of(served).post("/graphql", json={"query": QUERY}).headers["etag"]
    if method == "GET":
        good_etag = client_of(served).get("/graphql", params={"query": QUERY}).headers["etag"]
    again = ask({"If-None-Match": good_etag})
    assert again.status_code == 200  # type: ignore[attr-defined]
    assert "etag" not in again.headers  # type: ignore[attr-defined]


def test_an_answer_with_errors_is_no_validator(served: Served) -> None:
    client = client_of(served)
    missing = {"query": '{ roleLevel(family: "No such family", level: "M5") { label } }'}
    answer = client.post("/graphql", json=missing)
    assert answer.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "etag" not in answer.headers
    assert answer.headers["cache-control"] == "no-store"


def test_vary_names_every_request_header_the_answer_reads(served: Served) -> None:
    answer = client_of(served).post("/graphql", json={"query": QUERY})
    named = {name.strip().lower() for name in answer.headers["vary"].split(",")}
    assert named == {"accept", "accept-language", "content-type"}
