"""Checking a canon: syntax, SHACL shapes, lineage (networkx) and languages, in one report.

Run on the RDF store a source was read into; compiles the canon only when nothing is an
error. What the frames would omit (completeness) is added downstream, by `frames`.
"""

from .checker import KEPT_BYTES, Checker, check_canon
from .report import CheckReport, finding_order

__all__ = ["KEPT_BYTES", "CheckReport", "Checker", "check_canon", "finding_order"]
