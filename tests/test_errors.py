"""Every error JobFrame raises to a caller has one root, `JobFrameError`, beside the built-in
base that says what went wrong; only exceptions that steer JobFrame's own control flow, and
never reach a caller, stand apart."""

from __future__ import annotations

import jobframe
from jobframe.api.execution.plans import Unplanned
from jobframe.budget import BudgetSpent
from jobframe.interchange.reading import _NotUTF8
from tests import package

CONTROL_FLOW: dict[type[BaseException], str] = {
    Unplanned: "a plan hands the operation to graphql-core, which answers it",
    BudgetSpent: "a spent request budget, answered by the web layer (a TIME_BUDGET_EXCEEDED"
    " error, a node page's 400); outside a request nothing is ever spent, and an"
    " `except JobFrameError` on the way must not swallow a cancellation",
    _NotUTF8: "read as a CSV file's syntax problem, located at its line",
}
"""The exceptions outside the root, each with where it is caught instead."""


def test_every_error_jobframe_raises_derives_from_jobframe_error() -> None:
    classes = [c for c in package.classes() if issubclass(c, BaseException)]
    assert len(classes) > len(CONTROL_FLOW)
    outside = [c.__qualname__ for c in classes if not issubclass(c, jobframe.JobFrameError)]
    assert sorted(outside) == sorted(c.__qualname__ for c in CONTROL_FLOW)


def test_the_public_errors_keep_the_builtin_base_a_caller_may_already_catch() -> None:
    assert issubclass(jobframe.NotFound, LookupError)
    assert issubclass(jobframe.OnetError, ValueError)
    assert issubclass(jobframe.OutputRefused, FileExistsError)
    assert issubclass(jobframe.WorkbookError, jobframe.CanonError)
    for name in ("CanonError", "NotFound", "OnetError", "OutputRefused", "WorkbookError"):
        assert issubclass(getattr(jobframe, name), jobframe.JobFrameError), name
