"""Plans kept per operation: compiled once per document, and per value of the variables
its `@skip` and `@include` read, bounded in bytes like the parser and validation caches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql.language import VariableNode, visit
from graphql.language.visitor import Visitor

from ...caches import ByteLRU
from .document_cache import NODE_BYTES, node_count
from .plans import Execution, ObjectPlan, compile_plan


class _DirectiveVariables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_directive(self, node: Any, *_: Any) -> None:
        if node.name.value in ("skip", "include"):
            for argument in node.arguments or ():
                if isinstance(argument.value, VariableNode):
                    self.names.add(argument.value.name.value)


def directive_variables(run: Execution) -> tuple[str, ...]:
    """The variables the operation's `@skip` and `@include` read: its plan depends on them."""
    visitor = _DirectiveVariables()
    visit(run.operation, visitor)
    for fragment in run.fragments.values():
        visit(fragment.definition, visitor)
    return tuple(sorted(visitor.names))


@dataclass(slots=True)
class _Operation:
    operation: object
    """Kept with its plans, so that its id is not reused while they are cached."""
    variables: tuple[str, ...]
    nodes: int
    """AST nodes of the operation and its fragments: what its plans are sized by."""
    text: int
    """Characters of the document the operation keeps alive through its locations (a
    comment of 94,000 characters with it: counted at a tenth of what it held before)."""
    plans: dict[tuple[bool, ...], ObjectPlan] = field(default_factory=dict)


PLAN_CACHE_BYTES = 32 * 2**20
VARIANTS = 16
"""Plans kept per operation, one per combination of its directives' variables."""
PLAN_NODE_BYTES = 600
"""Memory one compiled plan holds per AST node of its operation (steps, completion
closures, the dicts of selections; measured with tracemalloc, see the tests)."""


def operation_bytes(found: _Operation) -> int:
    """What an entry holds: its operation's AST (kept alive through the key's id), the
    document's text and each plan compiled from it."""
    return found.text + found.nodes * (NODE_BYTES + PLAN_NODE_BYTES * len(found.plans))


class PlanCache:
    """Plans by operation, and by the values of the variables its directives read,
    bounded in bytes (`caches.ByteLRU`)."""

    def __init__(self, max_bytes: int = PLAN_CACHE_BYTES) -> None:
        self.operations: ByteLRU[tuple[int, int], _Operation] = ByteLRU(
            "plan", max_bytes, lambda _, found: operation_bytes(found)
        )

    def plan(self, run: Execution) -> ObjectPlan:
        key = (id(run.schema), id(run.operation))
        found = self.operations.get(key)
        if found is None:
            fragments = [f.definition for f in run.fragments.values()]
            nodes = node_count([run.operation, fragments])
            location = run.operation.loc
            text = len(location.source.body) if location is not None else 0
            found = _Operation(run.operation, directive_variables(run), nodes, text)
        coerced = run.variable_values.coerced
        values = tuple(bool(coerced.get(name)) for name in found.variables)
        plan = found.plans.get(values)
        if plan is None:
            plan = compile_plan(run)
            if len(found.plans) < VARIANTS:
                found.plans[values] = plan
                self.operations.put(key, found)  # counted again with its new plan
        return plan
