"""Every read from a SPARQL endpoint is bounded in bytes and in wall-clock time for the whole
read (issue 20, finding 6): a dribbling or flooding endpoint is a finding within its bound."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from bench.endpoints import Mode, hostile_endpoint
from jobframe.checks import check_canon
from jobframe.sources import ProbeError, SourceProbe, SparqlEndpoint, read_sparql

SECONDS = 2.0
MARGIN = 8.0
"""Generous: the machine is shared; the old reader never ended at all."""


@pytest.mark.parametrize("mode", ["dribble", "dribble-headers"])
def test_an_endpoint_that_dribbles_is_refused_at_the_deadline_of_the_whole_read(
    mode: Mode,
) -> None:
    with hostile_endpoint(mode) as url:
        endpoint = SparqlEndpoint(url, seconds=SECONDS)
        store = ox.Store()
        started = time.monotonic()
        (finding,) = read_sparql(endpoint, store)
        elapsed = time.monotonic() - started
    assert SECONDS * 0.9 <= elapsed < SECONDS + MARGIN
    assert finding.kind == "source" and finding.severity.value == "error"
    assert "took longer than 2 s" in finding.message
    assert len(store) == 0


def test_an_endless_answer_is_refused_at_its_byte_bound_and_nothing_is_kept() -> None:
    with hostile_endpoint("flood") as url:
        endpoint = SparqlEndpoint(url, max_bytes=1_000_000, seconds=30.0)
        store = ox.Store()
        started = time.monotonic()
        (finding,) = read_sparql(endpoint, store)
        elapsed = time.monotonic() - started
    assert elapsed < MARGIN
    assert "is over 1,000,000 bytes" in finding.message
    assert len(store) == 0


@pytest.mark.parametrize("mode", ["dribble", "dribble-headers", "flood"])
def test_the_version_probe_is_bounded_alike(mode: Mode) -> None:
    with hostile_endpoint(mode) as url:
        probe = SourceProbe(SparqlEndpoint(url, max_bytes=1_000_000, seconds=SECONDS))
        started = time.monotonic()
        with pytest.raises(ProbeError, match="cannot read the version"):
            probe.version()
        elapsed = time.monotonic() - started
    assert elapsed < SECONDS + MARGIN


def test_a_check_of_a_dribbling_endpoint_is_a_finding_not_a_hang() -> None:
    with hostile_endpoint("dribble") as url:
        started = time.monotonic()
        report = check_canon(SparqlEndpoint(url, seconds=SECONDS))
        elapsed = time.monotonic() - started
    assert elapsed < SECONDS + MARGIN
    assert report.canon is None
    assert [f.kind for f in report.errors] == ["source"]


def test_the_settings_give_an_endpoint_canon_its_bounds_on_every_path() -> None:
    from jobframe.settings import Settings

    settings = Settings.from_env(
        {
            "JOBFRAME_CANON": "sparql+http://127.0.0.1:1/query",
            "JOBFRAME_SPARQL_MAX_MB": "3",
            "JOBFRAME_SPARQL_SECONDS": "4.5",
        }
    )
    assert settings.canon == SparqlEndpoint("http://127.0.0.1:1/query", 3 * 2**20, 4.5)
    assert Settings.from_env(settings.to_env()).canon == settings.canon


@pytest.mark.parametrize(
    ("command", "bound"),
    [
        (["check", "--canon", "{url}", "--sparql-seconds", "2"], {}),
        (["diff", "{url}", "canon"], {"JOBFRAME_SPARQL_SECONDS": "2"}),
    ],
)
def test_the_commands_reading_a_canon_take_the_sparql_bounds_serve_takes(
    command: list[str], bound: dict[str, str]
) -> None:
    """Outside attack: `check` of a stalled store ignored JOBFRAME_SPARQL_SECONDS and had
    no --sparql-seconds, so it always waited the default 120 s."""
    with hostile_endpoint("dribble") as url:
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "jobframe.cli",
                *(a.format(url=f"sparql+{url}") for a in command),
            ],
            capture_output=True,
            text=True,
            timeout=90,
            env={**os.environ, **bound},
        )
    assert time.monotonic() - started < 60, "waited for the default 120 s"
    assert done.returncode in (1, 2), done.stdout + done.stderr
    assert "longer than 2 s" in done.stdout + done.stderr
