"""Where the ontology and the embedded default canon live, installed or in a checkout."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str, in_checkout: str | None = None) -> Path:
    """A wheel carries the folder under `service/bundled/`; a checkout keeps it at the top
    (or at `in_checkout`)."""
    inside = _PACKAGE / "bundled" / name
    return inside if inside.is_dir() else _PACKAGE.parent / (in_checkout or name)


ONTOLOGY_DIR: Path = _bundled("ontology")
DEFAULT_CANON_DIR: Path = _bundled("canon")
VOCABULARY_FILE: Path = ONTOLOGY_DIR / "jobframe.ttl"
SHAPES_FILE: Path = ONTOLOGY_DIR / "shapes.ttl"
VIEWER_DIR: Path = _PACKAGE / "viewer"
QUERIES_DIR: Path = _bundled("queries", "clients/typescript/queries")
"""The viewer's GraphQL documents: one copy, shared with the typed client that checks them."""
