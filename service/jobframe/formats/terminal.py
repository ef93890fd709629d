"""Terminal output: canon text and names shown with their control characters escaped.

An escape sequence in a label could recolour, hide or rewrite what `jobframe check`, `diff`,
`frames` or `compare` prints (or a carriage return overwrite a line); escaped, it is seen.
Styling that JobFrame adds (click.style) is applied around escaped text, never inside it.
"""

from __future__ import annotations

from .controls import shown_controls


def terminal_text(text: str) -> str:
    """`text` for a terminal: tab and line feed kept, every other control shown as `\\x1b`…"""
    return shown_controls(text)
