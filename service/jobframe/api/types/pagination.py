"""Relay-style cursor connections over the canon's ordered lists."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from ..errors import ErrorCode, coded

MAX_PAGE = 100
PAGE_SIZE = 50
"""Items in a page when `first` is not given."""
T = TypeVar("T")
M = TypeVar("M")


@strawberry.type(description="Where a page sits in its list (Relay `PageInfo`).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(description="Items precede this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item here.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last item here.")


@strawberry.type(description="An item of a list with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Pass as `after` to continue after this item.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="One page of a list, in canon order.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, with cursors.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the list.")
    total_count: int = strawberry.field(description="How many items the whole list has.")

    @strawberry.field(description="The items of this page, without cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def _cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"cursor:{index}".encode()).decode()


def _index(cursor: str) -> int:
    try:
        kind, _, number = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if kind == "cursor" and number.isdigit():
            return int(number)
    except (ValueError, UnicodeError):
        pass
    raise coded(f"invalid cursor {cursor!r}", ErrorCode.BAD_USER_INPUT)


def paginate(
    items: Sequence[M], wrap: Callable[[M], T], first: int, after: str | None
) -> Connection[T]:
    """The page of `first` items after cursor `after` (at most MAX_PAGE)."""
    if not 0 <= first <= MAX_PAGE:
        raise coded(
            f"first must be between 0 and {MAX_PAGE}, got {first}", ErrorCode.BAD_USER_INPUT
        )
    start = _index(after) + 1 if after is not None else 0
    stop = min(start + first, len(items))
    edges = [Edge(cursor=_cursor(i), node=wrap(items[i])) for i in range(start, stop)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=stop < len(items),
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=len(items),
    )
