"""The canon↔RDF mapping, declared once: each node class's RDF class and the predicate of
each of its fields, in the order a node's values are written.

The compiler reads the canon by it, node graphs (`frames/node_graph.py`) and imported
Turtle (`interchange/turtle_writer.py`) are written by it, and the name a reader sees for a
kind of node (`kind`) is here too, so renaming a Python class changes nothing a client sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..vocabulary import DCTERMS, JF, SKOS_NOTATION, SKOS_PREF_LABEL
from .nodes import (
    CanonAbout,
    CanonNode,
    DimensionStatement,
    JobFamily,
    JobFunction,
    Level,
    LevelDimension,
    Responsibility,
    ResponsibilityGroup,
    RoleLevel,
    RubricDimension,
    RubricEntry,
    Source,
    Track,
)


class Value(Enum):
    """What a field holds in RDF."""

    QUOTED = "quoted"
    """A literal frames may quote, in the canon's default language (see `languages.pick`)."""
    STRING = "string"
    """An untagged literal, read as written."""
    INTEGER = "integer"
    IRI = "iri"
    """An IRI that names no canon node (a licence, a web page)."""
    LINK = "link"
    """Another canon node."""
    OWNER = "owner"
    """The node that lists this one: the model holds no field for it, the owner's tuple
    does (its IRI is the second step of the node's `ancestry`)."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a node class and the predicate it is read from and written to."""

    name: str
    predicate: str
    value: Value
    required: bool = True


@dataclass(frozen=True, slots=True)
class NodeClass:
    """A canon node class: its model, the name readers see, its RDF class and fields."""

    model: type[CanonNode]
    kind: str
    cls: str
    fields: tuple[Field, ...]
    """In the order a node's values are written."""

    def __getitem__(self, name: str) -> str:
        """The predicate of the field of that name."""
        return next(f.predicate for f in self.fields if f.name == name)

    def quoted(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.value is Value.QUOTED)

    @property
    def composes_label(self) -> bool:
        """Whether the compiler composes its `label` from other nodes instead of reading it."""
        return all(f.name != "label" for f in self.fields)


LABEL = Field("label", SKOS_PREF_LABEL, Value.QUOTED)
NOTATION = Field("notation", SKOS_NOTATION, Value.QUOTED)
TEXT = Field("text", JF.text, Value.QUOTED)
SOURCE = Field("source", JF.source, Value.LINK)

JOB_FUNCTION = NodeClass(JobFunction, "JobFunction", JF.JobFunction, (LABEL,))
JOB_FAMILY = NodeClass(
    JobFamily,
    "JobFamily",
    JF.JobFamily,
    (
        LABEL,
        Field("function", JF.function, Value.LINK),
        Field("text", JF.text, Value.QUOTED, False),
    ),
)
TRACK = NodeClass(
    Track, "Track", JF.Track, (LABEL, Field("notation", SKOS_NOTATION, Value.QUOTED, False))
)
LEVEL = NodeClass(
    Level,
    "Level",
    JF.Level,
    (
        LABEL,
        NOTATION,
        Field("track", JF.track, Value.LINK),
        Field("rank", JF.rank, Value.INTEGER),
    ),
)
DISPLAY_ORDER = Field("display_order", JF.displayOrder, Value.INTEGER)
LEVEL_DIMENSION = NodeClass(
    LevelDimension, "LevelDimension", JF.LevelDimension, (LABEL, NOTATION, DISPLAY_ORDER)
)
DIMENSION_STATEMENT = NodeClass(
    DimensionStatement,
    "DimensionStatement",
    JF.DimensionStatement,
    (
        Field("level", JF.level, Value.OWNER),
        Field("dimension", JF.dimension, Value.LINK),
        Field("family", JF.family, Value.LINK, False),
        TEXT,
    ),
)
SOURCE_CLASS = NodeClass(Source, "Source", JF.Source, (LABEL, NOTATION))
RUBRIC_DIMENSION = NodeClass(RubricDimension, "RubricDimension", JF.RubricDimension, (LABEL,))
RESPONSIBILITY_GROUP = NodeClass(
    ResponsibilityGroup, "ResponsibilityGroup", JF.ResponsibilityGroup, (LABEL, DISPLAY_ORDER)
)
ROLE = Field("role_level", JF.roleLevel, Value.OWNER)
RESPONSIBILITY = NodeClass(
    Responsibility,
    "Responsibility",
    JF.Responsibility,
    (
        ROLE,
        Field("order", JF.order, Value.INTEGER),
        Field("group", JF.group, Value.LINK, False),
        SOURCE,
        TEXT,
    ),
)
RUBRIC_ENTRY = NodeClass(
    RubricEntry,
    "RubricEntry",
    JF.RubricEntry,
    (ROLE, Field("dimension", JF.rubricDimension, Value.LINK), SOURCE, TEXT),
)
ROLE_LEVEL = NodeClass(
    RoleLevel,
    "RoleLevel",
    JF.RoleLevel,
    (Field("level", JF.level, Value.LINK), Field("family", JF.family, Value.LINK)),
)
CANON = NodeClass(
    CanonAbout,
    "CanonAbout",
    JF.Canon,
    (
        Field("label", DCTERMS.title, Value.STRING, False),
        Field("default_language", JF.defaultLanguage, Value.STRING, False),
        Field("source", DCTERMS.source, Value.IRI, False),
        Field("license", DCTERMS.license, Value.IRI, False),
        Field("attribution", DCTERMS.rights, Value.STRING, False),
    ),
)

NODE_CLASSES: tuple[NodeClass, ...] = (
    JOB_FUNCTION,
    JOB_FAMILY,
    TRACK,
    LEVEL,
    LEVEL_DIMENSION,
    DIMENSION_STATEMENT,
    SOURCE_CLASS,
    RUBRIC_DIMENSION,
    RESPONSIBILITY_GROUP,
    RESPONSIBILITY,
    RUBRIC_ENTRY,
    ROLE_LEVEL,
    CANON,
)
BY_MODEL: dict[type[CanonNode], NodeClass] = {c.model: c for c in NODE_CLASSES}
BY_CLASS: dict[str, NodeClass] = {c.cls: c for c in NODE_CLASSES}


def mapping_of(node: CanonNode) -> NodeClass:
    """The node's class in the mapping."""
    return BY_MODEL[type(node)]
