"""The HTTP service, in process and as the real `jobframe serve` on 127.0.0.1."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2
import pytest

from jobframe.loading import Served
from tests.servers import jobframe_serve
from tests.web.conftest import client_of

QUERY = (
    '{ roleLevel(family: "Clinical Trials Operations", level: "M5") { frame(kind: MBO) { text } } }'
)


def test_healthz_and_graphql_in_process(served: Served, golden: Callable[[str], str]) -> None:
    client = client_of(served)
    assert client.get("/healthz").json() == {
        "status": "ok",
        "version": served.canon.version,
        "roleLevels": 1,
        "triples": served.canon.triple_count,
    }
    response = client.post("/graphql", json={"query": QUERY})
    assert response.status_code == 200
    assert response.json()["data"]["roleLevel"]["frame"]["text"] == golden("mbo")


def test_graphiql_is_served_to_browsers(served: Served) -> None:
    client = client_of(served)
    response = client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    with jobframe_serve(tmp_path / "serve.log") as url:
        yield url


def test_real_server_answers_frames(server_url: str, golden: Callable[[str], str]) -> None:
    response = httpx2.post(f"{server_url}/graphql", json={"query": QUERY})
    assert response.status_code == 200
    assert response.json()["data"]["roleLevel"]["frame"]["text"] == golden("mbo")
    get = httpx2.get(f"{server_url}/graphql", params={"query": QUERY})
    assert get.json() == response.json()


def test_a_client_sending_a_huge_body_whole_receives_the_413(server_url: str) -> None:
    """urllib writes the whole 20 MB before reading; without draining, it saw a reset."""
    request = urllib.request.Request(
        f"{server_url}/graphql",
        data=b'{"query": "' + b"x" * 20_000_000 + b'"}',
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 413
    assert json.loads(refused.value.read())["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"


@pytest.mark.slow
def test_workers_are_separate_processes_answering_alike(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with jobframe_serve(log, "--workers", "2") as url:
        answers = [httpx2.post(f"{url}/graphql", json={"query": QUERY}) for _ in range(6)]
    assert log.read_text().count("Started server process") == 2
    assert len({a.content for a in answers}) == 1
    assert len({a.headers["ETag"] for a in answers}) == 1
