"""GraphQL types of canon nodes; each wraps an immutable node of the checked canon."""

from __future__ import annotations

import strawberry

from .. import nodes
from ..dereference import node_url
from ..frames.model import FrameKind
from ..frames.rules import build_frame, build_page
from .context import Info
from .frames import Frame, GoalPage
from .ids import encode_id


@strawberry.interface(description="An object with a globally unique, opaque ID (Relay).")
class Node:
    @strawberry.field(description="Opaque global ID of this object; `node(id:)` resolves it.")
    def id(self) -> strawberry.ID:
        raise NotImplementedError


@strawberry.interface(
    description="A node of the canon graph. Frame lines quote only its `label`, "
    "`notation` or `text`, so any quote can be checked against the node it cites."
)
class CanonNode(Node):
    model: strawberry.Private[nodes.CanonNode]

    @strawberry.field(description="Opaque global ID of this node; `node(id:)` resolves it.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id(type(self).__name__, self.model.iri))

    @strawberry.field(description="The node's IRI in the canon graph.")
    def iri(self) -> str:
        return self.model.iri

    @strawberry.field(
        description="Where the node resolves on this service: an HTML page, or Turtle or "
        "JSON-LD by content negotiation."
    )
    def url(self, info: Info) -> str:
        return node_url(self.model.iri, info.context.iri_base)

    @strawberry.field(description="Human-readable name (skos:prefLabel, or composed for texts).")
    def label(self) -> str:
        return self.model.label

    @strawberry.field(description="Code or running-text name (skos:notation), where it has one.")
    def notation(self) -> str | None:
        return self.model.notation

    @strawberry.field(description="Verbatim canon text (jf:text), where the node has one.")
    def text(self) -> str | None:
        return self.model.text


@strawberry.type(description="A job function: the root of the job architecture.")
class JobFunction(CanonNode):
    @strawberry.field(description="The job families in this function.")
    def families(self, info: Info) -> list[JobFamily]:
        canon = info.context.canon
        return [JobFamily(model=f) for f in canon.families if f.function.iri == self.model.iri]


@strawberry.type(description="A job family: related jobs inside one job function.")
class JobFamily(CanonNode):
    model: strawberry.Private[nodes.JobFamily]

    @strawberry.field(description="The job function this family belongs to.")
    def function(self) -> JobFunction:
        return JobFunction(model=self.model.function)

    @strawberry.field(description="This family's role-levels, by track and rank.")
    def role_levels(self, info: Info) -> list[RoleLevel]:
        canon = info.context.canon
        return [RoleLevel(model=r) for r in canon.role_levels if r.family.iri == self.model.iri]


@strawberry.type(description="A career track whose levels are ranked without gaps.")
class Track(CanonNode):
    @strawberry.field(description="The levels of this track, by rank.")
    def levels(self, info: Info) -> list[Level]:
        canon = info.context.canon
        return [Level(model=lv) for lv in canon.levels if lv.track.iri == self.model.iri]


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

    @strawberry.field(description="One goal frame of this role-level.")
    def frame(self, kind: FrameKind) -> Frame:
        return Frame(model=build_frame(self.model, kind))

    @strawberry.field(description="All four goal frames, in page order.")
    def frames(self) -> list[Frame]:
        return [Frame(model=f) for f in build_page(self.model).frames]

    @strawberry.field(description="The whole goal-templates page: header lines and frames.")
    def page(self) -> GoalPage:
        return GoalPage(model=build_page(self.model))


_TYPES: dict[type[nodes.CanonNode], type[CanonNode]] = {
    nodes.JobFunction: JobFunction,
    nodes.JobFamily: JobFamily,
    nodes.Track: Track,
    nodes.Level: Level,
    nodes.LevelDimension: LevelDimension,
    nodes.DimensionStatement: DimensionStatement,
    nodes.Source: Source,
    nodes.RubricDimension: RubricDimension,
    nodes.Responsibility: Responsibility,
    nodes.RubricEntry: RubricEntry,
    nodes.RoleLevel: RoleLevel,
}
NODE_TYPES: tuple[type[CanonNode], ...] = tuple(_TYPES.values())


def wrap(node: nodes.CanonNode) -> CanonNode:
    """The GraphQL object of a canon node, typed by its kind."""
    return _TYPES[type(node)](model=node)
