"""Refusing a query whose estimated cost is over the limit, before any of it executes, and
reporting every response's estimate in `extensions.cost`."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import strawberry
from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension

from .context import Context
from .cost import FieldWeights, Key, estimate_cost, schema_weights, served_sizes
from .errors import ErrorCode, coded


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
        yield

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
