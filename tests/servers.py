"""Real servers for tests: `jobframe serve` on a free port of 127.0.0.1, always stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def jobframe_serve(log_path: Path, *options: str) -> Iterator[str]:
    """`jobframe serve` on the embedded canon, on a free port of 127.0.0.1, stopped after."""
    port = free_port()
    log = log_path.open("wb")
    env = {k: v for k, v in os.environ.items() if k != "JOBFRAME_CANON"}
    process = subprocess.Popen(
        [sys.executable, "-m", "jobframe.cli", "serve", "--port", str(port), *options],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx2.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx2.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail(f"jobframe serve did not start: {log_path.read_text()}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
