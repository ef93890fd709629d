"""Turtle folder -> RDF graph -> validated -> compiled canon: the one way a canon is loaded."""

from __future__ import annotations

from pathlib import Path

from .canon import Canon
from .compiler import compile_canon
from .findings import CanonError, Severity
from .resources import DEFAULT_CANON_DIR, VOCABULARY_FILE
from .shapes import shape_findings
from .turtle import read_graph, turtle_files


def load_canon(folder: Path = DEFAULT_CANON_DIR) -> Canon:
    """The checked canon of a folder of Turtle files, read with the JobFrame vocabulary.

    Raises CanonError with every finding when the canon cannot be served.
    """
    graph = read_graph([VOCABULARY_FILE, *turtle_files(folder)])
    findings = tuple(f for f in shape_findings(graph) if f.severity is Severity.ERROR)
    if findings:
        raise CanonError(findings)
    return compile_canon(graph)
