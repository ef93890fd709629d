"""GraphQL types of a level comparison (`frames/comparison.py`), and resolving one for a query.

`node_types.py` imports this module for `RoleLevel.compare`, so the node types these fields
return are named lazily (`_node_type`) rather than imported: the schema resolves them by
name, and each value is built by `wrap`, which picks the node's GraphQL type by its kind.
"""

from __future__ import annotations

import strawberry

from ... import frames
from ...canon import Canon, NotFound
from ..context import Info
from ..errors import not_found
from ..limits.arguments import check_language
from .ids import iri_of
from .interfaces import CanonNode, wrap


def _node_type(name: str) -> strawberry.LazyType[str, str]:
    """A node type of `node_types.py`, by name (that module imports this one)."""
    return strawberry.LazyType(name, "jobframe.api.types.nodes")


@strawberry.type(
    description="One canon text shown in a comparison, verbatim, with the node it is quoted from."
)
class ComparedText:
    model: strawberry.Private[frames.ComparedText]

    @strawberry.field(description="The text, exactly as the canon gives it.")
    def text(self) -> str:
        return self.model.text

    @strawberry.field(
        description="The canon node the text is quoted from (a DimensionStatement, "
        "Responsibility or RubricEntry); link to its `url`."
    )
    def node(self) -> CanonNode:
        return wrap(self.model.node)

    @strawberry.field(
        description="The language tag of the text (BCP 47); null when the canon gives it "
        "without one."
    )
    def language(self) -> str | None:
        return self.model.node.language("text")

    @strawberry.field(
        description="Whether the exact same text is at the other level too (along the same "
        "dimension, for statements and rubric entries). Exact string match: texts that "
        "differ in any character are not paired. False marks a text found at only one level."
    )
    def at_both_levels(self) -> bool:
        return self.model.at_both_levels


@strawberry.type(
    description="One side of a comparison: a level, and the family's role-level there if it "
    "has one."
)
class ComparedLevel:
    model: strawberry.Private[frames.ComparedLevel]

    @strawberry.field(description="The level.", graphql_type=_node_type("Level"))
    def level(self) -> CanonNode:
        return wrap(self.model.level)

    @strawberry.field(
        description="The family at this level; null when the family has no role-level here "
        "(its responsibilities and rubric entries are then missing on this side).",
        graphql_type=_node_type("RoleLevel") | None,
    )
    def role_level(self) -> CanonNode | None:
        role = self.model.role_level
        return wrap(role) if role is not None else None


@strawberry.type(
    description="The two levels' statements along one level dimension, as they apply to the family."
)
class DimensionComparison:
    model: strawberry.Private[frames.DimensionComparison]

    @strawberry.field(description="The level dimension.", graphql_type=_node_type("LevelDimension"))
    def dimension(self) -> CanonNode:
        return wrap(self.model.dimension)

    @strawberry.field(
        name="from",
        description="The `from` level's statement; null when it has none along this dimension.",
    )
    def from_(self) -> ComparedText | None:
        return _text(self.model.from_)

    @strawberry.field(
        description="The `to` level's statement; null when it has none along this dimension."
    )
    def to(self) -> ComparedText | None:
        return _text(self.model.to)


@strawberry.type(description="The two role-levels' rubric entries along one rubric dimension.")
class RubricComparison:
    model: strawberry.Private[frames.RubricComparison]

    @strawberry.field(
        description="The rubric dimension.", graphql_type=_node_type("RubricDimension")
    )
    def dimension(self) -> CanonNode:
        return wrap(self.model.dimension)

    @strawberry.field(
        name="from",
        description="The `from` role-level's entry; null when it has none along this "
        "dimension or there is no role-level.",
    )
    def from_(self) -> ComparedText | None:
        return _text(self.model.from_)

    @strawberry.field(
        description="The `to` role-level's entry; null when it has none along this dimension "
        "or there is no role-level."
    )
    def to(self) -> ComparedText | None:
        return _text(self.model.to)


@strawberry.type(
    description="The two role-levels' responsibilities, each list in canon order. Not paired: "
    "each text says whether the exact same text is among the other level's."
)
class ResponsibilityComparison:
    model: strawberry.Private[frames.LevelComparison]

    @strawberry.field(
        name="from",
        description="The `from` role-level's responsibilities; null when the family has no "
        "role-level at the `from` level.",
    )
    def from_(self) -> list[ComparedText] | None:
        return _texts(self.model.from_responsibilities)

    @strawberry.field(
        description="The `to` role-level's responsibilities; null when the family has no "
        "role-level at the `to` level."
    )
    def to(self) -> list[ComparedText] | None:
        return _texts(self.model.to_responsibilities)


@strawberry.type(
    description="A job family at two levels side by side, in the same or different tracks: "
    "statements, responsibilities and rubric entries, verbatim, each marked whether it is at "
    "both levels. What one level lacks is null there, never filled in."
)
class LevelComparison:
    model: strawberry.Private[frames.LevelComparison]

    @strawberry.field(description="The job family compared.", graphql_type=_node_type("JobFamily"))
    def family(self) -> CanonNode:
        return wrap(self.model.family)

    @strawberry.field(name="from", description="The level compared from.")
    def from_(self) -> ComparedLevel:
        return ComparedLevel(model=self.model.from_)

    @strawberry.field(description="The level compared to.")
    def to(self) -> ComparedLevel:
        return ComparedLevel(model=self.model.to)

    @strawberry.field(
        description="Every level dimension either level describes, in display order, with "
        "the family's own statement in place of the generic one where it has one."
    )
    def dimensions(self) -> list[DimensionComparison]:
        return [DimensionComparison(model=d) for d in self.model.dimensions]

    @strawberry.field(description="The two role-levels' responsibilities.")
    def responsibilities(self) -> ResponsibilityComparison:
        return ResponsibilityComparison(model=self.model)

    @strawberry.field(
        description="Every rubric dimension either role-level has an entry along, by label."
    )
    def rubric(self) -> list[RubricComparison]:
        return [RubricComparison(model=r) for r in self.model.rubric]


def _text(model: frames.ComparedText | None) -> ComparedText | None:
    return ComparedText(model=model) if model is not None else None


def _texts(models: tuple[frames.ComparedText, ...] | None) -> list[ComparedText] | None:
    return [ComparedText(model=m) for m in models] if models is not None else None


def resolve_comparison(
    info: Info, family: str, from_level: str, to_level: str, lang: str | None
) -> LevelComparison:
    """The comparison a query asks for; family and levels by name or global ID.

    An unknown name, or a family with a role-level at neither level, is a NOT_FOUND error
    naming the closest; a malformed `lang` is BAD_USER_INPUT.
    """
    check_language(lang)
    canon: Canon = info.context.canon
    try:
        found = frames.compare_levels(
            canon,
            iri_of(canon, family, "JobFamily"),
            iri_of(canon, from_level, "Level"),
            iri_of(canon, to_level, "Level"),
            lang or info.context.language,
        )
    except NotFound as error:
        raise not_found(error) from None
    return LevelComparison(model=found)
