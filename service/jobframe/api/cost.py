"""A query's cost, estimated before it runs from the served canon's real list sizes.

Like GitHub's node limit and Shopify's calculated cost: each object a query can resolve
costs its field's weight (`cost_directives.py`), and a list multiplies what is under it by
its length — the page size asked for, at most the list's length in the canon, or the
longest such list the canon holds. The estimate is an upper bound: fragments on several
types all count, `@skip` and `@include` are ignored. Its inputs are the document, the
variables and the served snapshot, so the same request on the same canon always gets the
same estimate (and the response cache may keep it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import strawberry
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    is_composite_type,
)
from graphql.execution.values import get_argument_values, get_variable_values
from graphql.language import DocumentNode
from strawberry.types.base import StrawberryObjectDefinition

from ..canon import Canon
from ..frames import FrameKind, build_page
from ..loading import Served
from .arguments import check_arguments
from .cost_directives import Cost, CostPerFrameLine, ListSize

Key = tuple[str, str]
"""(type name, field name) as the schema spells them."""


@dataclass(frozen=True, slots=True)
class FieldWeights:
    """A field's published cost directives."""

    weight: int | None = None
    per_frame_line: bool = False
    arguments: Mapping[str, int] | None = None
    slicing: tuple[str, ...] = ()
    sized_fields: tuple[str, ...] = ()
    assumed: int | None = None


def schema_weights(schema: strawberry.Schema) -> dict[Key, FieldWeights]:
    """Every field's `@cost` and `@listSize`, read from the schema's own directives."""
    found: dict[Key, FieldWeights] = {}
    names = schema.config.name_converter
    for type_name in schema._schema.type_map:
        definition = schema.get_type_by_name(type_name)
        if not isinstance(definition, StrawberryObjectDefinition):
            continue
        for field in definition.fields:
            cost = next(
                (d for d in field.directives if isinstance(d, Cost | CostPerFrameLine)), None
            )
            size = next((d for d in field.directives if isinstance(d, ListSize)), None)
            arguments = {
                names.get_graphql_name(a): int(d.weight)
                for a in field.arguments
                for d in a.directives
                if isinstance(d, Cost)
            }
            if cost is None and size is None and not arguments:
                continue
            found[(type_name, names.get_graphql_name(field))] = FieldWeights(
                weight=int(cost.weight) if cost else None,
                per_frame_line=isinstance(cost, CostPerFrameLine),
                arguments=arguments,
                slicing=tuple(size.slicing_arguments or ()) if size else (),
                sized_fields=tuple(size.sized_fields or ()) if size else (),
                assumed=size.assumed_size if size and isinstance(size.assumed_size, int) else None,
            )
    return found


_CANON_SIZES: WeakKeyDictionary[Canon, dict[Key, int]] = WeakKeyDictionary()


def canon_sizes(canon: Canon) -> dict[Key, int]:
    """The longest list of each kind the canon holds; computed once per canon version.

    Frame lists are measured on the pages of the role-levels with the most
    responsibilities, rubric entries and dimension statements: frames grow with those.
    """
    sizes = _CANON_SIZES.get(canon)
    if sizes is not None:
        return sizes
    most_responsibilities = max((len(r.responsibilities) for r in canon.role_levels), default=0)
    sizes = {
        ("Query", "functions"): len(canon.functions),
        ("Query", "families"): len(canon.families),
        ("Query", "levels"): len(canon.levels),
        ("Query", "roleLevels"): len(canon.role_levels),
        ("Query", "dimensions"): len(canon.dimensions),
        ("Query", "tracks"): len(canon.tracks),
        ("JobFunction", "families"): max(
            (len(canon.families_in(f.iri)) for f in canon.functions), default=0
        ),
        ("JobFamily", "roleLevels"): max(
            (len(canon.role_levels_of(f.iri)) for f in canon.families), default=0
        ),
        ("Track", "levels"): max((len(canon.levels_in(t.iri)) for t in canon.tracks), default=0),
        ("Level", "statements"): max((len(lv.statements) for lv in canon.levels), default=0),
        ("RoleLevel", "responsibilities"): most_responsibilities,
        ("RoleLevel", "rubricEntries"): max((len(r.rubric) for r in canon.role_levels), default=0),
        ("RoleLevel", "statements"): max((len(r.statements) for r in canon.role_levels), default=0),
        ("RoleLevel", "frames"): len(FrameKind),
        ("LevelComparison", "dimensions"): len(canon.dimensions),
        ("LevelComparison", "rubric"): len(canon.rubric_dimensions),
        ("ResponsibilityComparison", "from"): most_responsibilities,
        ("ResponsibilityComparison", "to"): most_responsibilities,
        ("GoalPage", "frames"): len(FrameKind),
    }
    frame_sizes: dict[Key, int] = {}
    biggest = {
        max(canon.role_levels, key=lambda r: len(r.responsibilities), default=None),
        max(canon.role_levels, key=lambda r: len(r.rubric), default=None),
        max(canon.role_levels, key=lambda r: len(r.statements), default=None),
    }
    for role in (r for r in biggest if r is not None):
        for frame in build_page(role).frames:
            lines = frame.lines
            rows = [row for s in frame.sections for row in s.rows]
            for key, size in (
                (("Frame", "sections"), len(frame.sections)),
                (("Frame", "lines"), len(lines)),
                (("FrameSection", "rows"), max((len(s.rows) for s in frame.sections), default=0)),
                (("FrameRow", "fields"), max((len(r.fields) for r in rows), default=0)),
                (("FrameLine", "parts"), max((len(x.parts) for x in lines), default=0)),
                (("FrameLine", "sources"), max((len(x.sources) for x in lines), default=0)),
            ):
                frame_sizes[key] = max(size, frame_sizes.get(key, 0))
    sizes.update(frame_sizes)
    _CANON_SIZES[canon] = sizes
    return sizes


def served_sizes(served: Served) -> dict[Key, int]:
    """The canon's list sizes and those of what is served with it."""
    return {
        **canon_sizes(served.canon),
        ("CanonStatus", "findings"): len(served.report.findings),
        ("CanonStatus", "completeness"): len(served.report.completeness),
        ("ReloadAttempt", "errors"): len(served.last_reload.errors),
    }


UNSIZED = 100
"""The length assumed of a list nothing sizes; a test keeps every list of objects sized."""


class _Estimate:
    def __init__(
        self,
        schema: GraphQLSchema,
        weights: Mapping[Key, FieldWeights],
        sizes: Mapping[Key, int],
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Any,
    ) -> None:
        self.schema = schema
        self.weights = weights
        self.sizes = sizes
        self.fragments = fragments
        self.variables = variables

    def selections(
        self,
        parent: GraphQLCompositeType,
        selection_set: SelectionSetNode,
        sized: Mapping[str, int],
    ) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(parent, selection, sized)
                continue
            fragment: FragmentDefinitionNode | InlineFragmentNode
            if isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments[selection.name.value]
            else:
                assert isinstance(selection, InlineFragmentNode)
                fragment = selection
            condition = fragment.type_condition
            target = self.schema.get_type(condition.name.value) if condition else parent
            assert is_composite_type(target)
            total += self.selections(target, fragment.selection_set, sized)
        return total

    def field(self, parent: GraphQLCompositeType, node: FieldNode, sized: Mapping[str, int]) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 0  # introspection: bounded by the schema and the introspection depth rule
        definition = parent.fields[name]  # type: ignore[union-attr]
        arguments = get_argument_values(definition, node, self.variables)
        check_arguments(parent.name, name, arguments)
        weights = self.weights.get((parent.name, name), FieldWeights())
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
        if not composite or node.selection_set is None:
            return size * weight
        slice_size = self._slice(parent.name, name, weights, arguments)
        inner_sized = (
            {f: slice_size for f in weights.sized_fields} if slice_size is not None else {}
        )
        inner = self.selections(named, node.selection_set, inner_sized)
        return size * (weight + inner)

    def _slice(
        self, type_name: str, name: str, weights: FieldWeights, arguments: dict[str, Any]
    ) -> int | None:
        """The length a slicing argument gives, at most the list's length in the canon."""
        given = [arguments[a] for a in weights.slicing if arguments.get(a) is not None]
        if not given:
            return None
        value = given[0]
        asked = len(value) if isinstance(value, list) else int(value)
        return min(asked, self.sizes.get((type_name, name), asked))

    def _list_size(
        self, type_name: str, name: str, weights: FieldWeights, arguments: dict[str, Any]
    ) -> int:
        if not weights.sized_fields:
            sliced = self._slice(type_name, name, weights, arguments)
            if sliced is not None:
                return sliced
        if (type_name, name) in self.sizes:
            return self.sizes[(type_name, name)]
        return weights.assumed if weights.assumed is not None else UNSIZED


def _is_list(type_: Any) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def estimate_cost(
    schema: GraphQLSchema,
    weights: Mapping[Key, FieldWeights],
    sizes: Mapping[Key, int],
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> int | None:
    """The operation's estimated cost; None when its variables do not coerce (execution
    then reports that). Raises GraphQLError (BAD_USER_INPUT) for an argument over its
    bound (`arguments.py`)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name and o.name.value == operation_name)
    ]
    if len(chosen) != 1:
        return None
    operation = chosen[0]
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return None
    root = schema.get_root_type(operation.operation)
    assert isinstance(root, GraphQLObjectType)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return _Estimate(schema, weights, sizes, fragments, coerced).selections(
        root, operation.selection_set, {}
    )
