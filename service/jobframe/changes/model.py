"""What changed between two canons: the values `jobframe diff` prints and a reload reports.

Plain strings only (IRIs, labels, values, diffs), never nodes: a report kept with the served
canon must not keep the replaced canon alive.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..frames import FrameKind


class Change(Enum):
    """How a node or a role-level differs from the old canon to the new one."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value of a node, before and after; None where the node has no such value."""

    field: str
    """`label`, `notation`, `text`, `order`, `rank`, `displayOrder`, a reference (`family`,
    `level`, `roleLevel`, …, as an IRI), `textLanguage` (a tag), or a value in another
    language (`text@de`)."""
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class NodeChange:
    """A canon node added, removed or changed, by IRI; an added or removed node lists all
    its values."""

    iri: str
    kind: str
    """The node's kind, as the ontology names its class (`Responsibility`)."""
    label: str
    """Its label in the new canon (in the old one when removed)."""
    change: Change
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class FrameChange:
    """One frame of a role-level whose plain text differs: a unified diff of the texts."""

    kind: FrameKind
    diff: str


@dataclass(frozen=True, slots=True)
class RoleLevelChange:
    """A role-level whose frames change. `compared` is False when the dependency graph
    reached it but its frames were not rendered (over a report's limit): they may change."""

    iri: str
    label: str
    change: Change
    frames: tuple[FrameChange, ...]
    compared: bool = True


@dataclass(frozen=True, slots=True)
class Counts:
    """How many nodes were added, removed and changed, whether listed or not."""

    added: int = 0
    removed: int = 0
    changed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed


@dataclass(frozen=True, slots=True)
class ChangeReport:
    """The changes from `old_version` to `new_version` of a canon.

    `nodes` lists node changes in canon order (at most a limit when one was given; `counts`
    is always exact). `role_levels` lists every role-level whose frames change, in canon
    order, then those reached but not compared. Frames are rendered in the canon's default
    language (`language`).
    """

    old_version: str
    new_version: str
    language: str
    counts: Counts
    nodes: tuple[NodeChange, ...]
    role_levels: tuple[RoleLevelChange, ...]
    reached: int
    """Role-levels the dependency graph reached: their frames were compared, or would have
    been without a limit."""

    @property
    def changed_role_levels(self) -> tuple[RoleLevelChange, ...]:
        """The role-levels whose frames were compared and differ."""
        return tuple(r for r in self.role_levels if r.compared)

    @property
    def not_compared(self) -> tuple[RoleLevelChange, ...]:
        return tuple(r for r in self.role_levels if not r.compared)

    @property
    def frames_change(self) -> bool:
        """Whether any frame's text changes (or may: reached and not compared)."""
        return bool(self.role_levels)

    @property
    def complete(self) -> bool:
        """Whether every changed node is listed and every reached role-level compared."""
        return len(self.nodes) == self.counts.total and not self.not_compared
