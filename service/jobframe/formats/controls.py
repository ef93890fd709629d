"""The characters no written format may carry as they are, and how they are shown instead."""

from __future__ import annotations

import re

from ..findings import visible

CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Control characters but tab and line feed, the line and paragraph separators (which end a
line where a reader does not expect it), the bidirectional embeddings, overrides and
isolates (which reorder what follows them on screen: "Trojan Source", CVE-2021-42574; text
in Arabic or Hebrew needs none, the bidi algorithm orders it by its letters, and the marks
U+200E/U+200F stay allowed) and lone surrogates (which no encoder accepts)."""
NAME_CONTROLS = re.compile(r"[\t\n]|" + CONTROLS.pattern)
"""What a name (a label, a notation, a code) may not hold: CONTROLS, tab and line feed too."""


def shown_controls(text: str) -> str:
    """Each character of CONTROLS written as its escape (`\\r`, `\\u0085`), the rest as is:
    what is invisible or moves the cursor is seen, and nothing else changes."""
    if CONTROLS.search(text) is None:
        return text
    return CONTROLS.sub(lambda m: visible(m.group()), text)
