"""The GraphQL schema: queries over the canon the request started with."""

from __future__ import annotations

from functools import cache
from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from ..canon import NotFound, ancestry
from .context import Info
from .errors import add_code, is_fault, not_found
from .execution.direct_resolvers import use_direct_resolvers
from .execution.document_cache import BoundedParserCache, BoundedValidationCache
from .execution.executor import PlannedExecutor
from .limits.arguments import check_language
from .limits.cost_directives import COMPARE, PAGED, SEARCH, ListSize
from .limits.extensions import Limits
from .types.comparison import LevelComparison, resolve_comparison
from .types.ids import decode_id, iri_of
from .types.interfaces import CanonNode, Node, type_name, wrap
from .types.nodes import NODE_TYPES, JobFamily, JobFunction, Level, LevelDimension, RoleLevel, Track
from .types.pagination import PAGE_SIZE, Connection, paginate
from .types.status import CanonStatus

MAX_LINEAGE = 4
"""The longest lineage: responsibility → role-level → family → function."""


def _resolve(info: Info, global_id: str) -> Node | None:
    decoded = decode_id(global_id)
    if decoded is None:
        return None
    asked, iri = decoded
    node = info.context.canon.nodes.get(iri)
    if node is None:
        return None
    wrapped = wrap(node)
    return wrapped if type_name(type(wrapped)) == asked else None


@strawberry.type(description="Read the canon and the goal frames derived from it.")
class Query:
    @strawberry.field(description="Any object by its global ID; null when there is none.")
    def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return _resolve(info, id)

    @strawberry.field(
        description="Objects by global IDs, in the order asked; null where unknown.",
        directives=[ListSize(slicing_arguments=["ids"])],
    )
    def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        return [_resolve(info, i) for i in ids]

    @strawberry.field(
        description="A family at a level. `family` is a family label or ID, `level` a level "
        "code or ID. An unknown one is an error (code NOT_FOUND) listing the closest. `lang` "
        "(a BCP 47 tag; default: the request's Accept-Language, else the service's default) "
        "picks the language of its canon text: each value in `lang`, else untagged; if any "
        "value the page quotes would be in another language, the whole role-level is given in "
        "the canon's default language instead, so a frame never mixes languages."
    )
    def role_level(
        self, info: Info, family: str, level: str, lang: str | None = None
    ) -> RoleLevel | None:
        canon = info.context.canon
        check_language(lang)
        wanted = lang or info.context.language
        try:
            found = canon.role_level(
                iri_of(canon, family, "JobFamily"), iri_of(canon, level, "Level"), wanted
            )
        except NotFound as error:
            raise not_found(error) from None
        return RoleLevel(model=found)

    @strawberry.field(
        description="A job family at two levels side by side (`from`, `to`: level codes or "
        "IDs, in the same or different tracks; `family`: a family label or ID): each "
        "dimension's statements, the responsibilities and rubric entries, verbatim, each "
        "marked whether the exact same text is at both levels. A family without a role-level "
        "at one level shows that level's statements and its responsibilities as null; an "
        "unknown family or level, or a family at neither level, is an error (code NOT_FOUND) "
        "listing the closest. `lang` as for `roleLevel`.",
        directives=[COMPARE],
    )
    def compare(
        self,
        info: Info,
        family: str,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
        lang: str | None = None,
    ) -> LevelComparison | None:
        return resolve_comparison(info, family, from_, to, lang)

    @strawberry.field(description="Job functions, by label.", directives=[PAGED])
    def functions(
        self, info: Info, first: int = PAGE_SIZE, after: str | None = None
    ) -> Connection[JobFunction]:
        return paginate(info.context.canon.functions, lambda m: JobFunction(model=m), first, after)

    @strawberry.field(description="Job families, by label.", directives=[PAGED])
    def families(
        self, info: Info, first: int = PAGE_SIZE, after: str | None = None
    ) -> Connection[JobFamily]:
        return paginate(info.context.canon.families, lambda m: JobFamily(model=m), first, after)

    @strawberry.field(description="Levels, by track and rank.", directives=[PAGED])
    def levels(
        self, info: Info, first: int = PAGE_SIZE, after: str | None = None
    ) -> Connection[Level]:
        return paginate(info.context.canon.levels, lambda m: Level(model=m), first, after)

    @strawberry.field(description="Role-levels, by family, track and rank.", directives=[PAGED])
    def role_levels(
        self,
        info: Info,
        first: int = PAGE_SIZE,
        after: str | None = None,
        search: Annotated[
            str | None,
            strawberry.argument(
                description="Only role-levels whose function, family and level code or title"
                " contain every word, ignoring case (`clinical m5`). Pass the same search"
                " with `after`.",
                directives=[SEARCH],
            ),
        ] = None,
    ) -> Connection[RoleLevel]:
        canon = info.context.canon
        found = canon.role_levels if search is None else canon.search_role_levels(search)
        return paginate(found, lambda m: RoleLevel(model=m), first, after)

    @strawberry.field(description="Level dimensions, in display order.")
    def dimensions(self, info: Info) -> list[LevelDimension]:
        return [LevelDimension(model=d) for d in info.context.canon.dimensions]

    @strawberry.field(
        description="The canon being served: version, findings, completeness, reloads."
    )
    def canon(self, info: Info) -> CanonStatus:
        return CanonStatus(model=info.context.served)

    @strawberry.field(
        description="The path from a canon node up to its job function (or the top of its "
        "branch), the node first; null for an unknown ID.",
        directives=[ListSize(assumed_size=MAX_LINEAGE)],
    )
    def lineage(self, info: Info, id: strawberry.ID) -> list[CanonNode] | None:
        node = _resolve(info, id)
        if not isinstance(node, CanonNode):
            return None
        path = ancestry(info.context.canon, node.model.iri)
        return [wrap(n) for n in path] if path is not None else None

    @strawberry.field(description="Career tracks, by label.")
    def tracks(self, info: Info) -> list[Track]:
        return [Track(model=t) for t in info.context.canon.tracks]


class CanonSchema(strawberry.Schema):
    """Gives every error a code, and logs only faults in full: a client's NOT_FOUND or bad
    query is an answer, not a fault."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        faults = [e for e in map(add_code, errors) if is_fault(e)]
        if faults:
            super().process_errors(faults, execution_context)


@cache
def schema_for(limits: Limits) -> CanonSchema:
    """The schema with its caches, the request limits, direct resolvers and compiled
    plans (`execution/executor.py`), built on first use and shared by every app with the
    same limits; importing the package builds none."""
    built = CanonSchema(
        query=Query,
        types=list(NODE_TYPES.values()),
        execution_context_class=PlannedExecutor,
        extensions=[
            BoundedParserCache,
            *limits.extensions(),
            BoundedValidationCache,  # after WalkLimits: a document over a limit is not validated
        ],
    )
    use_direct_resolvers(built)
    return built


def default_schema() -> CanonSchema:
    """The schema with default limits: `export-schema` prints it, node pages estimate their
    cost on it (`create_app` asks for the schema of its settings' limits)."""
    return schema_for(Limits.of())
