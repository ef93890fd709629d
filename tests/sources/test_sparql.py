"""A canon read from a real Oxigraph SPARQL server serves exactly what the files serve."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobframe.checks import check_canon
from jobframe.cli import main
from jobframe.frames.model import FrameKind
from jobframe.frames.rules import build_frame
from jobframe.loading import CanonHolder
from jobframe.resources import DEFAULT_CANON_DIR
from jobframe.sources import SparqlEndpoint
from tests.conftest import serve_folder
from tests.servers import free_port

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph"
)


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`oxigraph serve` on 127.0.0.1 loaded with the shipped canon; stopped after the test."""
    assert OXIGRAPH, "the oxigraph server (PyPI package oxigraph) is a test dependency"
    store = tmp_path / "store"
    files = [str(p) for p in sorted(DEFAULT_CANON_DIR.rglob("*.ttl"))]
    subprocess.run([OXIGRAPH, "load", "--location", str(store), "--file", *files], check=True)
    port = free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_frames_from_the_endpoint_equal_frames_from_the_files(
    oxigraph: tuple[str, subprocess.Popen[bytes]],
) -> None:
    base, _ = oxigraph
    from_endpoint = check_canon(SparqlEndpoint(f"{base}/query"))
    from_files = check_canon(DEFAULT_CANON_DIR)
    assert from_endpoint.errors == ()
    assert from_endpoint.canon is not None and from_files.canon is not None
    assert from_endpoint.canon.version == from_files.canon.version
    for kind in FrameKind:
        ours = build_frame(from_endpoint.canon.role_levels[0], kind)
        theirs = build_frame(from_files.canon.role_levels[0], kind)
        assert ours.text == theirs.text


def test_cli_reads_the_endpoint_from_the_canon_option(
    oxigraph: tuple[str, subprocess.Popen[bytes]], golden: object
) -> None:
    base, _ = oxigraph
    result = CliRunner().invoke(
        main,
        [
            "frame",
            "Clinical Trials Operations",
            "M5",
            "--kind",
            "okr",
            "--canon",
            f"sparql+{base}/query",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output == golden("okr")  # type: ignore[operator]


def test_unreachable_endpoint_is_a_clear_error() -> None:
    url = f"sparql+http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(main, ["check", "--canon", url])
    assert result.exit_code == 1
    assert f"{url}: error [source] cannot read the canon from the SPARQL endpoint" in result.output


def test_endpoint_reload_picks_up_an_update_and_keeps_the_last_good_canon_when_down(
    oxigraph: tuple[str, subprocess.Popen[bytes]],
) -> None:
    base, process = oxigraph
    endpoint = SparqlEndpoint(f"{base}/query")
    served = serve_folder(DEFAULT_CANON_DIR)
    holder = CanonHolder(endpoint, served)
    update = (
        "PREFIX jf: <https://jobframe.example/ontology#> "
        "DELETE { ?r jf:text ?t } INSERT { ?r jf:text 'Leads the whole portfolio' } "
        "WHERE { ?r jf:order 2 ; jf:text ?t }"
    )
    request = urllib.request.Request(
        f"{base}/update",
        data=urllib.parse.urlencode({"update": update}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    urllib.request.urlopen(request, timeout=10)
    attempt = asyncio.run(holder.reload("admin"))
    assert attempt.succeeded
    texts = [r.text for r in holder.current.canon.role_levels[0].responsibilities]
    assert "Leads the whole portfolio" in texts
    updated = holder.current.canon.version
    assert updated != served.canon.version

    process.terminate()
    process.wait(timeout=10)
    refused = asyncio.run(holder.reload("admin"))
    assert not refused.succeeded
    assert refused.errors[0].kind == "source"
    assert holder.current.canon.version == updated
