"""Schemathesis fuzzes the running service's GraphQL API on 127.0.0.1, a bounded number of
examples per query field: no 5xx, every response well-formed, every error coded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.graphql.schemas import GraphQLSchema

from tests.servers import jobframe_serve


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphQLSchema]:
    log = Path(tmp_path_factory.mktemp("fuzz")) / "serve.log"
    with jobframe_serve(log, "--response-cache-mb", "0") as url:
        yield schemathesis.graphql.from_url(f"{url}/graphql")


def assert_well_formed(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    body = response.json()
    assert set(body) <= {"data", "errors", "extensions"} and ("data" in body or "errors" in body)
    for error in body.get("errors", []):
        assert error["extensions"]["code"], error
        assert "Traceback" not in error["message"] and ".py" not in error["message"]


@pytest.mark.slow
def test_fuzzed_queries_get_well_formed_answers(api_schema: GraphQLSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10, "every query field is fuzzed"
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
        def fuzz(case: schemathesis.Case) -> None:
            assert_well_formed(case)

        fuzz()
