"""Refusing a query whose estimated cost is over the limit, before any of it executes,
running admitted costly queries one at a time, and reporting every response's estimate in
`extensions.cost`.

The costly lane: with the GIL, every operation executing at once shares one core in 5 ms
turns, so a cheap query (or `/healthz` on the event loop) waited behind every costly one
running: 60-110 times its idle latency under a hostile mix (`bench/hostile.py`). Operations
estimated over COSTLY wait for the one lane, within their time budget; cheap ones never do.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import cache

import strawberry
from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension

from ..budget import BudgetSpent, acquire_within_budget
from .context import Context
from .cost import FieldWeights, Key, estimate_cost, schema_weights, served_sizes
from .errors import ErrorCode, coded

COSTLY = 1_000
"""An estimate over this (about 5 ms of work) runs in the costly lane. The four frames of a
role-level with every quote's source cost about 1,200; one frame with its text about 90."""
COSTLY_LANE = threading.BoundedSemaphore(1)
"""Costly operations executing at once, per process."""


@cache
def _weights(schema: strawberry.Schema) -> dict[Key, FieldWeights]:
    return schema_weights(schema)


class CostLimit(SchemaExtension):
    """Estimates the operation's cost when it is about to execute (parsed, validated, its
    variables known); over the limit, the result is the QUERY_TOO_COSTLY error instead."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.estimate: int | None = None

    def on_execute(self) -> Iterator[None]:
        run = self.execution_context
        context = run.context
        if isinstance(context, Context) and run.graphql_document is not None:
            try:
                self.estimate = estimate_cost(
                    run.schema._schema,
                    _weights(run.schema),
                    served_sizes(context.served),
                    run.graphql_document,
                    run.operation_name,
                    run.variables,
                )
            except GraphQLError as refused:
                run.result = ExecutionResult(data=None, errors=[refused])
            if self.estimate is not None and self.estimate > self.limit:
                run.result = ExecutionResult(data=None, errors=[self._too_costly(self.estimate)])
        if run.result is not None or self.estimate is None or self.estimate <= COSTLY:
            yield
            return
        try:
            acquire_within_budget(COSTLY_LANE)
        except BudgetSpent as spent:
            spent_error = coded(str(spent), ErrorCode.TIME_BUDGET_EXCEEDED)
            run.result = ExecutionResult(data=None, errors=[spent_error])
            yield
            return
        try:
            yield
        finally:
            COSTLY_LANE.release()

    def _too_costly(self, estimate: int) -> GraphQLError:
        return coded(
            f"the query's estimated cost is {estimate}, over the limit of {self.limit}: ask"
            " for smaller pages (`first`) or fewer fields",
            ErrorCode.QUERY_TOO_COSTLY,
            estimate=estimate,
            limit=self.limit,
        )

    def get_results(self) -> dict[str, object]:
        if self.estimate is None:
            return {}
        return {"cost": {"estimate": self.estimate, "limit": self.limit}}
