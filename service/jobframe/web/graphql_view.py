"""Strawberry's ASGI view, answering on the snapshot `GraphQLHTTP` chose for the request.

Operations execute in worker threads, not on the event loop: a costly query would otherwise
hold the loop for as long as it runs, and `/healthz`, cached answers and every other request
would wait behind it. The request's budget (`budget.py`) follows it into the thread.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import anyio.to_thread
import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from ..api import CanonSchema, Context, spent_error
from ..budget import BudgetSpent, budgeted
from .request_scope import language_of, served_of, set_outcome
from .validators import Outcome

EXECUTION_THREADS = 32
"""Operations executing at once. Costly ones run one at a time (`api/limits/cost_limit.py`) and
wait for their turn in their thread, so a cheap query finds a free thread unless more than
31 costly ones wait; each is bounded by the cost limit and the time budget."""


class CanonGraphQL(GraphQL[Context, None]):
    """The schema under the service's limits; GraphiQL unless in production."""

    def __init__(self, schema: CanonSchema, production: bool, iri_base: str) -> None:
        super().__init__(schema, graphql_ide=None if production else "graphiql")
        self.iri_base = iri_base
        self.threads = anyio.CapacityLimiter(EXECUTION_THREADS)

    async def get_context(self, request: Request, response: Response | None) -> Context:  # type: ignore[override]
        scope = request.scope
        return Context(served=served_of(scope), iri_base=self.iri_base, language=language_of(scope))

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: None,
        request_data: Any,
    ) -> ExecutionResult:
        """Strawberry's `execute_single`, run by `execute_sync` in a worker thread; its
        typed outcome is left in the scope for `validators.py`."""
        run = partial(
            self.schema.execute_sync,
            request_data.query,
            root_value=root_value,
            variable_values=request_data.variables,
            context_value=context,
            operation_name=request_data.operation_name,
            allowed_operation_types=OperationType.from_http(request_adapter.method),
            operation_extensions=request_data.extensions,
        )
        try:
            result = await anyio.to_thread.run_sync(budgeted(run), limiter=self.threads)
        except BudgetSpent as spent:  # before it started: its client gone, or its time
            result = ExecutionResult(data=None, errors=[spent_error(spent)])
        except CannotGetOperationTypeError as error:
            raise HTTPException(400, error.as_http_error_reason()) from error
        except InvalidOperationTypeError as error:
            raise HTTPException(400, error.as_http_error_reason(request_adapter.method)) from error
        except MissingQueryError as error:
            raise HTTPException(400, "No GraphQL query found in the request") from error
        set_outcome(request.scope, Outcome.of_errors(result.errors))
        return result

    def decode_json(self, data: str | bytes) -> object:
        """orjson, as `graphql_request.refusal` used: Python's json ran out of recursion on
        JSON nested ~1,000 deep, which orjson refuses (400) from 1,024 and reads below."""
        return orjson.loads(data)

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)
