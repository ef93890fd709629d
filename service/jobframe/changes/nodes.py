"""Canon nodes added, removed and changed between two canons, by IRI, with their values.

A node's values are what the canon states about it: its label, notation and text (in every
language), its numbers (`order`, `rank`, `displayOrder`) and what it refers to, by IRI
(`family`, `source`, and the role-level or level it belongs to). Labels the compiler
composes from other nodes (a responsibility's `Family — M5 responsibility 2`) are not
values: they change with the family and would only repeat that change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import get_args, get_origin, get_type_hints

from ..canon import Canon, CanonNode, mapping
from .model import Change, FieldChange, NodeChange


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


COMPOSED_LABEL: tuple[type[CanonNode], ...] = tuple(
    c.model for c in mapping.NODE_CLASSES if c.composes_label
)
"""Kinds whose `label` the compiler composes (`canon/compiler.py`) instead of reading it."""
QUOTED = ("label", "notation", "text")
OWNER_FIELD: dict[type[CanonNode], str] = {
    c.model: _camel(f.name)
    for c in mapping.NODE_CLASSES
    for f in c.fields
    if f.value is mapping.Value.OWNER
}
"""What an owned node belongs to: its canon node holds no reference back, its owner lists it."""

Owners = Mapping[str, str]
"""Owned node IRI -> the IRI of the level or role-level that lists it."""


def owners(canon: Canon) -> dict[str, str]:
    """Every statement's level and every responsibility's and rubric entry's role-level."""
    found = {
        st.iri: level.iri
        for level in canon.levels
        for st in (*level.statements, *level.family_statements)
    }
    for role in canon.role_levels:
        iri = role.iri
        for part in (*role.responsibilities, *role.rubric):
            found[part.iri] = iri
    return found


@dataclass(frozen=True, slots=True)
class _Fields:
    """The values of one kind of node, read by attribute."""

    values: tuple[str, ...]
    refs: tuple[str, ...]
    key: Callable[[CanonNode], tuple[object, ...]]
    """Its values, language tags and required references (as IRIs), read in one call:
    equal keys, same node (given equal `optional` references)."""
    optional: tuple[str, ...]
    """The references a node of this kind may lack."""

    def read(self, node: CanonNode) -> tuple[object, ...]:
        """The values, in the order of `values`."""
        return self.key(node)[: len(self.values)]


_FIELDS: dict[type[CanonNode], _Fields] = {}


def _fields(kind: type[CanonNode]) -> _Fields:
    known = _FIELDS.get(kind)
    if known is not None:
        return known
    hints = get_type_hints(kind)
    values, refs, optional = [], [], []
    for f in fields(kind):
        hint = hints[f.name]
        if f.name in ("iri", "languages") or get_origin(hint) is tuple:
            continue  # tuples of nodes are the inverse of a reference, reported where stated
        if f.name == "label" and issubclass(kind, COMPOSED_LABEL):
            continue
        if any(isinstance(t, type) and issubclass(t, CanonNode) for t in (hint, *get_args(hint))):
            refs.append(f.name)
            if type(None) in get_args(hint):
                optional.append(f.name)
        else:
            values.append(f.name)
    required = [f"{name}.iri" for name in refs if name not in optional]
    key = attrgetter(*values, "languages", *required)
    found = _FIELDS[kind] = _Fields(tuple(values), tuple(refs), key, tuple(optional))
    return found


def _same(old: CanonNode, new: CanonNode) -> bool:
    kind = type(old)
    if kind is not type(new):
        return False
    spec = _FIELDS.get(kind) or _fields(kind)
    if spec.key(old) != spec.key(new):
        return False
    # A loop rather than all(…) over a generator: this runs for every node of a canon, and
    # the generator cost 0.3 s at 100,000 role-levels.
    for name in spec.optional:  # noqa: SIM110
        if _iri(getattr(old, name)) != _iri(getattr(new, name)):
            return False
    return True


def _iri(node: CanonNode | None) -> str | None:
    return node.iri if node is not None else None


def _differing(old: Mapping[str, object], new: Mapping[str, object]) -> set[str]:
    """The keys whose values differ (or that only one mapping has); compared whole first."""
    if old == new:
        return set()
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


@dataclass(frozen=True, slots=True)
class Side:
    """One canon of a comparison with what it says about ownership."""

    canon: Canon
    owners: Owners


def changed_nodes(old: Side, new: Side) -> Iterator[tuple[str, Change]]:
    """Each node that differs, by IRI: added and changed in the new canon's order, then the
    removed in the old canon's."""
    before, after = old.canon.nodes, new.canon.nodes
    elsewhere = _differing(old.owners, new.owners)
    translated = _differing(old.canon.literals, new.canon.literals)
    for iri, node in after.items():
        was = before.get(iri)
        if was is None:
            yield iri, Change.ADDED
        elif not _same(was, node) or iri in elsewhere or iri in translated:
            yield iri, Change.CHANGED
    for iri in before:
        if iri not in after:
            yield iri, Change.REMOVED


def describe(iri: str, change: Change, old: Side, new: Side) -> NodeChange:
    """The node's values that differ (every value, for an added or removed node)."""
    was, now = old.canon.nodes.get(iri), new.canon.nodes.get(iri)
    shown = now if now is not None else was
    assert shown is not None
    before = _values(was, old) if was is not None else {}
    after = _values(now, new) if now is not None else {}
    names = list(dict.fromkeys([*after, *before]))
    changes = tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    )
    return NodeChange(iri, mapping.mapping_of(shown).kind, shown.label, change, changes)


def _values(node: CanonNode, side: Side) -> dict[str, str]:
    """The node's values as strings, by field name; absent values are left out."""
    spec = _fields(type(node))
    found: dict[str, str] = {}
    for name, value in zip(spec.values, spec.read(node), strict=True):
        if value is not None:
            found[_camel(name)] = str(value)
            if name in QUOTED and (tag := node.language(name)) is not None:
                found[f"{name}Language"] = tag
    for name in spec.refs:
        target = getattr(node, name)
        if target is not None:
            found[_camel(name)] = target.iri
    owner_field = OWNER_FIELD.get(type(node))
    owner = side.owners.get(node.iri)
    if owner_field is not None and owner is not None:
        found[owner_field] = owner
    for name, values in side.canon.literals.get(node.iri, {}).items():
        shown_tag = node.language(name)
        for tag, value in values:
            if tag is not None and tag != shown_tag:
                found[f"{name}@{tag}"] = value
    return found
