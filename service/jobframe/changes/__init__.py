"""What changed between two canons: nodes added, removed and changed, and the frames of the
role-levels they reach (through the dependency graph of provenance), as text diffs.

`jobframe diff` prints it as text, Markdown or JSON; a reload of the service keeps it for
`canon { lastReload { changes } }`.
"""

from .dependencies import Dependencies
from .markdown import as_markdown
from .model import (
    Change,
    ChangeReport,
    Counts,
    FieldChange,
    FrameChange,
    NodeChange,
    RoleLevelChange,
)
from .output import as_json, as_text, counts_json, summary
from .report import compare_canons

__all__ = [
    "Change",
    "ChangeReport",
    "Counts",
    "Dependencies",
    "FieldChange",
    "FrameChange",
    "NodeChange",
    "RoleLevelChange",
    "as_json",
    "as_markdown",
    "as_text",
    "compare_canons",
    "counts_json",
    "summary",
]
