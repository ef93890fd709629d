"""Replicas agree: three `jobframe serve` processes on one canon converge after a reload."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx2
import pytest

from jobframe.loading import CanonHolder
from jobframe.resources import DEFAULT_CANON_DIR
from tests.checks.corpus import BASE
from tests.conftest import serve_folder
from tests.servers import jobframe_serve
from tests.sources.test_sparql import oxigraph  # noqa: F401 - the fixture
from tests.web.conftest import client_of

pytestmark = pytest.mark.slow

TOKEN = "replica-admin-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
INTERVAL = 1.0
"""The replicas' `--sync-interval` in these tests."""
BOUND = INTERVAL + 10.0
"""Convergence bound asserted: one interval plus a generous reload of this small canon."""
HEADER = "JobFrame-Canon-Version"


@contextmanager
def replicas(
    tmp_path: Path, canon: str, monkeypatch: pytest.MonkeyPatch, count: int = 3
) -> Iterator[list[str]]:
    """`count` separate `jobframe serve` processes on free ports, all on the same canon."""
    monkeypatch.setenv("JOBFRAME_ADMIN_TOKEN", TOKEN)
    options = ("--canon", canon, "--sync-interval", str(INTERVAL))
    with ExitStack() as stack:
        yield [
            stack.enter_context(jobframe_serve(tmp_path / f"replica{i}.log", *options))
            for i in range(count)
        ]


def versions(urls: list[str]) -> list[str]:
    """Each replica's canon version, from /healthz, checked against its response header."""
    found = []
    for url in urls:
        response = httpx2.get(f"{url}/healthz")
        assert response.status_code == 200
        assert response.headers[HEADER] == response.json()["version"]
        found.append(response.json()["version"])
    return found


def converged(urls: list[str], version: str) -> float:
    """Seconds until every replica serves `version`; fails beyond BOUND."""
    start = time.monotonic()
    while time.monotonic() - start < BOUND:
        if versions(urls) == [version] * len(urls):
            return time.monotonic() - start
        time.sleep(0.1)
    pytest.fail(f"replicas did not agree on {version} within {BOUND} s: {versions(urls)}")


def last_reload_succeeded(url: str) -> bool:
    status = "{ canon { lastReload { succeeded } } }"
    answer = httpx2.post(f"{url}/graphql", json={"query": status}).json()
    return bool(answer["data"]["canon"]["lastReload"]["succeeded"])


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "role.ttl"
    path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")


def test_three_replicas_on_files_agree_after_a_reload_on_one_and_keep_the_last_good_canon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    with replicas(tmp_path, str(folder), monkeypatch) as urls:
        first = versions(urls)
        assert len(set(first)) == 1

        edit(folder, '"Runs field visits"', '"Runs field visits and audits"')
        answer = httpx2.post(f"{urls[0]}/admin/reload", headers=AUTH)
        assert answer.status_code == 200 and answer.json()["succeeded"] is True
        new = answer.json()["version"]
        assert new != first[0]
        assert answer.headers[HEADER] == new
        converged(urls, new)

        edit(folder, '"Runs field visits and audits" .', '"Runs field visits and audits"')
        refused = httpx2.post(f"{urls[1]}/admin/reload", headers=AUTH)
        assert refused.status_code == 422 and refused.json()["version"] == new
        time.sleep(INTERVAL * 3)  # every replica has seen the broken edit and refused it
        assert versions(urls) == [new] * 3
        assert all(not last_reload_succeeded(url) for url in urls)


def test_three_replicas_follow_an_edit_without_any_admin_reload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    with replicas(tmp_path, str(folder), monkeypatch) as urls:
        first = versions(urls)[0]
        edit(folder, '"Runs field visits"', '"Runs field visits and audits"')
        start = time.monotonic()
        while versions(urls)[0] == first:
            assert time.monotonic() - start < BOUND
            time.sleep(0.1)
        converged(urls, versions(urls)[0])


def sparql_update(base: str, update: str) -> None:
    request = urllib.request.Request(
        f"{base}/update",
        data=urllib.parse.urlencode({"update": update}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    urllib.request.urlopen(request, timeout=10)


JF = "PREFIX jf: <https://jobframe.example/ontology#> "


def test_three_replicas_on_an_oxigraph_server_agree_after_an_update(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    oxigraph: tuple[str, subprocess.Popen[bytes]],  # noqa: F811 - the fixture
) -> None:
    base, _ = oxigraph
    with replicas(tmp_path, f"sparql+{base}/query", monkeypatch) as urls:
        first = versions(urls)
        assert len(set(first)) == 1
        sparql_update(
            base,
            JF + "DELETE { ?r jf:text ?t } INSERT { ?r jf:text 'Leads the whole portfolio' } "
            "WHERE { ?r jf:order 2 ; jf:text ?t }",
        )
        answer = httpx2.post(f"{urls[2]}/admin/reload", headers=AUTH)
        assert answer.status_code == 200 and answer.json()["succeeded"] is True
        new = answer.json()["version"]
        assert new != first[0]
        converged(urls, new)

        sparql_update(base, JF + "INSERT DATA { jf:Nothing jf:notAProperty 'x' }")
        time.sleep(INTERVAL * 3)
        assert versions(urls) == [new] * 3
        assert all(not last_reload_succeeded(url) for url in urls)


def test_every_kind_of_response_names_the_canon_version_that_answered(
    tmp_path: Path,
) -> None:
    folder = Path(shutil.copytree(DEFAULT_CANON_DIR, tmp_path / "canon"))
    holder = CanonHolder(folder, serve_folder(folder))
    client = client_of(holder, admin_token=TOKEN)
    version = holder.current.canon.version
    query = "{ canon { version } }"
    graphql = client.post("/graphql", json={"query": query})
    responses = {
        "graphql POST": graphql,
        "graphql GET": client.get("/graphql", params={"query": query}),
        "graphql 304": client.post(
            "/graphql", json={"query": query}, headers={"If-None-Match": graphql.headers["ETag"]}
        ),
        "graphql 400": client.post("/graphql", content=b"{", headers={"content-type": "x/y"}),
        "node page": client.get("/canon/"),
        "healthz": client.get("/healthz"),
        "readyz": client.get("/readyz"),
        "metrics": client.get("/metrics"),
        "viewer": client.get("/"),
        "viewer query": client.get("/viewer/queries/RoleLevels.graphql"),
        "not found": client.get("/no/such/page"),
        "admin 401": client.post("/admin/reload"),
    }
    assert graphql.status_code == 200 and responses["graphql 304"].status_code == 304
    for kind, response in responses.items():
        assert response.headers.get(HEADER) == version, kind


def role_levels(urls: list[str]) -> list[int]:
    return [int(httpx2.get(f"{url}/healthz").json()["roleLevels"]) for url in urls]


def refused_reloads(url: str, trigger: str) -> float:
    """The replica's count of failed reloads by `trigger`, from /metrics."""
    wanted = f'jobframe_canon_reloads_total{{outcome="failed",trigger="{trigger}"}}'
    for line in httpx2.get(f"{url}/metrics").text.splitlines():
        if line.startswith(wanted):
            return float(line.split()[-1])
    return 0.0


def last_reload_errors(url: str) -> list[str]:
    status = "{ canon { lastReload { succeeded errors { kind } } } }"
    answer = httpx2.post(f"{url}/graphql", json={"query": status}).json()
    return [e["kind"] for e in answer["data"]["canon"]["lastReload"]["errors"]]


def test_replicas_keep_their_role_levels_when_the_sparql_store_is_emptied(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    oxigraph: tuple[str, subprocess.Popen[bytes]],  # noqa: F811 - the fixture
) -> None:
    """Issue 20, finding 3: a wiped store passed the check and every replica swapped it in
    (roleLevels 1 -> 0, every query NOT_FOUND)."""
    base, _ = oxigraph
    with replicas(tmp_path, f"sparql+{base}/query", monkeypatch) as urls:
        first, served = versions(urls), role_levels(urls)
        assert served[0] > 0
        sparql_update(base, "CLEAR ALL")
        deadline = time.monotonic() + BOUND
        while not all(refused_reloads(url, "sync") >= 1 for url in urls):
            assert time.monotonic() < deadline, role_levels(urls)
            time.sleep(0.1)
        assert role_levels(urls) == served and versions(urls) == first
        assert all(last_reload_errors(url) == ["lost"] for url in urls)

        answer = httpx2.post(f"{urls[0]}/admin/reload", headers=AUTH)
        assert answer.status_code == 422, answer.text
        assert [e["kind"] for e in answer.json()["errors"]] == ["lost"]
        assert "--allow-canon-shrink" in answer.json()["errors"][0]["hint"]
        assert role_levels(urls) == served and refused_reloads(urls[0], "admin") == 1


def test_replicas_on_files_keep_their_role_levels_when_the_folder_is_emptied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 3 through the file source: an emptied role-level file passed the check."""
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    with replicas(tmp_path, str(folder), monkeypatch) as urls:
        first, served = versions(urls), role_levels(urls)
        (folder / "role.ttl").write_text("", encoding="utf-8")
        deadline = time.monotonic() + BOUND
        while not all(refused_reloads(url, "sync") >= 1 for url in urls):
            assert time.monotonic() < deadline, role_levels(urls)
            time.sleep(0.1)
        assert role_levels(urls) == served and versions(urls) == first
        assert all(last_reload_errors(url) == ["lost"] for url in urls)
        answer = httpx2.post(f"{urls[1]}/admin/reload", headers=AUTH)
        assert answer.status_code == 422 and answer.json()["version"] == first[1]
        assert role_levels(urls) == served
