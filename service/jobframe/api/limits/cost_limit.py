"""Refusing an operation too deep, with too many aliases or too costly, before any of it
executes; running admitted costly ones in the costly lane (`lane.py`); reporting every
response's estimate in `extensions.cost`.

All three come from one walk of the document (`walk.py`), made once it is parsed and before
graphql-core validates it: refusing a fragment bomb by its walk costs a fraction of what
validating it does (35 of its ~50 ms), CPU that cheap queries' threads waited on. A document
over a limit gets that limit's error even if it is also invalid; one the walk cannot read
(a fragment cycle, an unknown fragment) is left to validation, and walked again to execute. The
clients' codes and messages are those of Strawberry's depth and alias limiters, which the
walk replaces (they expanded every fragment spread: a fragment bomb took 10.3 s).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from functools import cache, lru_cache

import strawberry
from graphql import DocumentNode, ExecutionResult, GraphQLError, parse, validate
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from ...budget import BudgetSpent
from ...canon import Canon
from ..context import Context
from ..errors import INTROSPECTION_DEPTH_RULE, ErrorCode, coded, spent_error
from ..execution.document_cache import forget_parsed
from .cost import FieldWeights, Key, canon_sizes, schema_weights, served_sizes
from .lane import costly_lane
from .walk import Walked, chosen_operation, walk_operation


@cache
def _weights(schema: strawberry.Schema) -> dict[Key, FieldWeights]:
    return schema_weights(schema)


@lru_cache(maxsize=16)
def _parsed(document: str) -> DocumentNode:
    """The code's own documents (a node page's); a request's go through the parse cache."""
    return parse(document)


def document_cost(schema: strawberry.Schema, canon: Canon, document: str) -> int:
    """The walked estimate of a document (no variables) on this canon. A route other than
    /graphql whose work is a GraphQL document's (a node page builds a `page` for each
    role-level it lists) is estimated with it, so that both are held to the same rules."""
    walked = walk_operation(
        schema._schema, _weights(schema), canon_sizes(canon), _parsed(document), None, None
    )
    assert walked is not None, "a route's document has one operation and no variables"
    return walked.cost


class WalkLimits(SchemaExtension):
    """Walks the operation once; over a limit, the result is that limit's error instead."""

    def __init__(self, max_depth: int, max_aliases: int, max_cost: int) -> None:
        self.max_depth = max_depth
        self.max_aliases = max_aliases
        self.limit = max_cost
        self.estimate: int | None = None
        self.walked: Walked | None = None
        """The walk made before validation, when it could be made."""
        self.deferred: GraphQLError | None = None
        """What the walk refused in an argument, answered after validation, as before."""

    def on_validate(self) -> Iterator[None]:
        run = self.execution_context
        over: GraphQLError | None = None
        if run.graphql_document is not None:
            try:
                self.walked = self._walk(run)
            except BudgetSpent as spent:
                over = spent_error(spent)
            except GraphQLError as refused:  # a bad argument: validation's errors come first
                self.deferred = refused
            except Exception:  # a document only validation explains: walked again to execute
                self.walked = None
        if self.walked is not None:
            if isinstance(run.context, Context):
                self.estimate = self.walked.cost
            over = self._refusal(self.walked, run)
        if over is not None:
            run.pre_execution_errors = _introspection_too_deep(run) or [over]
            forget_parsed(run)
        yield

    def _walk(self, run: ExecutionContext) -> Walked | None:
        context = run.context
        assert run.graphql_document is not None
        return walk_operation(
            run.schema._schema,
            _weights(run.schema),
            served_sizes(context.served) if isinstance(context, Context) else {},
            run.graphql_document,
            run.operation_name,
            run.variables,
        )

    def on_execute(self) -> Iterator[None]:
        run = self.execution_context
        context = run.context
        walked: Walked | None = self.walked
        if self.deferred is not None:
            run.result = ExecutionResult(data=None, errors=[self.deferred])
        elif walked is None and run.graphql_document is not None:
            try:
                walked = self._walk(run)
            except GraphQLError as refused:
                run.result = ExecutionResult(data=None, errors=[refused])
            except BudgetSpent as spent:
                run.result = ExecutionResult(data=None, errors=[spent_error(spent)])
        if walked is not None and isinstance(context, Context):
            self.estimate = walked.cost
        over = self._refusal(walked, run) if walked else None
        if over is not None:
            run.result = ExecutionResult(data=None, errors=[over])
        with ExitStack() as lane:
            if run.result is None and walked is not None:
                try:
                    lane.enter_context(costly_lane(walked.cost))
                except BudgetSpent as spent:
                    run.result = ExecutionResult(data=None, errors=[spent_error(spent)])
            yield

    def _refusal(self, walked: Walked, run: ExecutionContext) -> GraphQLError | None:
        if walked.depth > self.max_depth:
            assert run.graphql_document is not None
            operation = chosen_operation(run.graphql_document, run.operation_name)
            name = operation.name.value if operation and operation.name else "anonymous"
            return coded(
                f"'{name}' exceeds maximum operation depth of {self.max_depth}",
                ErrorCode.QUERY_TOO_DEEP,
            )
        if walked.aliases > self.max_aliases:
            return coded(
                f"{walked.aliases} aliases found. Allowed: {self.max_aliases}",
                ErrorCode.TOO_MANY_ALIASES,
            )
        if walked.cost > self.limit:
            return coded(
                f"the query's estimated cost is {walked.cost}, over the limit of {self.limit}:"
                " ask for smaller pages (`first`) or fewer fields",
                ErrorCode.QUERY_TOO_COSTLY,
                estimate=walked.cost,
                limit=self.limit,
            )
        return None

    def get_results(self) -> dict[str, object]:
        if self.estimate is None:
            return {}
        return {"cost": {"estimate": self.estimate, "limit": self.limit}}


def _introspection_too_deep(run: ExecutionContext) -> list[GraphQLError]:
    """The one rule whose error says more than the walk's. It visits the whole document
    (2 ms of a fragment bomb's refusal), so it runs only where the text names an
    introspection field: a name is never escaped, so one not in the text is not selected."""
    text = run.query
    if text is not None and "__schema" not in text and "__type" not in text:
        return []
    assert run.graphql_document is not None
    return validate(run.schema._schema, run.graphql_document, [INTROSPECTION_DEPTH_RULE])
