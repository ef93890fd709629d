"""Running GraphQL queries against a canon, in process."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from service.api.context import Context
from service.api.schema import schema
from service.canon import Canon

Run = Callable[..., dict[str, Any]]


def run_query(canon: Canon, query: str, **variables: Any) -> dict[str, Any]:
    """The data of a query that must succeed."""
    result = schema.execute_sync(query, variable_values=variables, context_value=Context(canon))
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data


@pytest.fixture
def run(canon: Canon) -> Run:
    return lambda query, **variables: run_query(canon, query, **variables)
