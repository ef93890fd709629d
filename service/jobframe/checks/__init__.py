"""Checking a canon: syntax, SHACL shapes, lineage (networkx) and completeness, in one report.

Run on the RDF store a source was read into; compiles the canon only when nothing is an
error. `output.py` prints the report as `jobframe check` does.
"""

from .report import CheckReport, check_canon

__all__ = ["CheckReport", "check_canon"]
