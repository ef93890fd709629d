"""Goal frames: rules (as data, in `templates.py`) applied to the checked canon, and their
renderings as plain text and RDF (and a canon node's own triples, by the canon's mapping);
two levels of a family compared; what each role-level's frames omit (completeness), which
completes a check's report. The GraphQL API renders the same values."""

from . import model
from .comparison import (
    ComparedLevel,
    ComparedText,
    DimensionComparison,
    LevelComparison,
    RubricComparison,
    compare_levels,
    compare_role_levels,
    language_of,
)
from .completeness import CanonReport, CompletenessRow, completed, omission_text
from .model import Field, Frame, FrameKind, Line, Page, Placeholder, Provenance, Row, Section
from .node_graph import node_graph
from .quotes import frames_quoting, quoted_kinds
from .rdf import frames_graph, serialize_frames
from .rdf_formats import RdfFormat, write_graph
from .rules import TEMPLATES, Omission, build_frame, build_page, omissions
from .templates import CANON_FIELDS, FRAMES, RUBRIC

__all__ = [
    "CANON_FIELDS",
    "FRAMES",
    "RUBRIC",
    "TEMPLATES",
    "CanonReport",
    "ComparedLevel",
    "ComparedText",
    "CompletenessRow",
    "DimensionComparison",
    "Field",
    "Frame",
    "FrameKind",
    "LevelComparison",
    "Line",
    "Omission",
    "Page",
    "Placeholder",
    "Provenance",
    "RdfFormat",
    "Row",
    "RubricComparison",
    "Section",
    "build_frame",
    "build_page",
    "compare_levels",
    "compare_role_levels",
    "completed",
    "frames_graph",
    "frames_quoting",
    "language_of",
    "model",
    "node_graph",
    "omission_text",
    "omissions",
    "quoted_kinds",
    "serialize_frames",
    "write_graph",
]
