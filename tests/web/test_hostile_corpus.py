"""The hostile-request corpus (tests/corpus/hostile/requests.json): every request an outside
tester used against the service, each with its expected outcome; none gets a 5xx, and the
service answers an ordinary query after each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from starlette.testclient import TestClient

from jobframe.loading import CanonHolder, Served
from jobframe.resources import DEFAULT_CANON_DIR
from jobframe.settings import Settings
from jobframe.web.app import create_app
from tests.checks.corpus import CORPUS

REQUESTS: dict[str, dict[str, Any]] = {
    name: case
    for name, case in json.loads((CORPUS / "hostile" / "requests.json").read_text("utf-8")).items()
    if not name.startswith("_")
}


def built(value: Any) -> Any:
    """A value of the corpus, with `{"pieces": …}` built into the text it stands for."""
    if isinstance(value, dict) and "pieces" in value:
        return "".join(
            text.replace("{n}", str(n)) if times > 1 else text
            for text, times in value["pieces"]
            for n in range(times)
        )
    if isinstance(value, dict):
        return {k: built(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def clients(thousand: Served, served: Served) -> dict[str, TestClient]:
    settings = Settings(admin_token="the-corpus-admin-token")
    return {
        "generated": TestClient(
            create_app(CanonHolder(Path("."), thousand), settings), raise_server_exceptions=False
        ),
        "shipped": TestClient(
            create_app(CanonHolder(DEFAULT_CANON_DIR, served), settings),
            raise_server_exceptions=False,
        ),
    }


@pytest.mark.parametrize("name", REQUESTS)
def test_a_hostile_request_gets_its_expected_answer(
    name: str, clients: dict[str, TestClient]
) -> None:
    case = REQUESTS[name]
    client = clients[case.get("canon", "generated")]
    content: bytes | None = None
    if "json" in case:
        content = orjson.dumps(built(case["json"]))
    elif "body_hex" in case:
        content = bytes.fromhex(case["body_hex"])
    elif "body" in case:
        content = built(case["body"]).encode("utf-8", "surrogatepass")
    headers = {"content-type": "application/json"} if "json" in case else {}
    headers.update(case.get("headers", {}))
    response = client.request(
        case["method"],
        case["path"],
        params=built(case.get("query")),
        content=content,
        headers=headers,
    )
    expect = case["expect"]
    assert response.status_code == expect["status"], response.text[:500]
    if "code" in expect:
        codes = [e["extensions"]["code"] for e in response.json()["errors"]]
        assert codes == [expect["code"]], response.text[:500]
    if "content_type" in expect:
        assert response.headers["content-type"].startswith(expect["content_type"])
    after = client.post("/graphql", json={"query": "{ __typename }"})
    assert after.json()["data"] == {"__typename": "Query"}
