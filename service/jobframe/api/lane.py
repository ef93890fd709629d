"""The costly lane: work estimated over COSTLY runs one at a time per process.

With the GIL, every operation executing at once shares one core in 5 ms turns, so a cheap
query (or `/healthz` on the event loop) waited behind every costly one running: 60-110 times
its idle latency under a hostile mix (`bench/hostile.py`). Work estimated over COSTLY waits
for the one lane, within the request's time budget; cheap work never does. GraphQL
operations enter it with their walked estimate (`cost_limit.py`); any other route whose work
grows with the canon (a node page, the viewer's data) enters it the same way, from the
worker thread that does the work:

    with costly_lane(estimate):   # raises BudgetSpent if the budget ends while waiting
        render()
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..budget import acquire_within_budget

COSTLY = 1_000
"""An estimate over this (about 5 ms of work) runs in the costly lane. The four frames of a
role-level with every quote's source cost about 1,200; one frame with its text about 90."""
COSTLY_LANE = threading.BoundedSemaphore(1)
"""Costly work running at once, per process."""


@contextmanager
def costly_lane(estimate: int) -> Iterator[None]:
    """Run the block in the lane when `estimate` is over COSTLY, else at once. Waiting lasts
    as long as the current budget (`budget.py`): after that, BudgetSpent, and nothing ran."""
    if estimate <= COSTLY:
        yield
        return
    acquire_within_budget(COSTLY_LANE)
    try:
        yield
    finally:
        COSTLY_LANE.release()
