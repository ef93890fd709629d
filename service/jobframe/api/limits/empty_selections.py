"""`{}` is not GraphQL: the grammar needs at least one selection, but graphql-core parses it
(and Strawberry's depth limiter then failed on it with a 500-like fault). It is refused as the
syntax error it is, by a validation rule, before the walk of the document sees it."""

from __future__ import annotations

from typing import Any

from graphql import ASTValidationRule, GraphQLError, SelectionSetNode

from ..errors import ErrorCode, with_code

MESSAGE = 'Syntax Error: Expected Name, found "}".'
"""What graphql-js answers for `{}` (GRAPHQL_PARSE_FAILED)."""


class EmptySelections(ASTValidationRule):
    """Refuses the first empty selection set of the document."""

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.reported = False

    def enter_selection_set(self, node: SelectionSetNode, *_args: Any) -> None:
        if not node.selections and not self.reported:
            self.reported = True
            error = GraphQLError(MESSAGE, node)
            self.report_error(with_code(error, ErrorCode.GRAPHQL_PARSE_FAILED))
