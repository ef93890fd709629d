"""Answers as a client sees them, from the compiled plans and from graphql-core alone."""

from __future__ import annotations

from typing import Any

from jobframe.api import Context, default_schema, executions, reference_execution
from jobframe.loading import Served

schema = default_schema()


def answer(served: Served, query: str, variables: dict[str, Any] | None) -> dict[str, Any]:
    result = schema.execute_sync(query, variable_values=variables, context_value=Context(served))
    return {
        "data": result.data,
        "errors": [e.formatted for e in result.errors] if result.errors else None,
    }


def both(served: Served, query: str, variables: dict[str, Any] | None = None) -> bool:
    """Assert that plan and reference give the same JSON; whether a plan answered."""
    before = executions()["planned"]
    planned = answer(served, query, variables)
    used = executions()["planned"] > before
    with reference_execution():
        reference = answer(served, query, variables)
    assert planned == reference, query
    return used
