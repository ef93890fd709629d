"""Comparing two checked canons: the nodes that differ, the role-levels they reach through the
dependency graph, and the frames of those role-levels that differ.

Only the role-levels a changed node reaches are rendered, and of those only the frames that
quote a changed kind of node; a role-level whose frames stay byte-identical is not listed.
Frames are rendered in the canon's default language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from itertools import islice

from ..canon import Canon, CanonNode, RoleLevel
from .dependencies import Dependencies
from .frames import frame_changes
from .model import Change, ChangeReport, Counts, RoleLevelChange
from .nodes import Side, changed_nodes, describe, owners


def compare_canons(
    old: Canon,
    new: Canon,
    *,
    listed_nodes: int | None = None,
    compared_role_levels: int | None = None,
) -> ChangeReport:
    """What changed from `old` to `new`.

    `listed_nodes` bounds the node changes listed (the counts stay exact);
    `compared_role_levels` bounds the role-levels whose frames are rendered: those reached
    beyond it are listed as not compared. None means no bound (the CLI's default).
    """
    if old.version == new.version:
        return ChangeReport(old.version, new.version, new.default_language, Counts(), (), (), 0)
    old_side, new_side = Side(old, owners(old)), Side(new, owners(new))
    changed = list(changed_nodes(old_side, new_side))
    counted = Counter(change for _, change in changed)
    counts = Counts(counted[Change.ADDED], counted[Change.REMOVED], counted[Change.CHANGED])
    nodes = tuple(
        describe(iri, change, old_side, new_side) for iri, change in islice(changed, listed_nodes)
    )
    dependencies = Dependencies(old_side, new_side)
    reached = dependencies.reached((iri, _kind(iri, old, new)) for iri, _ in changed)
    role_levels = []
    compared = 0
    for iri in _in_canon_order(reached, old, new):
        before, after = _role_level(old, iri), _role_level(new, iri)
        shown = after or before
        assert shown is not None
        change = Change.CHANGED if before and after else Change.ADDED if after else Change.REMOVED
        if compared_role_levels is not None and compared >= compared_role_levels:
            role_levels.append(RoleLevelChange(iri, shown.label, change, (), compared=False))
            continue
        compared += 1
        frames = frame_changes(before, after, reached[iri])
        if frames:
            role_levels.append(RoleLevelChange(iri, shown.label, change, frames))
    return ChangeReport(
        old.version,
        new.version,
        new.default_language,
        counts,
        nodes,
        tuple(role_levels),
        len(reached),
    )


def _kind(iri: str, old: Canon, new: Canon) -> type[CanonNode]:
    node = new.nodes.get(iri) or old.nodes[iri]
    return type(node)


def _role_level(canon: Canon, iri: str) -> RoleLevel | None:
    node = canon.nodes.get(iri)
    return node if isinstance(node, RoleLevel) else None


def _in_canon_order(iris: Collection[str], old: Canon, new: Canon) -> list[str]:
    """The new canon's order, then the removed role-levels in the old canon's."""
    ordered = [r.iri for r in new.role_levels if r.iri in iris]
    present = set(ordered)
    ordered += [r.iri for r in old.role_levels if r.iri in iris and r.iri not in present]
    return ordered
