"""The costly lane: work estimated over COSTLY runs one at a time per process, and makes room
for every other request while it runs.

With the GIL, every operation executing at once shares one core in short turns, so a cheap
query (or `/healthz` on the event loop) waited behind every costly one running: 60-110 times
its idle latency under a hostile mix (`bench/hostile.py`). Work estimated over COSTLY waits
for the one lane, within the request's time budget; cheap work never does. In the lane, the
work rests LANE_REST after every LANE_SLICE while other requests are being worked on, at
its budget checks (`budget.py`): a turn of the GIL given away is taken back only when the
waiting thread's switch interval ends, so a cheap request needing a dozen turns waited a
dozen times. GraphQL operations enter it with their walked estimate (`cost_limit.py`); any
other route whose work grows with the canon (a node page, the viewer's data) enters it the
same way, from the worker thread that does the work:

    with costly_lane(estimate):   # raises BudgetSpent if the budget ends while waiting
        render()
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ...budget import acquire_within_budget, in_request, open_budgets, paced

COSTLY = 1_000
"""An estimate over this (about 5 ms of work) runs in the costly lane. The four frames of a
role-level with every quote's source cost about 1,200; one frame with its text about 90."""
COSTLY_LANE = threading.BoundedSemaphore(1)
"""Costly work running at once, per process."""
LANE_SLICE, LANE_REST = 0.002, 0.001
"""Seconds of costly work between rests, and of each rest, while other requests are open:
costly work keeps two thirds of the time it would have alone, or more."""
_queued = 0
"""Requests in the lane or waiting for it: of the open budgets, those not using the CPU
beside the lane's work (waiting) or that are its work."""
_counting = threading.Lock()


class _Pace:
    """Rests the lane's work when its slice is used and another request is open."""

    __slots__ = ("since",)

    def __init__(self) -> None:
        self.since = time.monotonic()

    def __call__(self) -> None:
        now = time.monotonic()
        if now - self.since < LANE_SLICE:
            return
        if open_budgets() > _queued:
            time.sleep(LANE_REST)
            now = time.monotonic()
        self.since = now


@contextmanager
def costly_lane(estimate: int) -> Iterator[None]:
    """Run the block in the lane when `estimate` is over COSTLY, else at once. Waiting lasts
    as long as the current budget (`budget.py`): after that, BudgetSpent, and nothing ran."""
    global _queued
    if estimate <= COSTLY:
        yield
        return
    counted = in_request()  # the Python API's work has no budget to count
    with _counting:
        _queued += counted
    try:
        acquire_within_budget(COSTLY_LANE)
        try:
            with paced(_Pace()):
                yield
        finally:
            COSTLY_LANE.release()
    finally:
        with _counting:
            _queued -= counted
