"""A request's budget stops its work wherever the work runs, and nothing outside a request."""

import contextvars
import threading
import time

import pytest

from jobframe.budget import BudgetSpent, budget, budgeted, check_budget, within_budget


def test_outside_a_request_nothing_is_ever_spent() -> None:
    check_budget()
    assert list(within_budget(range(10_000), every=1)) == list(range(10_000))


def test_a_spent_budget_stops_the_work() -> None:
    with budget(0.0), pytest.raises(BudgetSpent, match="time budget"):
        check_budget()


def test_a_long_loop_stops_part_way_when_the_budget_runs_out() -> None:
    seen = 0
    with budget(0.05), pytest.raises(BudgetSpent):
        for _ in within_budget(range(10**9), every=1000):
            seen += 1
    assert 0 < seen < 10**9


def test_a_cancelled_budget_stops_the_work_in_another_thread() -> None:
    """The event loop cancels a request whose client left; the worker thread sees it."""
    stopped = threading.Event()
    with budget(3600) as opened:

        def work() -> None:
            try:
                for _ in within_budget(iter(int, 1), every=100):  # endless
                    pass
            except BudgetSpent:
                stopped.set()

        thread = threading.Thread(target=contextvars.copy_context().run, args=(work,))
        thread.start()
        time.sleep(0.05)
        opened.cancelled = True
        thread.join(timeout=10)
    assert stopped.is_set()


def test_budgets_nest_and_restore() -> None:
    with budget(0.0):
        with budget(3600):
            check_budget()
        with pytest.raises(BudgetSpent):
            check_budget()
    check_budget()


def test_work_whose_budget_is_spent_before_it_starts_never_starts() -> None:
    """A request that waited for a worker thread past its budget, or whose client left
    while it waited, is refused when the thread comes, before any of its work."""
    ran: list[str] = []
    with budget(10) as opened:
        opened.cancelled = True
        with pytest.raises(BudgetSpent):
            budgeted(lambda: ran.append("ran"))()
    with budget(10):
        budgeted(lambda: ran.append("ran"))()
    assert ran == ["ran"]
