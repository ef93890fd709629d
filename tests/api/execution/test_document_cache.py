"""Parsed documents are kept without reference cycles, and only those that may run."""

from __future__ import annotations

import gc

from graphql import parse

from jobframe.api import Context, default_schema
from jobframe.api.execution.document_cache import PARSED, acyclic
from jobframe.loading import Served
from tests.web.test_document_walk import fragment_bomb

schema = default_schema()


def test_a_parsed_document_is_freed_without_the_cyclic_garbage_collector() -> None:
    """graphql-core links a document's tokens both ways: every document evicted from the
    parse cache was garbage only a collection pass could find, and those passes stalled
    every request (465 ms the longest, under fragment bombs)."""
    text = fragment_bomb(21, "dimensions { label }")
    gc.collect()
    gc.disable()
    try:
        linked = parse(text)
        del linked
        assert gc.collect() > 0  # as graphql-core parses it: cycles to collect
        cut = acyclic(parse(text))
        del cut
        assert gc.collect() == 0  # as the cache keeps it: freed when dropped
    finally:
        gc.enable()


def test_a_document_refused_by_a_limit_is_not_kept_in_the_parse_cache(served: Served) -> None:
    """It will not run; attack texts made unique by a comment would fill the cache."""
    context = Context(served=served, iri_base="https://example.org/", language=None)
    PARSED.clear()
    bomb = fragment_bomb(21, "dimensions { label }") + " # once"
    refused = schema.execute_sync(bomb, context_value=context)
    assert refused.errors and refused.errors[0].extensions["code"] == "QUERY_TOO_COSTLY"
    assert len(PARSED) == 0
    admitted = schema.execute_sync("{ dimensions { label } } # once", context_value=context)
    assert admitted.errors is None and len(PARSED) == 1
