"""Bounds on the size of what a request gives as arguments.

The work some fields do grows with their arguments: ranking closest names, searching for
each word, looking up each ID. A 90 KB family name took 24 s, a search of 45,000 words
9.7 s. A number sizes what is estimated: a negative `first` beside a costly query made its
estimate negative, and the refused query ran. Every argument is checked against these
bounds by the walk of the document (`walk.py`) before it sizes anything, so an out-of-bounds
one is a `BAD_USER_INPUT` error naming the argument, and no work is done.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from ...canon import LANGUAGE_TAG, shown
from ..errors import ErrorCode, coded
from ..types.pagination import MAX_PAGE

MAX_STRING = 1_000
"""Characters in one string argument: a label, a level code, an ID, a cursor, a search."""
MAX_ITEMS = 100
"""Items in one list argument (`nodes(ids:)`), as many as a page holds."""
MAX_SEARCH_WORDS = 16
"""Words in one `roleLevels(search:)`: each word narrows the search; more say nothing new."""
INT_BOUNDS = {"first": (0, MAX_PAGE), "last": (0, MAX_PAGE)}
"""The bounds of each integer argument, by name: a page holds 0 to MAX_PAGE items. A test
requires every Int argument of the schema to have one."""


def check_arguments(type_name: str, field_name: str, arguments: dict[str, Any]) -> None:
    """Raise a BAD_USER_INPUT error for the first argument over its bound."""
    for name, value in arguments.items():
        where = f"{type_name}.{field_name}({name}:)"
        if isinstance(value, int) and not isinstance(value, bool):
            low, high = INT_BOUNDS.get(name, (0, 0))
            if not low <= value <= high:
                raise _refused(f"{where} must be between {low} and {high}, got {value}", name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and len(item) > MAX_STRING:
                raise _refused(f"{where} is longer than {MAX_STRING} characters", name)
        if isinstance(value, list) and len(value) > MAX_ITEMS:
            raise _refused(f"{where} has more than {MAX_ITEMS} items", name)
        if name == "search" and isinstance(value, str) and len(value.split()) > MAX_SEARCH_WORDS:
            raise _refused(f"{where} has more than {MAX_SEARCH_WORDS} words", name)


def check_language(lang: str | None) -> None:
    """Raise a BAD_USER_INPUT error when a `lang` argument is not a language tag."""
    if lang is not None and not LANGUAGE_TAG.fullmatch(lang):
        raise coded(
            f"lang {shown(lang)!r} is not a language tag such as en, de or pt-BR",
            ErrorCode.BAD_USER_INPUT,
            argument="lang",
        )


def _refused(message: str, argument: str) -> GraphQLError:
    return coded(message, ErrorCode.BAD_USER_INPUT, argument=argument)
