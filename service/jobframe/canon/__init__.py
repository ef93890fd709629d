"""The checked canon: an immutable, typed model built once per canon version.

Compiled from a checked RDF store (`compiler.py`) by the canon↔RDF mapping (`mapping.py`,
which the RDF writers downstream follow too); everything downstream (frames, GraphQL, node
pages, the CLI) reads these values and never the RDF.
"""

from . import mapping, nodes
from .ancestry import ancestry
from .canon import Canon, page_nodes, speaks
from .compiler import compile_canon, for_family
from .languages import DEFAULT_LANGUAGE, LANGUAGE_TAG, lookup
from .names import NearNames, NotFound, shown
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

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGE_TAG",
    "Canon",
    "CanonAbout",
    "CanonNode",
    "DimensionStatement",
    "JobFamily",
    "JobFunction",
    "Level",
    "LevelDimension",
    "NearNames",
    "NotFound",
    "Responsibility",
    "ResponsibilityGroup",
    "RoleLevel",
    "RubricDimension",
    "RubricEntry",
    "Source",
    "Track",
    "ancestry",
    "compile_canon",
    "for_family",
    "lookup",
    "mapping",
    "nodes",
    "page_nodes",
    "shown",
    "speaks",
]
