"""`{}` is not GraphQL: the grammar needs at least one selection, but graphql-core parses it,
and Strawberry's depth limiter then failed on it (`max()` of nothing) with a 500-like fault.
It is refused as the syntax error it is, and the depth limiter never sees it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ASTValidationRule,
    GraphQLError,
    Node,
    SelectionSetNode,
)

MESSAGE = 'Syntax Error: Expected Name, found "}".'
"""What graphql-js answers for `{}` (GRAPHQL_PARSE_FAILED)."""


def _selection_sets(node: Node) -> Iterator[SelectionSetNode]:
    if isinstance(node, SelectionSetNode):
        yield node
    for key in node.keys:
        value = getattr(node, key, None)
        for child in value if isinstance(value, tuple | list) else (value,):
            if isinstance(child, Node):
                yield from _selection_sets(child)


def refusing_empty_selections(rule: type[ASTValidationRule]) -> type[ASTValidationRule]:
    """The rule (the depth limiter's), refusing instead a document with an empty selection
    set: one walk of the document, and the rule never sees what it cannot handle."""

    class Guarded(rule):  # type: ignore[valid-type,misc]
        def __init__(self, context: Any) -> None:
            empty = next((s for s in _selection_sets(context.document) if not s.selections), None)
            if empty is None:
                super().__init__(context)
                return
            ASTValidationRule.__init__(self, context)
            self.report_error(GraphQLError(MESSAGE, empty))

    Guarded.__name__ = rule.__name__
    return Guarded
