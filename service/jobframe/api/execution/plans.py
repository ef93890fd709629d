"""Validated operations compiled into plans that read the frame objects directly.

The schema is read-only and a canon is immutable per version, so what graphql-core works
out for every field of every request (which fields a selection holds after fragments and
directives, each field's definition, resolver and how its value completes) depends only
on the document and on the variables its `@skip` and `@include` read. A plan holds that,
worked out once per document (`PlanCache`); running it is one loop per object over its
fields, calling each direct resolver's `plain` function (`direct_resolvers.py`) on the source alone.

A plan only runs the happy path. The first error of any kind (a resolver raising, a null
in a non-null field, a spent budget, a value it cannot complete exactly as graphql-core
would) abandons it with `Unplanned`, and graphql-core runs the operation instead
(`executor.py`): every error, its path and its partial data come from the reference.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphql import (
    GraphQLAbstractType,
    GraphQLField,
    GraphQLID,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLString,
    OperationDefinitionNode,
    OperationType,
    Undefined,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import (
    CollectedFields,
    FieldDetailsList,
    FragmentDetails,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import VariableValues, get_argument_values
from graphql.pyutils import Path

from ...budget import check_budget
from .direct_resolvers import DirectResolver


class Unplanned(Exception):
    """The plan cannot give the answer graphql-core would give: graphql-core runs instead."""


class Execution(Protocol):
    """What a plan reads of the executor running it: graphql-core's own state."""

    schema: GraphQLSchema
    fragments: dict[str, FragmentDetails]
    operation: OperationDefinitionNode
    variable_values: VariableValues
    hide_suggestions: bool
    root_value: Any
    field_resolver: Callable[..., Any]

    def build_resolve_info(
        self,
        field_def: GraphQLField,
        field_nodes: list[Any],
        parent_type: GraphQLObjectType,
        path: Path,
    ) -> GraphQLResolveInfo[Any]: ...


Trail = tuple[Any, str | int, str | None] | None
"""A response path as plain tuples (previous, key, type name): made for every object and
list item, so cheaper than graphql-core's `Path`, which `_path` makes only where a resolver
or type resolver is given one."""

Complete = Callable[[Any, Trail, Execution], Any]
"""Completes a resolved value as graphql-core would: (value, its path, the execution)."""


@dataclass(slots=True)
class Step:
    """One response key of an object: how to resolve it and complete its value."""

    key: str
    field_def: GraphQLField
    details: FieldDetailsList
    plain: Callable[[Any], Any] | None
    """The resolver of the source alone, when the field has one (`direct_resolvers.py`)."""
    complete: Complete = field(repr=False)
    leaf: bool
    """Its completion needs no path: a scalar or enum (or a list or non-null of one)."""
    strings: bool
    """A String or ID (nullable or not, not a list): a `str` value is its own completion."""


@dataclass(slots=True)
class ObjectPlan:
    """The fields of one selection on one object type."""

    type: GraphQLObjectType
    steps: list[Step]
    accepted: dict[builtins.type, bool] = field(default_factory=dict)
    """`is_type_of` by class of value: Strawberry's depends on the class alone."""


class _Compiler:
    """Builds the plans of one operation, in the variables its directives read."""

    def __init__(self, execution: Execution) -> None:
        self.execution = execution

    def root(self) -> ObjectPlan:
        run = self.execution
        if run.operation.operation is not OperationType.QUERY:
            raise Unplanned
        root_type = run.schema.query_type
        if root_type is None:
            raise Unplanned
        collected = collect_fields(
            run.schema,
            run.fragments,
            run.variable_values,
            root_type,
            run.operation,
            run.hide_suggestions,
        )
        return self._object(root_type, collected)

    def _object(self, object_type: GraphQLObjectType, collected: CollectedFields) -> ObjectPlan:
        grouped, defers, forbidden = collected
        if defers or forbidden:
            raise Unplanned
        steps = []
        for key, details in grouped.items():
            if any(d.defer_usage or d.fragment_variable_values for d in details):
                raise Unplanned
            name = details[0].node.name.value
            field_def = self.execution.schema.get_field(object_type, name)
            if field_def is None:
                continue
            complete, leaf = self._completer(field_def.type, object_type, field_def, details)
            resolve = field_def.resolve
            plain = resolve.plain if isinstance(resolve, DirectResolver) else None
            if name == "__typename":
                plain = _constant(object_type.name)
            output = field_def.type.of_type if is_non_null_type(field_def.type) else field_def.type
            strings = output is GraphQLString or output is GraphQLID
            steps.append(Step(key, field_def, details, plain, complete, leaf, strings))
        return ObjectPlan(object_type, steps)

    def subplan(self, object_type: GraphQLObjectType, details: FieldDetailsList) -> ObjectPlan:
        run = self.execution
        collected = collect_subfields(
            run.schema,
            run.fragments,
            run.variable_values,
            run.operation,
            object_type,
            details,
            run.hide_suggestions,
        )
        return self._object(object_type, collected)

    def _completer(
        self,
        output: GraphQLOutputType,
        parent: GraphQLObjectType,
        field_def: GraphQLField,
        details: FieldDetailsList,
    ) -> tuple[Complete, bool]:
        if is_non_null_type(output):
            inner, leaf = self._completer(output.of_type, parent, field_def, details)
            return _non_null(inner), leaf
        if is_list_type(output):
            item, leaf = self._completer(output.of_type, parent, field_def, details)
            return _listed(item, leaf), leaf
        if is_leaf_type(output):
            return _leaf(output), True
        if is_abstract_type(output):
            return _abstract(output, parent, field_def, details), False
        if is_object_type(output):
            return _object(self.subplan(output, details)), False
        raise Unplanned


def _abstract(
    abstract: GraphQLAbstractType,
    parent: GraphQLObjectType,
    field_def: GraphQLField,
    details: FieldDetailsList,
) -> Complete:
    """The runtime type by class of value, found once per class by the type's own resolver
    (Strawberry's resolves by class), and each runtime type's plan compiled when a value of
    it first comes."""
    by_class: dict[type, ObjectPlan] = {}
    resolve_type = abstract.resolve_type

    def complete(value: Any, path: Trail, run: Execution) -> Any:
        if value is None or value is Undefined:
            return None
        plan = by_class.get(value.__class__)
        if plan is None:
            if resolve_type is None or path is None:
                raise Unplanned
            info = run.build_resolve_info(field_def, _nodes(details), parent, _path(path))  # type: ignore[arg-type]
            name = resolve_type(value, info, abstract)
            runtime = run.schema.get_type(name) if isinstance(name, str) else None
            if not is_object_type(runtime) or not run.schema.is_sub_type(abstract, runtime):
                raise Unplanned
            plan = by_class.setdefault(value.__class__, _Compiler(run).subplan(runtime, details))
        return _run(plan, value, path, run)

    return complete


def _constant(value: str) -> Callable[[Any], str]:
    return lambda source: value


def _nodes(details: FieldDetailsList) -> list[Any]:
    return [d.node for d in details]


def _non_null(inner: Complete) -> Complete:
    def complete(value: Any, path: Trail, run: Execution) -> Any:
        completed = inner(value, path, run)
        if completed is None:
            raise Unplanned
        return completed

    return complete


def _listed(item: Complete, leaf: bool) -> Complete:
    def complete(value: Any, path: Trail, run: Execution) -> Any:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise Unplanned
        if leaf:
            return [item(v, None, run) for v in value]
        check_budget()
        return [item(v, (path, i, None), run) for i, v in enumerate(value)]

    return complete


def _leaf(output: Any) -> Complete:
    coerce = output.coerce_output_value
    strings = output is GraphQLString or output is GraphQLID

    def complete(value: Any, path: Trail, run: Execution) -> Any:
        if value is None or value is Undefined:
            return None
        if strings and value.__class__ is str:
            return value
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise Unplanned
        return coerced

    return complete


def _object(plan: ObjectPlan) -> Complete:
    def complete(value: Any, path: Trail, run: Execution) -> Any:
        if value is None or value is Undefined:
            return None
        return _run(plan, value, path, run)

    return complete


def _path(trail: Trail) -> Path | None:
    if trail is None:
        return None
    previous, key, name = trail
    return Path(_path(previous), key, name)


def _run(plan: ObjectPlan, source: Any, path: Trail, run: Execution) -> dict[str, Any]:
    is_type_of = plan.type.is_type_of
    if is_type_of is not None:
        accepted = plan.accepted.get(source.__class__)
        if accepted is None:
            # Strawberry's is_type_of reads no `info` (isinstance of the type's classes).
            accepted = plan.accepted.setdefault(
                source.__class__,
                bool(is_type_of(source, None)),  # type: ignore[arg-type]
            )
        if not accepted:
            raise Unplanned
    out: dict[str, Any] = {}
    name = plan.type.name
    for step in plan.steps:
        plain = step.plain
        if plain is not None and step.leaf:
            value = plain(source)
            if step.strings and value.__class__ is str:
                out[step.key] = value
            else:
                out[step.key] = step.complete(value, None, run)
            continue
        here = (path, step.key, name)
        value = plain(source) if plain is not None else _resolve(step, plan, source, here, run)
        out[step.key] = step.complete(value, here, run)
    return out


def _resolve(step: Step, plan: ObjectPlan, source: Any, path: Trail, run: Execution) -> Any:
    """A field through its full resolver, with the `info` and arguments graphql-core gives."""
    field_def, first = step.field_def, step.details[0]
    info = run.build_resolve_info(field_def, _nodes(step.details), plan.type, _path(path))  # type: ignore[arg-type]
    arguments = (
        get_argument_values(field_def, first.node, run.variable_values, None, run.hide_suggestions)
        if field_def.args or first.node.arguments
        else {}
    )
    resolve = field_def.resolve or run.field_resolver
    value = resolve(source, info, **arguments)
    if isinstance(value, Exception) or hasattr(value, "__await__"):
        if hasattr(value, "close"):
            value.close()
        raise Unplanned
    return value


def run_plan(plan: ObjectPlan, run: Execution) -> dict[str, Any]:
    """The operation's data, or Unplanned. The budget is checked here and once per list
    (`_listed`): lists are where a response repeats; every loop a resolver runs over canon
    data checks it too (`budget.py`)."""
    check_budget()
    return _run(plan, run.root_value, None, run)


def compile_plan(run: Execution) -> ObjectPlan:
    """The plan of the operation `run` executes, in the variables its directives read; raises
    Unplanned for what a plan does not cover (a mutation, `@defer`, fragment arguments)."""
    return _Compiler(run).root()
