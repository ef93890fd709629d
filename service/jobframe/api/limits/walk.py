"""One walk of a GraphQL document: its depth, its aliases and its estimated cost, together.

The walk visits each fragment once: what a fragment adds (its depth, its aliases, its
cost) is computed the first time it is spread and reused at every other spread, so a
fragment bomb (N fragments, each spreading the next twice: 2^N spreads in 882 bytes at
N=21) is walked in N steps, not 2^N. Strawberry's depth and alias limiters and the cost
walk before it expanded every spread: N=21 took 10.3 s. A fragment that spreads itself is
refused (graphql-core's validation refuses it first; the walk never loops on it), the time
budget is checked as it goes, and every argument is checked against its bound
(`arguments.py`) before it sizes anything: a negative `first` made the estimate negative.

Cost, as `cost.py` describes: each object costs its field's weight, a list multiplies what is
under it by its length; selections validation must compare pairwise (one field repeated)
add their pairs. Introspection is estimated the same way, its lists sized by the
schema (`__schema { types { fields … } }`), so it is not free.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    is_abstract_type,
    is_composite_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.language import DocumentNode
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef

from ...budget import check_budget
from ..errors import ErrorCode, coded
from .arguments import check_arguments
from .cost import UNSIZED, FieldWeights, Key

BUDGET_EVERY = 256
"""Fields walked between two checks of the time budget."""


@dataclass(frozen=True, slots=True)
class Walked:
    """What a selection set (a whole operation, or one fragment where it is spread) asks."""

    depth: int
    """Its deepest field, its own fields at 0, as Strawberry's depth limiter counted (the
    introspection fields are bounded by graphql-core's introspection depth rule instead)."""
    aliases: int
    """Aliased fields, each fragment's counted at every spread."""
    cost: int
    """The estimated cost: an upper bound of the objects resolved, weighted; for a whole
    operation, its `overlaps` too."""
    overlaps: int = 0
    """Pairs of selections with the same response key in one selection set, which
    validation compares with each other (graphql-core's overlapping-fields rule): 400
    repeats of one field took 0.19 s to validate and were estimated at 2. Counted once, not
    times the lists around them: validation reads the document, not the data."""


@cache
def schema_sizes(schema: GraphQLSchema) -> dict[Key, int]:
    """Introspection's list sizes, computed once per schema: each the mean over all types
    (rounded up), so that `__schema { types { fields … } }` costs what the whole schema
    holds. The longest lists would count every type as the biggest, and refuse the IDE's own
    introspection query (139,118 then, against a limit of 20,000)."""
    types = list(schema.type_map.values())
    fields = [f for t in types for f in (getattr(t, "fields", None) or {}).values()]

    def mean(total: int, over: int) -> int:
        return -(-total // max(over, 1))

    def per_type(attribute: str) -> int:
        return mean(sum(len(getattr(t, attribute, None) or ()) for t in types), len(types))

    abstract = [t for t in types if is_abstract_type(t)]
    return {
        ("__Schema", "types"): len(types),
        ("__Schema", "directives"): len(schema.directives),
        ("__Type", "fields"): per_type("fields"),
        ("__Type", "inputFields"): per_type("fields"),
        ("__Type", "interfaces"): per_type("interfaces"),
        ("__Type", "possibleTypes"): mean(
            sum(len(schema.get_possible_types(t)) for t in abstract), len(types)
        ),
        ("__Type", "enumValues"): per_type("values"),
        ("__Field", "args"): mean(sum(len(f.args) for f in fields), len(fields)),
        ("__Directive", "args"): mean(
            sum(len(d.args) for d in schema.directives), len(schema.directives)
        ),
    }


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        weights: Mapping[Key, FieldWeights],
        sizes: Mapping[Key, int],
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: VariableValues,
    ) -> None:
        self.schema = schema
        self.weights = weights
        self.sizes = sizes
        self.introspection = schema_sizes(schema)
        self.fragments = fragments
        self.variables = variables
        self.walked: dict[tuple[str, tuple[tuple[str, int], ...]], Walked] = {}
        """What each fragment adds, by the list sizes its parent gives (a connection's
        `first` sizes its `nodes` and `edges`)."""
        self.open: set[str] = set()
        self.fields = 0

    def selections(
        self,
        parent: GraphQLCompositeType,
        selection_set: SelectionSetNode,
        sized: Mapping[str, int],
    ) -> Walked:
        depth = aliases = cost = overlaps = 0
        keys: Counter[str] = Counter()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                part = self.field(parent, selection, sized)
                keys[(selection.alias or selection.name).value] += 1
            elif isinstance(selection, FragmentSpreadNode):
                part = self.spread(selection.name.value, sized)
                keys["..." + selection.name.value] += 1
            else:
                assert isinstance(selection, InlineFragmentNode)
                part = self.inline(parent, selection, sized)
                condition = selection.type_condition
                keys["... on " + (condition.name.value if condition else "")] += 1
            depth = max(depth, part.depth)
            aliases += part.aliases
            cost += part.cost
            overlaps += part.overlaps
        return Walked(depth, aliases, cost, overlaps + sum(n * (n - 1) for n in keys.values()))

    def spread(self, name: str, sized: Mapping[str, int]) -> Walked:
        key = (name, tuple(sorted(sized.items())))
        known = self.walked.get(key)
        if known is not None:  # its pairs were counted where it was first spread, as
            return replace(known, overlaps=0)  # validation compares a fragment's once
        if name in self.open:
            raise coded(
                f'Cannot spread fragment "{name}" within itself.',
                ErrorCode.GRAPHQL_VALIDATION_FAILED,
            )
        check_budget()
        self.open.add(name)
        fragment = self.fragments[name]
        target = self.schema.get_type(fragment.type_condition.name.value)
        assert is_composite_type(target)
        walked = self.selections(target, fragment.selection_set, sized)
        self.open.discard(name)
        self.walked[key] = walked
        return walked

    def inline(
        self, parent: GraphQLCompositeType, node: InlineFragmentNode, sized: Mapping[str, int]
    ) -> Walked:
        condition = node.type_condition
        target = self.schema.get_type(condition.name.value) if condition else parent
        assert is_composite_type(target)
        return self.selections(target, node.selection_set, sized)

    def field(
        self, parent: GraphQLCompositeType, node: FieldNode, sized: Mapping[str, int]
    ) -> Walked:
        self.fields += 1
        if self.fields % BUDGET_EVERY == 0:
            check_budget()
        name = node.name.value
        definition = self._definition(parent, name)
        arguments = get_argument_values(definition, node, self.variables)
        check_arguments(parent.name, name, arguments)
        weights = self.weights.get((parent.name, name), _UNWEIGHTED)
        named = get_named_type(definition.type)
        composite = is_composite_type(named)
        weight = weights.weight if weights.weight is not None else int(composite)
        if weights.per_frame_line:
            weight *= self.sizes.get(("Frame", "lines"), 1)
        weight += sum(
            w for a, w in (weights.arguments or {}).items() if arguments.get(a) is not None
        )
        if name in sized:
            size = sized[name]
        elif _is_list(definition.type):
            size = self._list_size(parent.name, name, weights, arguments)
        else:
            size = 1
        aliases = int(node.alias is not None)
        if not composite or node.selection_set is None:
            return Walked(0, aliases, size * weight)
        slice_size = self._slice(parent.name, name, weights, arguments)
        inner_sized = (
            {f: slice_size for f in weights.sized_fields} if slice_size is not None else {}
        )
        assert isinstance(named, GraphQLCompositeType)
        inner = self.selections(named, node.selection_set, inner_sized)
        depth = 0 if name.startswith("__") else 1 + inner.depth
        return Walked(depth, aliases + inner.aliases, size * (weight + inner.cost), inner.overlaps)

    def _definition(self, parent: GraphQLCompositeType, name: str) -> GraphQLField:
        if name == "__typename":
            return TypeNameMetaFieldDef
        if parent is self.schema.query_type and name == "__schema":
            return SchemaMetaFieldDef
        if parent is self.schema.query_type and name == "__type":
            return TypeMetaFieldDef
        field: GraphQLField = parent.fields[name]  # type: ignore[union-attr]
        return field

    def _size(self, key: Key) -> int | None:
        return self.sizes.get(key, self.introspection.get(key))

    def _slice(
        self, type_name: str, name: str, weights: FieldWeights, arguments: dict[str, Any]
    ) -> int | None:
        """The length a slicing argument gives, at most the list's length in the canon."""
        given = [arguments[a] for a in weights.slicing if arguments.get(a) is not None]
        if not given:
            return None
        value = given[0]
        asked = len(value) if isinstance(value, list) else int(value)
        known = self._size((type_name, name))
        return asked if known is None else min(asked, known)

    def _list_size(
        self, type_name: str, name: str, weights: FieldWeights, arguments: dict[str, Any]
    ) -> int:
        if not weights.sized_fields:
            sliced = self._slice(type_name, name, weights, arguments)
            if sliced is not None:
                return sliced
        known = self._size((type_name, name))
        if known is not None:
            return known
        return weights.assumed if weights.assumed is not None else UNSIZED


_UNWEIGHTED = FieldWeights()


def _is_list(type_: Any) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def chosen_operation(
    document: DocumentNode, operation_name: str | None
) -> OperationDefinitionNode | None:
    """The operation of the document that would execute, if there is exactly one."""
    chosen = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
        and (operation_name is None or (d.name is not None and d.name.value == operation_name))
    ]
    return chosen[0] if len(chosen) == 1 else None


def walk_operation(
    schema: GraphQLSchema,
    weights: Mapping[Key, FieldWeights],
    sizes: Mapping[Key, int],
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> Walked | None:
    """The depth, aliases and cost of the operation that would execute; None when there is
    none or its variables do not coerce (execution then reports that). Raises GraphQLError
    (BAD_USER_INPUT) for an argument over its bound, BudgetSpent when the budget is."""
    operation = chosen_operation(document, operation_name)
    if operation is None:
        return None
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return None
    root = schema.get_root_type(operation.operation)
    assert isinstance(root, GraphQLObjectType)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walked = _Walk(schema, weights, sizes, fragments, coerced).selections(
        root, operation.selection_set, {}
    )
    return replace(walked, cost=walked.cost + walked.overlaps)
