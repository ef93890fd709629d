"""Serving tunes the one interpreter its requests share; nothing else does (issue 20: cheap
requests waited on GIL turns and on garbage-collection passes over costly work)."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from jobframe.web import workers


@pytest.fixture
def interpreter() -> Iterator[None]:
    """The interpreter's settings put back after the test."""
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    yield
    gc.set_threshold(*thresholds)
    sys.setswitchinterval(interval)


def test_serving_shortens_gil_turns_and_makes_collections_rarer(interpreter: None) -> None:
    workers._share_the_interpreter()
    assert sys.getswitchinterval() == pytest.approx(workers.SWITCH_INTERVAL)
    assert gc.get_threshold() == workers.GC_THRESHOLDS


def test_the_python_api_leaves_the_interpreter_as_it_is() -> None:
    """An embedding program's own settings stay: importing the API and building frames
    changes neither."""
    script = (
        "import gc, sys, jobframe\n"
        "before = gc.get_threshold(), sys.getswitchinterval()\n"
        "jobframe.page(jobframe.load().role_levels[0])\n"
        "print(before == (gc.get_threshold(), sys.getswitchinterval()))"
    )
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert shown.stdout.strip() == "True", shown.stderr
