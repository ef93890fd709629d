"""A reload swaps in a good canon and keeps the last good one when the edit is broken."""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
import weakref
from pathlib import Path

import httpx2
import pytest

from jobframe.loading import CanonHolder
from jobframe.web.admin import CLIENTS_TRACKED, FailedAttempts
from tests.checks.corpus import BASE
from tests.conftest import serve_folder
from tests.servers import jobframe_serve
from tests.web.conftest import client_of

TOKEN = "s3cret-admin-token"
FRAME = '{ roleLevel(family: "Field Operations", level: "P3") { frame(kind: SMART) { text } } }'
STATUS = "{ canon { version lastReload { trigger succeeded version errors { kind file line } } } }"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BASE, tmp_path / "canon"))


@pytest.fixture
def holder(folder: Path) -> CanonHolder:
    return CanonHolder(folder, serve_folder(folder))


def edit(folder: Path, old: str, new: str, name: str = "role.ttl") -> None:
    path = folder / name
    path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")


def test_broken_edit_keeps_the_last_good_canon_and_a_good_edit_is_picked_up(
    folder: Path, holder: CanonHolder
) -> None:
    client = client_of(holder, admin_token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = client.post("/graphql", json={"query": FRAME})
    first_version = holder.current.canon.version

    edit(folder, '"Runs field visits" .', '"Runs field visits"')  # a syntax error
    refused = client.post("/admin/reload", headers=auth)
    assert refused.status_code == 422
    assert refused.json()["succeeded"] is False
    assert refused.json()["version"] == first_version
    assert refused.json()["errors"][0]["kind"] == "syntax"
    still = client.post("/graphql", json={"query": FRAME})
    assert still.json() == before.json()
    assert still.headers["ETag"].startswith(f'"{first_version}-')
    status = client.post("/graphql", json={"query": STATUS}).json()["data"]["canon"]
    assert status["version"] == first_version
    assert status["lastReload"]["succeeded"] is False
    assert status["lastReload"]["errors"][0]["kind"] == "syntax"
    assert status["lastReload"]["errors"][0]["file"].endswith("role.ttl")

    edit(folder, '"Runs field visits"', '"Runs field visits and audits" .')
    accepted = client.post("/admin/reload", headers=auth)
    assert accepted.status_code == 200 and accepted.json()["succeeded"] is True
    after = client.post("/graphql", json={"query": FRAME})
    assert "Runs field visits and audits" in after.json()["data"]["roleLevel"]["frame"]["text"]
    assert not after.headers["ETag"].startswith(f'"{first_version}-')
    assert after.headers["ETag"].startswith(f'"{holder.current.canon.version}-')


def test_admin_reload_needs_the_token(holder: CanonHolder) -> None:
    client = client_of(holder, admin_token=TOKEN)
    assert client.post("/admin/reload").status_code == 401
    wrong = client.post("/admin/reload", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/admin/reload").status_code == 405


def test_admin_reload_is_absent_without_a_configured_token(holder: CanonHolder) -> None:
    client = client_of(holder, admin_token=None)
    assert client.post("/admin/reload", headers={"Authorization": "Bearer "}).status_code == 404


def test_request_in_flight_keeps_the_canon_it_started_with(
    folder: Path, holder: CanonHolder
) -> None:
    started = holder.current
    edit(folder, '"Trains site staff"', '"Trains and coaches site staff"')
    attempt = asyncio.run(holder.reload("admin"))
    assert attempt.succeeded
    assert holder.current is not started
    texts = [r.text for r in started.canon.role_levels[0].responsibilities]
    assert "Trains site staff" in texts, "a snapshot is never changed by a reload"


def test_watch_reloads_when_a_file_changes(folder: Path, holder: CanonHolder) -> None:
    first_version = holder.current.canon.version
    with client_of(holder, watch=True, sync_interval=0) as client:
        time.sleep(0.5)  # let the watcher start
        edit(folder, '"Trains site staff"', '"Trains site staff weekly"')
        deadline = time.monotonic() + 20
        while holder.current.canon.version == first_version and time.monotonic() < deadline:
            time.sleep(0.1)
        assert holder.current.last_reload.trigger == "watch"
        text = client.post("/graphql", json={"query": FRAME}).json()
        assert "Trains site staff weekly" in text["data"]["roleLevel"]["frame"]["text"]


def test_a_replaced_canon_is_freed(folder: Path, holder: CanonHolder) -> None:
    """The canon is frozen out of the cyclic GC, so it must free by reference counting."""
    old = weakref.ref(holder.current.canon)
    edit(folder, '"Trains site staff"', '"Trains site staff daily"')
    assert asyncio.run(holder.reload("admin")).succeeded
    assert old() is None


def test_the_bearer_scheme_is_case_insensitive(holder: CanonHolder) -> None:
    client = client_of(holder, admin_token=TOKEN)
    for scheme in ("bearer", "BEARER", "Bearer"):
        response = client.post("/admin/reload", headers={"Authorization": f"{scheme} {TOKEN}"})
        assert response.status_code == 200, scheme


def test_wrong_tokens_are_throttled_but_the_right_token_always_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anyone behind the admin's proxy can send wrong tokens: they are throttled (429 with
    Retry-After), and the right token from the same address still reloads."""
    monkeypatch.setenv("JOBFRAME_ADMIN_TOKEN", TOKEN)
    with jobframe_serve(tmp_path / "serve.log") as url:
        wrong = {"Authorization": "Bearer guess"}
        right = {"Authorization": f"Bearer {TOKEN}"}
        reload = f"{url}/admin/reload"
        statuses = [httpx2.post(reload, headers=wrong).status_code for _ in range(5)]
        assert statuses == [401] * 5
        throttled = httpx2.post(reload, headers=wrong)
        assert throttled.status_code == 429
        assert 1 <= int(throttled.headers["Retry-After"]) <= 60
        assert httpx2.post(reload, headers=right).status_code == 200
        assert httpx2.post(reload, headers=wrong).status_code == 429
        assert httpx2.post(reload, headers=right).status_code == 200


def test_the_table_of_failing_addresses_is_bounded_in_entries() -> None:
    failures = FailedAttempts()
    for address in range(10 * CLIENTS_TRACKED):
        failures.add(f"10.0.{address // 256}.{address % 256}", 0.0)
    assert len(failures) == CLIENTS_TRACKED


def test_a_refused_reload_changes_the_etag_and_the_cached_answer(
    folder: Path, holder: CanonHolder
) -> None:
    client = client_of(holder, admin_token=TOKEN)
    status = {"query": "{ canon { version lastReload { succeeded } } }"}
    before = client.post("/graphql", json=status)
    assert before.json()["data"]["canon"]["lastReload"]["succeeded"] is True
    edit(folder, "jf:order 1", "jf:order 1 ; ; .")
    client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    after = client.post("/graphql", json=status)
    assert after.json()["data"]["canon"]["lastReload"]["succeeded"] is False
    assert after.json()["data"]["canon"]["version"] == before.json()["data"]["canon"]["version"]
    assert after.headers["ETag"] != before.headers["ETag"]


def test_an_answer_holding_this_replicas_load_time_is_neither_cached_nor_tagged(
    holder: CanonHolder,
) -> None:
    client = client_of(holder)
    response = client.post("/graphql", json={"query": "{ canon { loadedAt } }"})
    assert "ETag" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    frames = client.post("/graphql", json={"query": FRAME})
    assert "ETag" in frames.headers


def test_reload_errors_name_files_relative_to_the_canon_folder(
    folder: Path, holder: CanonHolder
) -> None:
    client = client_of(holder, admin_token=TOKEN, production=True)
    edit(folder, "jf:order 1", "jf:order 1 ; ; .")
    client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    status = client.post("/graphql", json={"query": "{ canon { lastReload { errors { file } } } }"})
    [error] = status.json()["data"]["canon"]["lastReload"]["errors"]
    assert error["file"] == "role.ttl"
    assert str(folder) not in status.text


def test_a_file_name_that_is_not_utf8_is_reported_not_a_500(
    folder: Path, holder: CanonHolder, caplog: pytest.LogCaptureFixture
) -> None:
    import os

    os.write(
        fd := os.open(os.path.join(os.fsencode(folder), b"bad\xff.ttl"), os.O_CREAT | os.O_WRONLY),
        b"<a> <b> .",
    )
    os.close(fd)
    client = client_of(holder, admin_token=TOKEN, raise_server_exceptions=False)
    with caplog.at_level(logging.INFO):
        reload = client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    assert reload.status_code == 422
    assert reload.json()["errors"][0]["file"].endswith("bad\ufffd.ttl")
    status = client.post("/graphql", json={"query": "{ canon { lastReload { errors { file } } } }"})
    assert status.json()["data"]["canon"]["lastReload"]["errors"][0]["file"] == "bad\ufffd.ttl"
    assert any("bad\ufffd.ttl" in r.getMessage() for r in caplog.records)
