"""The weights a query's cost is estimated with, published in the schema as the GraphQL cost
directives (`@cost`, `@listSize`, from the IBM GraphQL Cost Directives specification).

Defaults, as in that specification: a field returning an object costs 1 per object, a
scalar or enum field costs 0. `@cost` marks fields that cost more (searching);
`@costPerFrameLine` fields whose work grows with the frames they build or render (a frame,
its text, its RDF): their weight is multiplied by the line count of the served canon's
longest frame. `@listSize` says which argument sizes a list (`first` of a connection, the
`ids` of `nodes`). A list with neither is sized by the served canon: the longest such list
it holds (a family's role-levels, a role-level's responsibilities); see `cost.py`.

Weights are measured: one unit is about 5 µs of work on the benchmark machine (a frame
line built or a field resolved); writing a line's RDF takes about 60 times that.
"""

from __future__ import annotations

import strawberry
from strawberry.schema_directive import Location


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION, Location.ARGUMENT_DEFINITION],
    description="The cost of resolving this field (per object, for a list), or of "
    "giving this argument.",
)
class Cost:
    weight: str


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    description="How long this list is: the value of a slicing argument (the length of a "
    "list argument), applied to the `sizedFields` of the returned object, else "
    "`assumedSize`. A list without it is sized by the served canon.",
)
class ListSize:
    assumed_size: int | None = strawberry.UNSET
    slicing_arguments: list[str] | None = strawberry.UNSET
    sized_fields: list[str] | None = strawberry.UNSET
    require_one_slicing_argument: bool = True


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    description="The cost of this field per line of the frames it builds or renders, "
    "multiplied by the line count of the served canon's longest frame.",
)
class CostPerFrameLine:
    weight: str


PAGED = ListSize(
    slicing_arguments=["first"], sized_fields=["edges", "nodes"], require_one_slicing_argument=False
)
"""A connection: `first` items at most (at most the list's length in the canon)."""

FRAME = CostPerFrameLine(weight="1")
"""Building a frame from the canon: rules applied to every responsibility and statement."""
PAGE = CostPerFrameLine(weight="4")
"""Building a role-level's page: all four frames."""
RDF = CostPerFrameLine(weight="60")
"""Writing a frame's RDF: a graph of every line and quotation, serialised."""
TEXT = CostPerFrameLine(weight="2")
"""A frame's plain text, rendered from its lines."""
PAGE_TEXT = CostPerFrameLine(weight="8")
"""A page's plain text: the four frames' texts."""
SEARCH = Cost(weight="10")
"""Searching every role-level's names for the given words."""
COMPARE = Cost(weight="10")
"""Comparing a family's two levels: names looked up, texts matched (about 30 µs)."""
