"""After a reload, `canon { lastReload { changes } }` says what changed (nodes, and the
role-levels whose frames changed, paginated); the log line and the metrics count them."""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from jobframe.loading import CanonHolder
from jobframe.loading import holder as holder_module
from jobframe.loading.content import ShrinkPolicy
from jobframe.settings import Settings
from tests.checks.corpus import BASE
from tests.conftest import serve_folder
from tests.web.conftest import client_of

TOKEN = "s3cret-admin-token"
ROLE = "https://corpus.example/canon/role/field/P3"
CHANGES = """{ canon { lastReload { succeeded changes {
  fromVersion toVersion language nodesAdded nodesRemoved nodesChanged
  roleLevelsReached roleLevelsChanged roleLevelsNotCompared complete
  nodes(first: 10) { totalCount nodes { iri kind label change node { id }
    fields { field old new } } }
  roleLevels(first: 10) { totalCount pageInfo { hasNextPage } nodes {
    iri label change framesCompared roleLevel { id } frames { kind diff } } }
} } } }"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BASE, tmp_path / "canon"))


@pytest.fixture
def holder(folder: Path) -> CanonHolder:
    return CanonHolder(folder, serve_folder(folder))


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "role.ttl"
    path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")


def reload(client: TestClient) -> Any:
    response = client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    return response.json()


def changes(client: TestClient) -> Any:
    answer = client.post("/graphql", json={"query": CHANGES}).json()
    assert "errors" not in answer, answer
    return answer["data"]["canon"]["lastReload"]["changes"]


def test_a_reload_says_which_nodes_and_role_levels_it_changed(
    folder: Path, holder: CanonHolder
) -> None:
    client = client_of(holder, admin_token=TOKEN)
    first = holder.current.canon.version
    edit(folder, '"Runs field visits"', '"Runs field visits and audits"')
    answered = reload(client)
    assert answered["changes"] == {
        "nodesAdded": 0,
        "nodesRemoved": 0,
        "nodesChanged": 1,
        "roleLevelsReached": 1,
        "roleLevelsChanged": 1,
        "roleLevelsNotCompared": 0,
    }
    found = changes(client)
    assert (found["fromVersion"], found["toVersion"]) == (first, holder.current.canon.version)
    assert (found["language"], found["complete"]) == ("en", True)
    [node] = found["nodes"]["nodes"]
    assert (node["iri"], node["kind"], node["change"]) == (
        f"{ROLE}/responsibility/1",
        "Responsibility",
        "CHANGED",
    )
    assert node["node"]["id"]
    assert node["fields"] == [
        {"field": "text", "old": "Runs field visits", "new": "Runs field visits and audits"}
    ]
    [role] = found["roleLevels"]["nodes"]
    assert (role["iri"], role["change"], role["framesCompared"]) == (ROLE, "CHANGED", True)
    assert role["roleLevel"]["id"]
    assert [f["kind"] for f in role["frames"]] == ["SMART", "OKR", "MBO", "SCORECARD"]
    assert "+1. Runs field visits and audits  [source: " in role["frames"][0]["diff"]


def test_a_reload_finding_the_version_already_served_keeps_the_report_that_brought_it(
    folder: Path, holder: CanonHolder
) -> None:
    """Outside attack: an admin reload right after the follower's reload of the same edit
    answered 0 changes and replaced `lastReload`'s real report with an empty one."""
    client = client_of(holder, admin_token=TOKEN)
    edit(folder, '"Runs field visits"', '"Runs field visits and audits"')
    asyncio.run(holder.reload("sync"))  # the follower got there first
    served = holder.current
    answered = reload(client)
    assert answered["alreadyServed"] is True and answered["reloadedBy"] == "sync"
    assert answered["changes"]["nodesChanged"] == answered["changes"]["roleLevelsChanged"] == 1
    assert holder.current is served
    assert changes(client)["nodesChanged"] == 1
    edit(folder, '"Runs field visits and audits"', '"Runs field visits"')
    assert reload(client)["alreadyServed"] is False  # a real change is swapped in as before


def test_the_startup_load_and_a_refused_reload_report_no_changes(
    folder: Path, holder: CanonHolder
) -> None:
    client = client_of(holder, admin_token=TOKEN)
    assert changes(client) is None
    edit(folder, '"Runs field visits" .', '"Runs field visits"')
    assert reload(client)["changes"] is None
    assert changes(client) is None


def test_a_removed_role_level_is_listed_without_a_served_node(folder: Path) -> None:
    """Removing the only role-level is a loss the operator allowed (`--allow-canon-shrink`);
    without it the reload is refused (tests/loading)."""
    allowing = CanonHolder(
        folder, serve_folder(folder), ShrinkPolicy.of(Settings(allow_canon_shrink=True))
    )
    client = client_of(allowing, admin_token=TOKEN)
    (folder / "role.ttl").write_text(
        "@prefix jf: <https://jobframe.example/ontology#> .\n", encoding="utf-8"
    )
    assert reload(client)["changes"] is not None
    [role] = changes(client)["roleLevels"]["nodes"]
    assert (role["change"], role["roleLevel"]) == ("REMOVED", None)


def test_the_log_line_and_the_metrics_count_the_changes(
    folder: Path, holder: CanonHolder, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_of(holder, admin_token=TOKEN)
    assert "jobframe_reload_changed_role_levels 0.0" in client.get("/metrics").text
    edit(folder, '"Trains site staff"', '"Trains and coaches site staff"')
    with caplog.at_level(logging.INFO, logger="jobframe.reload"):
        reload(client)
    [line] = [r for r in caplog.records if r.name == "jobframe.reload"]
    assert line.getMessage().endswith(
        "0 nodes added, 0 removed, 1 changed; 1 role-level with changed frames"
    )
    fields = line.fields  # type: ignore[attr-defined]
    assert (fields["nodes_changed"], fields["role_levels_changed"]) == (1, 1)
    metrics = client.get("/metrics").text
    assert "jobframe_reload_changed_role_levels 1.0" in metrics
    assert 'jobframe_reload_changed_nodes{change="changed"} 1.0' in metrics
    assert 'jobframe_reload_changed_nodes{change="added"} 0.0' in metrics
    assert "jobframe_reload_role_level_changes_total 1.0" in metrics


def test_changes_are_compared_in_a_worker_thread_within_the_reloads_bound(
    folder: Path, holder: CanonHolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = []
    real = holder_module.compare_canons

    def spy(*arguments: Any, **bounds: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*arguments, **bounds)

    monkeypatch.setattr(holder_module, "compare_canons", spy)
    monkeypatch.setattr(holder_module, "COMPARED_ROLE_LEVELS", 0)
    edit(folder, '"Runs field visits"', '"Runs field visits weekly"')
    attempt = asyncio.run(holder.reload("admin"))
    assert threads and threads[0] is not threading.main_thread()
    assert attempt.changes is not None
    [role] = attempt.changes.role_levels
    assert (role.compared, role.frames) == (False, ())
    found = changes(client_of(holder))
    assert (found["roleLevelsReached"], found["roleLevelsNotCompared"]) == (1, 1)
    assert (found["roleLevelsChanged"], found["complete"]) == (0, False)
    assert found["roleLevels"]["nodes"][0]["framesCompared"] is False


def test_a_reload_that_cannot_be_compared_still_succeeds(
    folder: Path, holder: CanonHolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*arguments: Any, **bounds: Any) -> Any:
        raise RuntimeError("comparison failed")

    monkeypatch.setattr(holder_module, "compare_canons", broken)
    edit(folder, '"Runs field visits"', '"Runs field visits daily"')
    attempt = asyncio.run(holder.reload("admin"))
    assert attempt.succeeded and attempt.changes is None
    assert "daily" in holder.current.canon.role_levels[0].responsibilities[0].text
