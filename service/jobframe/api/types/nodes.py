"""GraphQL types of canon nodes, each wrapping an immutable node of the checked canon.

A role-level's frames are in `frames.py`; `Frame.roleLevel` names `RoleLevel` lazily, the
one reference back.
"""

from __future__ import annotations

import strawberry

from ...canon import nodes
from ...frames import FrameKind, build_frame, build_page, language_of
from ..context import Info
from ..limits.cost_directives import COMPARE, FRAME, PAGE, PAGED
from .comparison import LevelComparison, resolve_comparison
from .frames import Frame, GoalPage
from .interfaces import CanonNode, declare_node_types
from .pagination import PAGE_SIZE, Connection, paginate


@strawberry.type(description="A job function: the root of the job architecture.")
class JobFunction(CanonNode):
    @strawberry.field(
        description="The job families in this function, by label.", directives=[PAGED]
    )
    def families(
        self, info: Info, first: int = PAGE_SIZE, after: str | None = None
    ) -> Connection[JobFamily]:
        found = info.context.canon.families_in(self.model.iri)
        return paginate(found, lambda m: JobFamily(model=m), first, after)


@strawberry.type(description="A job family: related jobs inside one job function.")
class JobFamily(CanonNode):
    model: strawberry.Private[nodes.JobFamily]

    @strawberry.field(description="The job function this family belongs to.")
    def function(self) -> JobFunction:
        return JobFunction(model=self.model.function)

    @strawberry.field(
        description="This family's role-levels, by track and rank.", directives=[PAGED]
    )
    def role_levels(
        self, info: Info, first: int = PAGE_SIZE, after: str | None = None
    ) -> Connection[RoleLevel]:
        found = info.context.canon.role_levels_of(self.model.iri)
        return paginate(found, lambda m: RoleLevel(model=m), first, after)


@strawberry.type(description="A career track whose levels are ranked without gaps.")
class Track(CanonNode):
    @strawberry.field(description="The levels of this track, by rank.", directives=[PAGED])
    def levels(
        self, info: Info, first: int = PAGE_SIZE, after: str | None = None
    ) -> Connection[Level]:
        found = info.context.canon.levels_in(self.model.iri)
        return paginate(found, lambda m: Level(model=m), first, after)


@strawberry.type(
    description="A level such as M5 — Senior Director, described along every dimension."
)
class Level(CanonNode):
    model: strawberry.Private[nodes.Level]

    @strawberry.field(description="The level's code, such as `M5` (its notation).")
    def code(self) -> str:
        return self.model.code

    @strawberry.field(description="The level's title, such as `Senior Director` (its label).")
    def title(self) -> str:
        return self.model.label

    @strawberry.field(description="The track this level belongs to.")
    def track(self) -> Track:
        return Track(model=self.model.track)

    @strawberry.field(description="Position within its track, from 1.")
    def rank(self) -> int:
        return self.model.rank

    @strawberry.field(description="What this level means along each dimension, in display order.")
    def statements(self) -> list[DimensionStatement]:
        return [DimensionStatement(model=s) for s in self.model.statements]


@strawberry.type(
    description="A generic dimension every level is described along (Scope, Autonomy, …). "
    "`notation` is its name in running text."
)
class LevelDimension(CanonNode):
    model: strawberry.Private[nodes.LevelDimension]

    @strawberry.field(description="Where this dimension comes when dimensions are listed.")
    def display_order(self) -> int:
        return self.model.display_order


@strawberry.type(description="What one level means along one dimension, as verbatim `text`.")
class DimensionStatement(CanonNode):
    model: strawberry.Private[nodes.DimensionStatement]

    @strawberry.field(description="The dimension this statement describes.")
    def dimension(self) -> LevelDimension:
        return LevelDimension(model=self.model.dimension)

    @strawberry.field(
        description="The family this statement is specific to; null for the level's generic "
        "statement. A family's own statement replaces the generic one for its role-levels."
    )
    def family(self) -> JobFamily | None:
        family = self.model.family
        return JobFamily(model=family) if family is not None else None


@strawberry.type(
    description="An area responsibilities are grouped into (Results, Direction, Talent, …)."
)
class ResponsibilityGroup(CanonNode):
    model: strawberry.Private[nodes.ResponsibilityGroup]

    @strawberry.field(description="Where this group comes when groups are listed.")
    def display_order(self) -> int:
        return self.model.display_order


@strawberry.type(
    description="The canon's description of itself: `label` is its title. For a canon built "
    "from published data, where it came from and the attribution its licence requires."
)
class CanonAbout(CanonNode):
    model: strawberry.Private[nodes.CanonAbout]

    @strawberry.field(description="The language frames are in when a request names none.")
    def default_language(self) -> str | None:
        return self.model.default_language

    @strawberry.field(description="Where the canon's data came from (an IRI), if published.")
    def source(self) -> str | None:
        return self.model.source

    @strawberry.field(description="The licence of the canon's data (an IRI), if any.")
    def license(self) -> str | None:
        return self.model.license

    @strawberry.field(description="The attribution the licence requires, to show with it.")
    def attribution(self) -> str | None:
        return self.model.attribution


@strawberry.type(
    description="A body of canon text (such as JFM): `label` in source tags, "
    "`notation` in running text."
)
class Source(CanonNode):
    pass


@strawberry.type(
    description="A dimension of the leveling rubric (such as complexity/problem-solving)."
)
class RubricDimension(CanonNode):
    pass


@strawberry.type(description="A core output a role-level owns, as verbatim `text`.")
class Responsibility(CanonNode):
    model: strawberry.Private[nodes.Responsibility]

    @strawberry.field(description="Position within its role-level; frames follow this order.")
    def order(self) -> int:
        return self.model.order

    @strawberry.field(description="Where the text was taken from.")
    def source(self) -> Source:
        return Source(model=self.model.source)

    @strawberry.field(
        description="The area it is grouped into, if the canon groups it; frames do not "
        "depend on groups."
    )
    def group(self) -> ResponsibilityGroup | None:
        group = self.model.group
        return ResponsibilityGroup(model=group) if group is not None else None


@strawberry.type(description="A role-level's leveling-rubric text along one rubric dimension.")
class RubricEntry(CanonNode):
    model: strawberry.Private[nodes.RubricEntry]

    @strawberry.field(description="The rubric dimension this entry describes.")
    def dimension(self) -> RubricDimension:
        return RubricDimension(model=self.model.dimension)

    @strawberry.field(description="Where the text was taken from.")
    def source(self) -> Source:
        return Source(model=self.model.source)


@strawberry.type(description="A job family at a level; goal frames are derived for it.")
class RoleLevel(CanonNode):
    model: strawberry.Private[nodes.RoleLevel]

    @strawberry.field(description="The job family.")
    def family(self) -> JobFamily:
        return JobFamily(model=self.model.family)

    @strawberry.field(description="The level.")
    def level(self) -> Level:
        return Level(model=self.model.level)

    @strawberry.field(description="Responsibilities in canon order.")
    def responsibilities(self) -> list[Responsibility]:
        return [Responsibility(model=r) for r in self.model.responsibilities]

    @strawberry.field(description="Leveling-rubric entries, one per rubric dimension at most.")
    def rubric_entries(self) -> list[RubricEntry]:
        return [RubricEntry(model=e) for e in self.model.rubric]

    @strawberry.field(
        description="Its level's dimension statements as they apply to its family (the "
        "family's own statement in place of the generic one), in display order."
    )
    def statements(self) -> list[DimensionStatement]:
        return [DimensionStatement(model=s) for s in self.model.statements]

    @strawberry.field(description="One goal frame of this role-level.", directives=[FRAME])
    def frame(self, kind: FrameKind) -> Frame:
        return Frame(model=build_frame(self.model, kind))

    @strawberry.field(description="All four goal frames, in page order.", directives=[FRAME])
    def frames(self) -> list[Frame]:
        return [Frame(model=f) for f in build_page(self.model).frames]

    @strawberry.field(
        description="The whole goal-templates page: header lines and frames.", directives=[PAGE]
    )
    def page(self) -> GoalPage:
        return GoalPage(model=build_page(self.model))

    @strawberry.field(
        description="This role-level beside its family at level `to` (a level code or ID), "
        "in the language this role-level is given in; see `Query.compare`.",
        directives=[COMPARE],
    )
    def compare(self, info: Info, to: str) -> LevelComparison | None:
        role = self.model
        lang = language_of(role) or info.context.language
        return resolve_comparison(info, role.family.iri, role.level.iri, to, lang)


NODE_TYPES: dict[type[nodes.CanonNode], type[CanonNode]] = {
    nodes.JobFunction: JobFunction,
    nodes.JobFamily: JobFamily,
    nodes.Track: Track,
    nodes.Level: Level,
    nodes.LevelDimension: LevelDimension,
    nodes.DimensionStatement: DimensionStatement,
    nodes.Source: Source,
    nodes.RubricDimension: RubricDimension,
    nodes.Responsibility: Responsibility,
    nodes.ResponsibilityGroup: ResponsibilityGroup,
    nodes.RubricEntry: RubricEntry,
    nodes.RoleLevel: RoleLevel,
    nodes.CanonAbout: CanonAbout,
}
"""The GraphQL type of each canon model class: what `wrap` answers a node as, and every
concrete node type for the schema (they are reached through interfaces too)."""
declare_node_types(NODE_TYPES)
