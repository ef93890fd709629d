"""Checking a canon: syntax, SHACL shapes, lineage (networkx) and completeness, in one report.

Run on the RDF store a source was read into; compiles the canon only when nothing is an
error. `output.py` prints the report as `jobframe check` does.
"""

from .checker import KEPT_BYTES, Checker, check_canon
from .completeness import CompletenessRow, omission_text
from .output import finding_json, report_json, report_text
from .report import CheckReport

__all__ = [
    "KEPT_BYTES",
    "CheckReport",
    "Checker",
    "CompletenessRow",
    "check_canon",
    "finding_json",
    "omission_text",
    "report_json",
    "report_text",
]
