"""Loading the canon to use it: a checked canon, or CanonError with every error found."""

from __future__ import annotations

from pathlib import Path

from .canon import Canon
from .checking import check_canon
from .findings import CanonError
from .resources import DEFAULT_CANON_DIR


def load_canon(folder: Path = DEFAULT_CANON_DIR) -> Canon:
    """The checked canon of a folder of Turtle files, read with the JobFrame vocabulary."""
    report = check_canon(folder)
    if report.canon is None:
        raise CanonError(report.errors)
    return report.canon
