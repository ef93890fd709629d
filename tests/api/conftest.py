"""Running GraphQL queries against a served snapshot, in process."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from jobframe.api.context import Context
from jobframe.api.schema import default_schema
from jobframe.loading import Served

schema = default_schema()

Run = Callable[..., dict[str, Any]]


def run_query(served: Served, query: str, **variables: Any) -> dict[str, Any]:
    """The data of a query that must succeed."""
    result = schema.execute_sync(query, variable_values=variables, context_value=Context(served))
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data


@pytest.fixture
def run(served: Served) -> Run:
    return lambda query, **variables: run_query(served, query, **variables)
