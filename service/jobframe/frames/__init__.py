"""Goal frames: rules (as data, in `templates.py`) applied to the checked canon, and their
renderings as plain text and RDF. The GraphQL API renders the same values."""

from . import model
from .model import Field, Frame, FrameKind, Line, Page, Placeholder, Provenance, Row, Section
from .rdf import RDF_FORMATS, frames_graph, serialize_frames
from .rules import TEMPLATES, Omission, build_frame, build_page, omissions
from .templates import CANON_FIELDS, FRAMES, RUBRIC

__all__ = [
    "CANON_FIELDS",
    "FRAMES",
    "RDF_FORMATS",
    "RUBRIC",
    "TEMPLATES",
    "Field",
    "Frame",
    "FrameKind",
    "Line",
    "Omission",
    "Page",
    "Placeholder",
    "Provenance",
    "Row",
    "Section",
    "build_frame",
    "build_page",
    "frames_graph",
    "model",
    "omissions",
    "serialize_frames",
]
