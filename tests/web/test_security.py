"""Each statement of SECURITY.md, checked."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from bench.endpoints import serving
from jobframe.api.schema import default_schema
from jobframe.checks import check_canon
from jobframe.loading import CanonHolder, Served
from jobframe.resources import DEFAULT_CANON_DIR
from jobframe.sources.sparql import CONSTRUCT, SparqlEndpoint
from jobframe.web.app import create_app
from tests.checks.corpus import BASE
from tests.conftest import PREFIXES, serve_folder
from tests.web.conftest import client_of

schema = default_schema()

TOKEN = "t0ken-that-must-never-be-logged"


class Recorder(BaseHTTPRequestHandler):
    """An HTTP server on 127.0.0.1 that records every request it gets."""

    seen: ClassVar[list[tuple[str, str, bytes]]] = []

    def do_GET(self) -> None:
        Recorder.seen.append(("GET", self.path, b""))
        self._answer()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Recorder.seen.append(("POST", self.path, body))
        self._answer()

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/n-triples")
        self.end_headers()
        self.wfile.write(b"")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    Recorder.seen = []
    with serving(Recorder) as url:
        yield url


def test_only_the_documented_paths_are_exposed(served: Served) -> None:
    app = create_app(CanonHolder(DEFAULT_CANON_DIR, served))
    paths = {r.path for r in app.routes if isinstance(r, Route | Mount)}
    assert paths == {
        "/viewer",
        "/viewer/queries",
        "/",
        "/healthz",
        "/readyz",
        "/metrics",
        "/graphql",
        "/admin/reload",
        "/canon",
        "/canon/{path:path}",
    }
    assert TestClient(app).get("/etc/passwd").status_code == 404


def test_viewer_files_cannot_reach_outside_their_folder(served: Served) -> None:
    client = client_of(served)
    assert client.get("/viewer/viewer.js").status_code == 200
    for path in (
        "/viewer/../app.py",
        "/viewer/%2e%2e/app.py",
        "/viewer/queries/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
        "/viewer/queries/..%2f..%2f..%2fpyproject.toml",
    ):
        assert client.get(path).status_code == 404, path


def test_the_schema_is_read_only() -> None:
    assert schema.mutation is None and schema.subscription is None


def test_the_admin_token_is_never_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    client = client_of(CanonHolder(folder, serve_folder(folder)), admin_token=TOKEN)
    with caplog.at_level(logging.DEBUG):
        assert (
            client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}).status_code
            == 200
        )
        assert (
            client.post("/admin/reload", headers={"Authorization": "Bearer guess-1"}).status_code
            == 401
        )
    assert caplog.records
    assert TOKEN not in caplog.text and "guess-1" not in caplog.text


def test_a_file_linking_outside_the_canon_folder_is_refused(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    secret = tmp_path / "secret.ttl"
    secret.write_text(PREFIXES + '<function/x> a jf:JobFunction ; skos:prefLabel "secret" .\n')
    (folder / "link.ttl").symlink_to(secret)
    report = check_canon(folder)
    assert report.canon is None
    assert [(f.kind, Path(f.location.file or "").name) for f in report.findings] == [
        ("outside", "link.ttl")
    ]


def test_canon_data_triggers_no_network_access(tmp_path: Path, recorder: str) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    (folder / "imports.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix jf: <https://jobframe.example/ontology#> .\n"
        f"<https://corpus.example/canon> a owl:Ontology ; owl:imports <{recorder}/imported.ttl> .\n"
        "<https://corpus.example/shape> a sh:NodeShape ; sh:targetClass jf:JobFunction ;\n"
        f'  sh:sparql [ sh:select "SELECT $this WHERE {{ SERVICE <{recorder}/sparql> '
        '{ ?s ?p ?o } }" ] .\n',
        encoding="utf-8",
    )
    report = check_canon(folder)
    assert report.canon is not None, report.findings
    assert Recorder.seen == []


def test_an_endpoint_canon_is_read_with_one_fixed_query(recorder: str) -> None:
    check_canon(SparqlEndpoint(f"{recorder}/query"))
    [(method, path, body)] = Recorder.seen
    assert (method, path) == ("POST", "/query")
    assert parse_qs(body.decode()) == {"query": [CONSTRUCT]}


def test_a_reload_does_not_follow_imports_either(tmp_path: Path, recorder: str) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    holder = CanonHolder(folder, serve_folder(folder))
    (folder / "imports.ttl").write_text(
        "<https://corpus.example/canon> <http://www.w3.org/2002/07/owl#imports>"
        f" <{recorder}/x.ttl> .\n"
    )
    assert asyncio.run(holder.reload("admin")).succeeded
    assert Recorder.seen == []
