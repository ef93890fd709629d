"""The executor answers from a compiled plan whenever one can, and from graphql-core for
everything else: every error a client sees is graphql-core's own, and differential mode
records any answer of a plan that graphql-core would not give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from jobframe.api import Context, default_schema, executions
from jobframe.api.execution import executor
from jobframe.loading import Served
from tests.api.execution.answers import both

schema = default_schema()

QUERY = '{ roleLevel(family: "Clinical Trials Operations", level: "M5") { label } }'


def test_a_plan_answers_the_frames_query(served: Served) -> None:
    query = """query ($f: String!, $l: String!) { roleLevel(family: $f, level: $l) {
      frames { kind title text lines { text template sources { label quote node { id iri
      ... on Responsibility { order } } } } } } }"""
    assert both(served, query, {"f": "Clinical Trials Operations", "l": "M5"})


def test_errors_come_from_graphql_core(served: Served) -> None:
    query = (
        '{ roleLevel(family: "Clinical Trail Operations", level: "M5") { id } tracks { label } }'
    )
    assert not both(served, query)


def test_an_operation_a_plan_cannot_run_is_answered_by_graphql_core(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot(*_: Any) -> Any:
        raise TypeError("not covered by a plan")

    monkeypatch.setattr(executor, "run_plan", cannot)
    before = executions()
    result = schema.execute_sync(QUERY, context_value=Context(served))
    after = executions()
    assert result.errors is None
    assert result.data == {"roleLevel": {"label": "Clinical Trials Operations — M5"}}
    assert after["reference"] == before["reference"] + 1
    assert after["planned"] == before["planned"]


def test_differential_mode_records_a_plan_that_answers_differently(
    served: Served, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    differences = tmp_path / "differences.jsonl"
    monkeypatch.setenv(executor.DIFFERENTIAL, str(differences))
    monkeypatch.setattr(executor, "run_plan", lambda *_: {"roleLevel": {"label": "wrong"}})
    schema.execute_sync(QUERY, context_value=Context(served))
    (record,) = [orjson.loads(line) for line in differences.read_bytes().splitlines()]
    assert record["planned"] == {"roleLevel": {"label": "wrong"}}
    assert record["reference"]["data"] == {
        "roleLevel": {"label": "Clinical Trials Operations — M5"}
    }
    assert "roleLevel" in record["query"]


def test_differential_mode_records_nothing_when_plan_and_reference_agree(
    served: Served, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    differences = tmp_path / "differences.jsonl"
    monkeypatch.setenv(executor.DIFFERENTIAL, str(differences))
    before = executions()["planned"]
    schema.execute_sync(QUERY, context_value=Context(served))
    assert executions()["planned"] == before + 1
    assert not differences.exists()
