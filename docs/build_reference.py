"""Regenerate docs/ontology.html, the ontology reference, from the vocabulary's own labels
and comments with pyLODE:

    python docs/build_reference.py

tests/test_docs_reference.py fails when the committed reference is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pylode import OntPub

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = ROOT / "ontology" / "jobframe.ttl"
REFERENCE = ROOT / "docs" / "ontology.html"


def render() -> str:
    """The reference page; the same vocabulary always gives the same bytes."""
    return str(OntPub(VOCABULARY, sort_subjects=True).make_html())


if __name__ == "__main__":
    REFERENCE.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {REFERENCE.relative_to(ROOT)}\n")
