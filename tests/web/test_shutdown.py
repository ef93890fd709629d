"""Shutdown is bounded: SIGTERM ends `jobframe serve` within --shutdown-seconds (plus the
watcher's and the loop's own second), whatever a reload or a source is doing.

Issue 20, finding 6's second half: with a reload reading a dribbling endpoint, SIGTERM
waited for it ("Waiting for background tasks to complete")."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx2
import pytest

from bench.endpoints import turning_endpoint
from tests.servers import free_port
from tests.sources.test_sparql import oxigraph  # noqa: F401 - the fixture

SHUTDOWN = 3
"""The `--shutdown-seconds` of these tests."""
MARGIN = 12.0
"""Generous: interpreter exit on a shared machine; the old service waited for the read."""
TOKEN = "shutdown-admin-token"


def start(log: Path, canon: str, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "JOBFRAME_ADMIN_TOKEN": TOKEN}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jobframe.cli",
            "serve",
            "--port",
            str(port),
            "--canon",
            canon,
            "--shutdown-seconds",
            str(SHUTDOWN),
            *options,
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"{url}/healthz").status_code == 200:
                return process, url
        except httpx2.TransportError:
            time.sleep(0.1)
        if process.poll() is not None:
            break
    process.kill()
    pytest.fail(f"jobframe serve did not start: {log.read_text()}")


def stopped_within(process: subprocess.Popen[bytes], seconds: float) -> float:
    """Seconds from SIGTERM to exit; the process is killed (and the test fails) beyond."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"still running {seconds:g} s after SIGTERM")
    return time.monotonic() - started


@pytest.mark.slow
@pytest.mark.parametrize("trigger", ["admin", "sync"])
def test_sigterm_ends_serve_within_its_bound_while_a_reload_reads_a_dribbling_endpoint(
    trigger: str,
    tmp_path: Path,
    oxigraph: tuple[str, subprocess.Popen[bytes]],  # noqa: F811 - the fixture
) -> None:
    base, _ = oxigraph
    with turning_endpoint(f"{base}/query") as endpoint:
        interval = "0.5" if trigger == "sync" else "0"
        process, url = start(
            tmp_path / "serve.log", f"sparql+{endpoint.url}", "--sync-interval", interval
        )
        endpoint.turned.set()
        answers: list[httpx2.Response] = []
        admin = threading.Thread(
            target=lambda: answers.append(
                httpx2.post(
                    f"{url}/admin/reload",
                    headers={"Authorization": f"Bearer {TOKEN}"},
                    timeout=300,
                )
            ),
            daemon=True,
        )
        if trigger == "admin":
            admin.start()
        deadline = time.monotonic() + 30
        while not endpoint.dribbled:
            assert time.monotonic() < deadline, "the service never read the endpoint again"
            time.sleep(0.05)
        time.sleep(0.5)  # well inside the read: it has 120 s (--sparql-seconds)
        elapsed = stopped_within(process, SHUTDOWN + MARGIN)
        print(f"SIGTERM to exit: {elapsed:.1f} s")
    log = (tmp_path / "serve.log").read_text()
    assert elapsed < SHUTDOWN + MARGIN, log
    assert process.returncode in (0, -signal.SIGTERM), log  # uvicorn raises it again
    assert "Traceback" not in log and "Exception in ASGI application" not in log, log
    if trigger == "admin":  # cut short by the end of the grace: retry elsewhere, not a failure
        admin.join(timeout=30)
        [answer] = answers
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
