"""Direct resolvers for the schema's plain fields.

Strawberry wraps every field's resolver (argument conversion, Info, field extensions): about
10 µs per field, which dominates a response of all four frames with provenance (~800 fields).
A field with no arguments, no permissions, no field extensions and a resolver that takes only
`self` (or no resolver at all) needs none of that, so graphql-core is given a resolver that
calls it directly (after checking the request's time budget, see `budget.py`). Fields that
do take arguments or `info` keep Strawberry's resolver, behind the same budget check.

A direct resolver is a `DirectResolver`, which carries the function of the source alone as
`plain`: a compiled plan (`plans.py`) calls that without building an `info` at all, and
checks the budget per object.
"""

from __future__ import annotations

import functools
import inspect
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import GraphQLObjectType
from strawberry.types.base import StrawberryObjectDefinition

from ...budget import check_budget

Resolver = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class DirectResolver:
    """graphql-core's resolver of a plain field: the budget check, then `plain` on the source."""

    plain: Callable[[Any], Any]
    """The field's value from its source alone, for plans that need no `info`."""

    def __call__(self, source: Any, info: Any) -> Any:
        check_budget()
        return self.plain(source)


def _direct(field: Any) -> DirectResolver | None:
    if field.arguments or field.permission_classes or field.extensions:
        return None
    resolver = field.base_resolver
    if resolver is None:
        return DirectResolver(operator.attrgetter(field.python_name))
    function = resolver.wrapped_func
    if list(inspect.signature(function).parameters) != ["self"]:
        return None
    return DirectResolver(function)


def _checked(resolve: Resolver) -> Resolver:
    @functools.wraps(resolve)
    def checked(source: Any, info: Any, **arguments: Any) -> Any:
        check_budget()
        return resolve(source, info, **arguments)

    return checked


def use_direct_resolvers(schema: strawberry.Schema) -> int:
    """Give every plain field of every object type a direct resolver, and every other field
    a budget check before Strawberry's; how many direct resolvers were given."""
    count = 0
    for name, graphql_type in schema._schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or name.startswith("__"):
            continue
        definition = schema.get_type_by_name(name)
        if not isinstance(definition, StrawberryObjectDefinition):
            continue
        for field in definition.fields:
            direct = _direct(field)
            target = graphql_type.fields.get(schema.config.name_converter.get_graphql_name(field))
            if target is None:
                continue
            if direct is not None:
                target.resolve = direct
                count += 1
            elif target.resolve is not None:
                target.resolve = _checked(target.resolve)
    return count
