"""Where the ontology and the embedded default canon live, installed or in a checkout."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
"""The `jobframe` package folder: `service/jobframe/` in a checkout."""
CHECKOUT_DIR = PACKAGE_DIR.parents[1]
"""The repository root when running from a checkout (two folders above the package)."""


def _bundled(name: str, in_checkout: str | None = None) -> Path:
    """A wheel carries the folder under `jobframe/bundled/`; a checkout keeps it at the top
    (or at `in_checkout`)."""
    inside = PACKAGE_DIR / "bundled" / name
    return inside if inside.is_dir() else CHECKOUT_DIR / (in_checkout or name)


ONTOLOGY_DIR: Path = _bundled("ontology")
DEFAULT_CANON_DIR: Path = _bundled("canon")
VOCABULARY_FILE: Path = ONTOLOGY_DIR / "jobframe.ttl"
SHAPES_FILE: Path = ONTOLOGY_DIR / "shapes.ttl"
VIEWER_DIR: Path = PACKAGE_DIR / "web" / "viewer"
QUERIES_DIR: Path = _bundled("queries", "clients/typescript/queries")
"""The viewer's GraphQL documents: one copy, shared with the typed client that checks them."""
