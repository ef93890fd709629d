"""Loading the canon to use it: a checked canon, or CanonError with every error found."""

from __future__ import annotations

from ..canon import Canon
from ..checks import check_canon
from ..findings import CanonError
from ..resources import DEFAULT_CANON_DIR
from ..sources import CanonSource


def load_canon(source: CanonSource = DEFAULT_CANON_DIR) -> Canon:
    """The checked canon of a folder of Turtle files or an endpoint, read with the vocabulary."""
    report = check_canon(source)
    if report.canon is None:
        raise CanonError(report.errors)
    return report.canon
