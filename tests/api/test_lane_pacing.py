"""Costly work makes room: in the lane, it rests after each slice while another request is
being worked on, and never when it runs alone or outside the lane (issue 20: a cheap query
beside costly ones waited for a turn of the GIL at every step)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from jobframe.api.limits import lane
from jobframe.api.limits.lane import COSTLY, LANE_REST, costly_lane
from jobframe.budget import budget, check_budget


@pytest.fixture
def rests(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The rests the lane takes, each slice used up at once (no waiting on a clock)."""
    taken: list[float] = []
    monkeypatch.setattr(lane, "LANE_SLICE", 0.0)
    monkeypatch.setattr(lane.time, "sleep", taken.append)
    yield taken


def test_costly_work_rests_at_its_checks_while_another_request_is_open(
    rests: list[float],
) -> None:
    with budget(10), budget(10), costly_lane(COSTLY + 1):  # the outer one: another request
        check_budget()
        check_budget()
    assert rests == [LANE_REST, LANE_REST]


def test_costly_work_alone_never_rests(rests: list[float]) -> None:
    with budget(10), costly_lane(COSTLY + 1):
        check_budget()
    assert rests == []


def test_cheap_work_never_rests_and_costly_work_rests_only_in_the_lane(
    rests: list[float],
) -> None:
    with budget(10), budget(10):
        with costly_lane(COSTLY):
            check_budget()
        with costly_lane(COSTLY + 1):
            pass
        check_budget()  # the lane left: its pace with it
    assert rests == []


def test_outside_a_request_the_lane_paces_nothing(rests: list[float]) -> None:
    """The Python API's costly work runs under no budget: none to pace, even while a
    request is open in another thread."""
    opened, done = threading.Event(), threading.Event()

    def request() -> None:
        with budget(10):
            opened.set()
            done.wait(10)

    other = threading.Thread(target=request)
    other.start()
    try:
        assert opened.wait(10)
        with costly_lane(COSTLY + 1):
            check_budget()
    finally:
        done.set()
        other.join()
    assert rests == []
