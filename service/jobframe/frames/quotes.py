"""Which kinds of canon node each frame quotes, read from the frame definitions themselves.

A frame's text can only change when a node it quotes changes: the nodes its slots name
(`{role.family.function.label}` quotes the job function), the nodes its source tags name
(`{node.source.label}`), and the nodes it has one row for. `jobframe diff` and the reload
change report re-render only the frames that quote a changed kind of node; a new slot in
`wording/<language>.toml` is followed without any change here.
"""

from __future__ import annotations

from functools import cache
from string import Formatter
from typing import get_args, get_type_hints

from ..canon import CanonNode, DimensionStatement, Responsibility, RoleLevel, RubricEntry
from .specs import FrameKind, Rows
from .templates import RUBRIC
from .wordings import ENGLISH_COMPILED, CompiledWording, translations

_BINDINGS: dict[str, type[CanonNode]] = {
    "role": RoleLevel,
    "responsibility": Responsibility,
    "statement": DimensionStatement,
    **dict.fromkeys(RUBRIC, RubricEntry),
}
"""What each binding of a pattern is (see `templates.py`)."""
_ROWS: dict[Rows, type[CanonNode]] = {
    Rows.RESPONSIBILITIES: Responsibility,
    Rows.DIMENSION_STATEMENTS: DimensionStatement,
}


def _owner(start: type[CanonNode], path: tuple[str, ...]) -> type[CanonNode]:
    """The kind of node that holds the last attribute of `path`, walked from `start`."""
    owner = start
    for attribute in path[:-1]:
        hint = get_type_hints(owner)[attribute]
        owner = next(t for t in (hint, *get_args(hint)) if _is_node(t))
    return owner


def _is_node(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, CanonNode)


def _pattern_kinds(pattern: str, bindings: dict[str, type[CanonNode]]) -> set[type[CanonNode]]:
    found = set()
    for _, name, _, _ in Formatter().parse(pattern):
        if name:
            binding, *path = name.split(".")
            found.add(_owner(bindings[binding], tuple(path)))
    return found


def _quoted(wording: CompiledWording) -> dict[FrameKind, set[type[CanonNode]]]:
    labels = wording.wording.source_labels
    quoted: dict[FrameKind, set[type[CanonNode]]] = {}
    for kind, sections in wording.sections.items():
        found = quoted.setdefault(kind, set())
        for section in sections:
            found.add(_ROWS[section.spec.rows])
            for template in (section.heading, *(t for _, t in section.fields)):
                found |= {_owner(_BINDINGS[s.path[0]], s.path[1:]) for s in template.slots}
            tagged = {_owner(_BINDINGS[s.path[0]], s.path[1:]) for s in section.heading.slots}
            for node_kind in tagged & labels.keys():
                found |= _pattern_kinds(labels[node_kind], {"node": node_kind, "role": RoleLevel})
    return quoted


@cache
def quoted_kinds() -> dict[FrameKind, frozenset[type[CanonNode]]]:
    """Each frame's quoted kinds of node, in English and in every translation."""
    merged: dict[FrameKind, set[type[CanonNode]]] = {kind: set() for kind in FrameKind}
    for wording in (ENGLISH_COMPILED, *translations().values()):
        for kind, found in _quoted(wording).items():
            merged[kind] |= found
    return {kind: frozenset(found) for kind, found in merged.items()}


def frames_quoting(node_kind: type[CanonNode]) -> frozenset[FrameKind]:
    """The frames whose text may change when a node of this kind changes; a role-level's
    own change (its family, its level) changes every frame."""
    if issubclass(node_kind, RoleLevel):
        return frozenset(FrameKind)
    return frozenset(k for k, kinds in quoted_kinds().items() if node_kind in kinds)
