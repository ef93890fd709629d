"""`{}` is not GraphQL: the grammar needs at least one selection, but graphql-core parses it,
and Strawberry's depth limiter then failed on it (`max()` of nothing) with a 500-like fault.
It is refused as the syntax error it is, and the limiters never see it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    Node,
    SelectionSetNode,
    ValidationRule,
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


def first_empty(document: DocumentNode) -> SelectionSetNode | None:
    return next((s for s in _selection_sets(document) if not s.selections), None)


class NoEmptySelectionSets(ValidationRule):
    def enter_document(self, node: DocumentNode, *_: Any) -> None:
        empty = first_empty(node)
        if empty is not None:
            self.report_error(GraphQLError(MESSAGE, empty))


def after_empty_check(rule: type[ASTValidationRule]) -> type[ASTValidationRule]:
    """The rule, skipped on a document with an empty selection set (already refused)."""

    class Guarded(rule):  # type: ignore[valid-type,misc]
        def __init__(self, context: Any) -> None:
            if first_empty(context.document) is None:
                super().__init__(context)
            else:
                ASTValidationRule.__init__(self, context)

    Guarded.__name__ = rule.__name__
    return Guarded
