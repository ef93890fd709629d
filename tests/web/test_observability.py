"""One JSON log line per request with a request id, Prometheus metrics, readiness."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from pathlib import Path

import pytest

from jobframe.loading import CanonHolder, Served
from jobframe.web.observability import MAX_OPERATION_LABELS, JsonFormatter
from tests.checks.corpus import BASE
from tests.conftest import serve_folder
from tests.web.conftest import client_of

QUERY = "query Frames { dimensions { label } }"


def test_request_id_is_echoed_or_made(served: Served) -> None:
    client = client_of(served)
    given = client.post("/graphql", json={"query": QUERY}, headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = client.post("/graphql", json={"query": QUERY}, headers={"X-Request-ID": "bad id\n"})
    assert made.headers["X-Request-ID"] != "bad id\n" and len(made.headers["X-Request-ID"]) == 32


def test_one_json_log_line_per_request(served: Served, caplog: pytest.LogCaptureFixture) -> None:
    client = client_of(served)
    with caplog.at_level(logging.INFO, logger="jobframe.access"):
        response = client.post("/graphql", json={"query": QUERY, "operationName": "Frames"})
    [record] = [r for r in caplog.records if r.name == "jobframe.access"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == response.headers["X-Request-ID"]
    assert line["operation"] == "Frames"
    assert line["outcome"] == "ok"
    assert line["status"] == 200
    assert line["canon_version"] == served.canon.version
    assert line["duration_ms"] > 0


def test_metrics_count_requests_by_operation_and_outcome(served: Served) -> None:
    client = client_of(served)
    client.post("/graphql", json={"query": QUERY, "operationName": "Frames"})
    client.get("/graphql", params={"query": '{ roleLevel(family: "X", level: "M5") { label } }'})
    client.post("/graphql", json={"query": "{ x }" * 10_000})
    metrics = client.get("/metrics").text
    assert 'jobframe_requests_total{operation="Frames",outcome="ok"} 1.0' in metrics
    assert 'jobframe_requests_total{operation="anonymous",outcome="graphql_error"}' in metrics
    assert 'jobframe_request_duration_seconds_bucket{le="0.005",operation="Frames"}' in metrics
    assert f'jobframe_canon_info{{version="{served.canon.version}"}} 1.0' in metrics
    assert f"jobframe_canon_triples {float(served.canon.triple_count)}" in metrics


def metric(text: str, name: str) -> float:
    return float(next(line.split()[-1] for line in text.splitlines() if line.startswith(name)))


def test_metrics_count_operations_by_executor(served: Served) -> None:
    """A query that succeeds is answered by its compiled plan; one with an error by
    graphql-core, the reference."""
    client = client_of(served)
    planned = 'jobframe_graphql_executions_total{executor="planned"}'
    reference = 'jobframe_graphql_executions_total{executor="reference"}'
    before = client.get("/metrics").text
    client.post("/graphql", json={"query": QUERY})
    client.post("/graphql", json={"query": "{ tracks { label } }"})
    client.get("/graphql", params={"query": '{ roleLevel(family: "X", level: "M5") { label } }'})
    after = client.get("/metrics").text
    assert metric(after, planned) - metric(before, planned) == 2
    assert metric(after, reference) - metric(before, reference) == 1


def test_metrics_count_reloads_by_outcome(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    holder = CanonHolder(folder, serve_folder(folder))
    client = client_of(holder)
    asyncio.run(holder.reload("admin"))
    (folder / "role.ttl").write_text("broken", encoding="utf-8")
    asyncio.run(holder.reload("watch"))
    metrics = client.get("/metrics").text
    assert 'jobframe_canon_reloads_total{outcome="succeeded",trigger="admin"} 1.0' in metrics
    assert 'jobframe_canon_reloads_total{outcome="failed",trigger="watch"} 1.0' in metrics


def test_operation_labels_are_bounded(served: Served) -> None:
    client = client_of(served)
    for n in range(MAX_OPERATION_LABELS + 5):
        client.post(
            "/graphql",
            json={"query": f"query Op{n} {{ dimensions {{ label }} }}", "operationName": f"Op{n}"},
        )
    metrics = client.get("/metrics").text
    assert 'operation="other"' in metrics
    assert metrics.count("jobframe_requests_total{operation=") <= MAX_OPERATION_LABELS + 2


def test_readyz_answers_with_the_canon_version(served: Served) -> None:
    assert client_of(served).get("/readyz").json() == {
        "ready": True,
        "version": served.canon.version,
    }


def test_metrics_label_paths_by_route_never_by_raw_path(served: Served) -> None:
    client = client_of(served)
    for n in range(50):
        client.get(f"/nope/{n}")
        client.get(f"/canon/level/M{n}")
    metrics = client.get("/metrics").text
    assert "/nope/" not in metrics and "/canon/level/M4" not in metrics
    assert 'operation="other"' in metrics and 'operation="/canon/*"' in metrics


def test_each_route_of_the_app_labels_its_requests(served: Served) -> None:
    """The labels come from the app's own routes (a table of paths beside them drifted)."""
    client = client_of(served)
    for path in (
        "/",
        "/healthz",
        "/readyz",
        "/canon",
        "/canon/level/M5",
        "/viewer/viewer.js",
        "/viewer/queries/GoalPage.graphql",
        "/admin/reload",
        "/viewer",
    ):
        client.get(path)
    metrics = client.get("/metrics").text
    for label in (
        "/",
        "/healthz",
        "/readyz",
        "/canon",
        "/canon/*",
        "/viewer/*",
        "/viewer/queries/*",
        "/admin/reload",
        "other",
    ):
        assert f'jobframe_requests_total{{operation="{label}",' in metrics, label
