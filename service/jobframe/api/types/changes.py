"""GraphQL types for what a reload changed: `canon { lastReload { changes { … } } }`.

The same report as `jobframe diff` (see `changes/`), kept with the served canon: nodes
added, removed and changed, and the role-levels whose frames changed, each paginated. A
front end can say "the canon changed: 3 role-levels updated" and link to them.
"""

from __future__ import annotations

import strawberry

from ... import canon, changes
from ...frames import FrameKind
from ..context import Info
from ..limits.cost_directives import PAGED, ListSize
from .interfaces import CanonNode, wrap
from .nodes import RoleLevel
from .pagination import PAGE_SIZE, Connection, paginate

ChangeKind = strawberry.enum(
    changes.Change,
    name="ChangeKind",
    description="How a node or a role-level differs from the canon served before.",
)
FIELDS_PER_NODE = 16
"""The length assumed of a node's list of changed values: a node has at most nine values,
and one more for each other language of a quoted value."""


@strawberry.type(description="One value of a canon node, before and after the reload.")
class FieldChange:
    model: strawberry.Private[changes.FieldChange]

    @strawberry.field(
        description="Which value: `label`, `notation`, `text`, `order`, `rank`, "
        "`displayOrder`, a reference by IRI (`family`, `level`, `roleLevel`, `source`, …), "
        "a language tag (`textLanguage`), or a value in another language (`text@de`)."
    )
    def field(self) -> str:
        return self.model.field

    @strawberry.field(description="The value before; null when the node had none.")
    def old(self) -> str | None:
        return self.model.old

    @strawberry.field(description="The value after; null when the node has none.")
    def new(self) -> str | None:
        return self.model.new


@strawberry.type(description="A canon node the reload added, removed or changed.")
class NodeChange:
    model: strawberry.Private[changes.NodeChange]

    @strawberry.field(description="The node's IRI.")
    def iri(self) -> str:
        return self.model.iri

    @strawberry.field(description="Its kind, as the ontology names its class (`Responsibility`).")
    def kind(self) -> str:
        return self.model.kind

    @strawberry.field(description="Its label (before the reload, when it was removed).")
    def label(self) -> str:
        return self.model.label

    @strawberry.field(description="Added, removed or changed.")
    def change(self) -> changes.Change:
        return self.model.change

    @strawberry.field(description="The node in the served canon; null when it was removed.")
    def node(self, info: Info) -> CanonNode | None:
        found = info.context.canon.nodes.get(self.model.iri)
        return wrap(found) if found is not None else None

    @strawberry.field(
        description="Its values that differ; every value of an added or removed node.",
        directives=[ListSize(assumed_size=FIELDS_PER_NODE)],
    )
    def fields(self) -> list[FieldChange]:
        return [FieldChange(model=f) for f in self.model.fields]


@strawberry.type(description="A frame whose plain text the reload changed.")
class FrameChange:
    model: strawberry.Private[changes.FrameChange]

    @strawberry.field(description="Which frame.")
    def kind(self) -> FrameKind:
        return self.model.kind

    @strawberry.field(
        description="A unified diff of the frame's plain text (the page's “Copy / print as "
        "text”), before then after, in the canon's default language."
    )
    def diff(self) -> str:
        return self.model.diff


@strawberry.type(description="A role-level whose frames the reload changed.")
class RoleLevelChange:
    model: strawberry.Private[changes.RoleLevelChange]

    @strawberry.field(description="The role-level's IRI.")
    def iri(self) -> str:
        return self.model.iri

    @strawberry.field(description="Its label, such as `Clinical Trials Operations — M5`.")
    def label(self) -> str:
        return self.model.label

    @strawberry.field(description="Added, removed, or changed (it is in both canons).")
    def change(self) -> changes.Change:
        return self.model.change

    @strawberry.field(description="The role-level in the served canon; null when removed.")
    def role_level(self, info: Info) -> RoleLevel | None:
        found = info.context.canon.nodes.get(self.model.iri)
        return RoleLevel(model=found) if isinstance(found, canon.RoleLevel) else None

    @strawberry.field(
        description="Whether its frames were compared. False when the reload reached more "
        "role-levels than it compares: its frames may have changed, and `frames` is empty."
    )
    def frames_compared(self) -> bool:
        return self.model.compared

    @strawberry.field(
        description="Each frame whose text changed, in page order.",
        directives=[ListSize(assumed_size=len(FrameKind))],
    )
    def frames(self) -> list[FrameChange]:
        return [FrameChange(model=f) for f in self.model.frames]


@strawberry.type(
    description="What a reload changed from the canon served before it: nodes added, "
    "removed and changed, and the role-levels whose frames changed."
)
class CanonChanges:
    model: strawberry.Private[changes.ChangeReport]

    @strawberry.field(description="The version served before the reload.")
    def from_version(self) -> str:
        return self.model.old_version

    @strawberry.field(description="The version the reload loaded.")
    def to_version(self) -> str:
        return self.model.new_version

    @strawberry.field(description="The language frames were compared in (the default).")
    def language(self) -> str:
        return self.model.language

    @strawberry.field(description="How many nodes were added.")
    def nodes_added(self) -> int:
        return self.model.counts.added

    @strawberry.field(description="How many nodes were removed.")
    def nodes_removed(self) -> int:
        return self.model.counts.removed

    @strawberry.field(description="How many nodes changed.")
    def nodes_changed(self) -> int:
        return self.model.counts.changed

    @strawberry.field(
        description="How many role-levels the changes reach through the dependency graph "
        "of provenance (their frames quote a changed node)."
    )
    def role_levels_reached(self) -> int:
        return self.model.reached

    @strawberry.field(description="How many role-levels' frames changed (compared and differ).")
    def role_levels_changed(self) -> int:
        return len(self.model.changed_role_levels)

    @strawberry.field(
        description="How many role-levels were reached but not compared (over the reload's "
        "bound): their frames may have changed."
    )
    def role_levels_not_compared(self) -> int:
        return len(self.model.not_compared)

    @strawberry.field(
        description="Whether every changed node is listed in `nodes` and every reached "
        "role-level was compared; a huge reload lists the first ones (the counts are exact)."
    )
    def complete(self) -> bool:
        return self.model.complete

    @strawberry.field(
        description="The changed nodes, in canon order (removed ones last); only one kind "
        "of change with `change`.",
        directives=[PAGED],
    )
    def nodes(
        self,
        first: int = PAGE_SIZE,
        after: str | None = None,
        change: changes.Change | None = None,
    ) -> Connection[NodeChange]:
        found = self.model.nodes
        if change is not None:
            found = tuple(n for n in found if n.change is change)
        return paginate(found, lambda n: NodeChange(model=n), first, after)

    @strawberry.field(
        description="The role-levels whose frames changed, in canon order (removed ones "
        "last), then those reached but not compared.",
        directives=[PAGED],
    )
    def role_levels(
        self, first: int = PAGE_SIZE, after: str | None = None
    ) -> Connection[RoleLevelChange]:
        return paginate(self.model.role_levels, lambda r: RoleLevelChange(model=r), first, after)
