"""Every path to execution gets the same limits, and work stops when its client leaves."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx2
import orjson
import pytest

from jobframe.loading import CanonHolder, Served
from jobframe.settings import Settings
from jobframe.web.app import create_app
from tests.servers import jobframe_serve
from tests.web.conftest import client_of

COSTLY = (
    "{ functions(first: 100) { edges { node { families { nodes { roleLevels { nodes {"
    " frames { lines { text sources { quote node { iri } } } } } } } } } } } }"
)
HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.mark.parametrize("production", [False, True])
def test_a_get_with_a_query_goes_through_the_limits_whatever_it_accepts(
    thousand: Served, production: bool
) -> None:
    """With `Accept: text/html`, a query in the URL skipped the wrapper: no budget, no ETag."""
    client = client_of(CanonHolder(Path("."), thousand), production=production)
    cheap = client.get(f"/graphql?query={quote('{ __typename }')}", headers=HTML)
    assert cheap.status_code == 200 and cheap.headers["etag"]
    assert cheap.json()["extensions"]["cost"]["estimate"] == 0
    costly = client.get(f"/graphql?query={quote(COSTLY)}", headers=HTML)
    assert costly.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


def test_a_browser_without_a_query_still_gets_graphiql(served: Served) -> None:
    page = client_of(served).get("/graphql", headers=HTML)
    assert page.status_code == 200 and "graphiql" in page.text.lower()


def test_a_client_that_disconnects_cancels_the_work_of_its_request(thousand: Served) -> None:
    """The work used to go on after the client had gone; now the worker thread stops at its
    next budget check, long before the (generous) time budget."""
    app = create_app(
        CanonHolder(Path("."), thousand), Settings(max_query_cost=10**9, time_budget=600)
    )
    query = "{ roleLevels(first: 100) { nodes { frames { rdf } } } }"
    body = orjson.dumps({"query": query})
    sent: list[dict[str, Any]] = []

    async def run() -> None:
        messages = [{"type": "http.request", "body": body, "more_body": False}]

        async def receive() -> dict[str, Any]:
            if messages:
                return messages.pop()
            await asyncio.sleep(0.3)  # the client goes away while the query runs
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": "POST",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "root_path": "",
            "scheme": "http",
            "query_string": b"",
            "headers": [(b"content-type", b"application/json"), (b"host", b"test")],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
            "http_version": "1.1",
            "asgi": {"version": "3.0"},
        }
        await asyncio.wait_for(app(scope, receive, send), timeout=60)

    asyncio.run(run())
    answer = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert orjson.loads(answer)["errors"][0]["extensions"]["code"] == "TIME_BUDGET_EXCEEDED"


def test_a_node_page_miss_with_a_huge_iri_is_a_404_with_the_closest(thousand: Served) -> None:
    client = client_of(CanonHolder(Path("."), thousand))
    response = client.get("/canon", params={"iri": "urn:x:" + "q" * 2_000})
    assert response.status_code == 404
    assert len(response.json()["closest"]) == 3
    assert len(response.json()["error"]) < 300


def test_a_node_page_out_of_budget_is_a_client_error_not_a_500(served: Served) -> None:
    response = client_of(served, time_budget=0.0).get("/canon/level/M5")
    assert response.status_code == 400
    assert "time budget" in response.json()["error"]


@pytest.mark.slow
def test_cheap_requests_are_answered_while_costly_ones_run(
    thousand_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Costly queries used to run on the event loop: /healthz and a one-frame query waited
    for them. Now both answer while all four costly queries are still running."""
    costly = orjson.dumps({"query": "{ roleLevels(first: 40) { nodes { frames { rdf } } } }"})
    one_frame = {
        "query": '{ roleLevel(family: "Family 1", level: "M5") { frame(kind: SMART) { text } } }'
    }
    log = tmp_path_factory.mktemp("log") / "serve.log"
    options = (
        "--canon",
        str(thousand_folder),
        "--max-query-cost",
        "1000000000",
        "--time-budget",
        "60",
    )
    with jobframe_serve(log, *options) as url:
        running = []

        def ask_costly() -> None:
            httpx2.post(
                f"{url}/graphql",
                content=costly,
                timeout=120,
                headers={"content-type": "application/json"},
            )

        for _ in range(4):
            thread = threading.Thread(target=ask_costly)
            thread.start()
            running.append(thread)
        time.sleep(0.5)
        health = httpx2.get(f"{url}/healthz", timeout=120)
        frame = httpx2.post(f"{url}/graphql", json=one_frame, timeout=120)
        still_running = sum(t.is_alive() for t in running)
        for thread in running:
            thread.join()
    assert health.status_code == 200 and frame.status_code == 200
    assert "errors" not in frame.json()
    assert still_running == 4
