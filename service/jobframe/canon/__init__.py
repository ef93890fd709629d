"""The checked canon: an immutable, typed model built once per canon version.

Compiled from a checked RDF store (`compiler.py`); everything downstream (frames, GraphQL,
node pages, the CLI) reads these values and never the RDF.
"""

from . import nodes
from .ancestry import ancestry
from .canon import Canon
from .compiler import compile_canon
from .names import NotFound, shown
from .nodes import (
    CanonNode,
    DimensionStatement,
    JobFamily,
    JobFunction,
    Level,
    LevelDimension,
    Responsibility,
    RoleLevel,
    RubricDimension,
    RubricEntry,
    Source,
    Track,
)

__all__ = [
    "Canon",
    "CanonNode",
    "DimensionStatement",
    "JobFamily",
    "JobFunction",
    "Level",
    "LevelDimension",
    "NotFound",
    "Responsibility",
    "RoleLevel",
    "RubricDimension",
    "RubricEntry",
    "Source",
    "Track",
    "ancestry",
    "compile_canon",
    "nodes",
    "shown",
]
