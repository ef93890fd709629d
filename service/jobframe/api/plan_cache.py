"""Plans kept per operation: compiled once per document, and per value of the variables
its `@skip` and `@include` read, bounded like the parser and validation caches."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from graphql.language import VariableNode, visit
from graphql.language.visitor import Visitor

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
    plans: dict[tuple[bool, ...], ObjectPlan] = field(default_factory=dict)


PLANS = 1024
"""Operations whose plans are kept, least recently used dropped first: as many as the
parser and validation caches keep documents."""
VARIANTS = 16
"""Plans kept per operation, one per combination of its directives' variables."""


class PlanCache:
    """Plans by operation, and by the values of the variables its directives read."""

    def __init__(self, size: int = PLANS) -> None:
        self.size = size
        self._operations: OrderedDict[tuple[int, int], _Operation] = OrderedDict()
        self._lock = threading.Lock()

    def plan(self, run: Execution) -> ObjectPlan:
        key = (id(run.schema), id(run.operation))
        with self._lock:
            found = self._operations.get(key)
            if found is not None:
                self._operations.move_to_end(key)
        if found is None:
            found = _Operation(run.operation, directive_variables(run))
            with self._lock:
                found = self._operations.setdefault(key, found)
                while len(self._operations) > self.size:
                    self._operations.popitem(last=False)
        coerced = run.variable_values.coerced
        values = tuple(bool(coerced.get(name)) for name in found.variables)
        plan = found.plans.get(values)
        if plan is None:
            plan = compile_plan(run)
            if len(found.plans) < VARIANTS:
                found.plans[values] = plan
        return plan
