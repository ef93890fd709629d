"""The executor of every operation: its compiled plan, with graphql-core as the reference.

Strawberry runs parsing, validation, the limits and the error masking around it, unchanged;
only the execution of a validated operation is replaced. The plan (`plans.py`) answers an
operation that completes without an error; anything else (an error of any kind, anything
a plan does not cover) is answered by graphql-core's executor, which is the reference: a
plan never has an error to report, so every error, error path and partial result a
client sees is graphql-core's own.

Differential mode: with `JOBFRAME_DIFFERENTIAL` naming a file, every operation a plan
answers is run through graphql-core too, and any difference is appended to that file (one
JSON line each) and logged. The test suite runs in this mode (`tests/conftest.py`), so
every query it sends, in process or to a server it started, is checked both ways.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import orjson
from graphql import DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, print_ast
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from ...budget import BudgetSpent
from ..errors import ErrorCode, with_code
from ..limits.walk import chosen_operation
from .plan_cache import PlanCache
from .plans import run_plan

log = logging.getLogger("jobframe.executor")

DIFFERENTIAL = "JOBFRAME_DIFFERENTIAL"
"""Environment variable naming the file differences are appended to; unset in service."""

PLANS = PlanCache()

_reference_only: ContextVar[bool] = ContextVar("jobframe_reference_only", default=False)

_counts: Counter[str] = Counter()
_counting = threading.Lock()


def executions() -> dict[str, int]:
    """Operations executed since the process started, by executor: `planned` answered by
    a plan, `reference` by graphql-core (errors, and what a plan does not cover)."""
    with _counting:
        return {"planned": _counts["planned"], "reference": _counts["reference"]}


@contextmanager
def reference_execution() -> Iterator[None]:
    """Execute with graphql-core alone in this block: the reference a plan is checked
    against."""
    token = _reference_only.set(True)
    try:
        yield
    finally:
        _reference_only.reset(token)


def _count(executor: str) -> None:
    with _counting:
        _counts[executor] += 1


def _spent(errors: list[GraphQLError] | None) -> bool:
    """The reference ran out of the request's budget: a difference in time, not in answer."""
    return bool(errors) and all(isinstance(e.original_error, BudgetSpent) for e in errors or ())


class PlannedExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, answering from a compiled plan whenever one can."""

    @classmethod
    def build(
        cls,
        schema: GraphQLSchema,
        document: DocumentNode,
        root_value: Any = None,
        context_value: Any = None,
        raw_variable_values: dict[str, Any] | None = None,
        operation_name: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """The executor, or graphql-core's errors: once the operation is found (it looks for
        it first), they are the variables that do not coerce, BAD_USER_INPUT."""
        built = super().build(
            schema,
            document,
            root_value,
            context_value,
            raw_variable_values,
            operation_name,
            *args,
            **kwargs,
        )
        if isinstance(built, list) and chosen_operation(document, operation_name) is not None:
            return [with_code(error, ErrorCode.BAD_USER_INPUT) for error in built]
        return built

    def execute_operation(self, serially: bool | None = None) -> Any:
        middleware = self.middleware_manager
        if _reference_only.get() or (middleware is not None and middleware.middlewares):
            return super().execute_operation(serially)
        try:
            data = run_plan(PLANS.plan(self), self)
        except Exception:  # graphql-core answers, and reports any error
            _count("reference")
            return super().execute_operation(serially)
        _count("planned")
        differences = os.environ.get(DIFFERENTIAL)
        if differences:
            self._compare(data, differences)
        return self.finish(self.build_response(data))

    def _compare(self, data: dict[str, Any], differences: str) -> None:
        kept = self.collected_errors
        self.collected_errors = type(kept)()
        try:
            reference = super().execute_operation()
        finally:
            self.collected_errors = kept
        if not isinstance(reference, ExecutionResult) or _spent(reference.errors):
            return
        if reference.data == data and not reference.errors:
            return
        record = {
            "query": "\n".join(
                print_ast(node)
                for node in (self.operation, *(f.definition for f in self.fragments.values()))
            ),
            "variables": self.variable_values.coerced,
            "planned": data,
            "reference": reference.formatted,
        }
        line = orjson.dumps(record, default=str) + b"\n"
        log.error("a plan answered differently from graphql-core: %s", line.decode()[:2000])
        with open(differences, "ab") as file:
            file.write(line)
