"""Terminal output: canon text and names shown with their control characters escaped.

An escape sequence in a label could recolour, hide or rewrite what `jobframe check`, `diff`,
`frame` or `compare` prints (or a carriage return overwrite a line); escaped, it is seen.
`terminal_text` is the one way text reaches a terminal: every part is escaped, and the
styling JobFrame adds (`Styled`: a colour, bold) is applied around the escaped text, never
inside it. What it returns (`Shown`) is passed through unchanged when given to it again.
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from .controls import shown_controls


class Shown(str):
    """Text `terminal_text` made: escaped, with JobFrame's own styling only."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Styled:
    """Text JobFrame shows in a colour or in bold (`click.style`'s names)."""

    text: str
    fg: str | None = None
    bold: bool = False


def terminal_text(*parts: str | Styled) -> Shown:
    """The parts for a terminal, joined: tab and line feed kept, every other control shown
    as its escape (`\\u001b`, `\\r`), `Styled` parts styled, `Shown` parts as they are."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, Shown):
            out.append(part)
        elif isinstance(part, Styled):
            out.append(click.style(shown_controls(part.text), fg=part.fg, bold=part.bold or None))
        else:
            out.append(shown_controls(part))
    return Shown("".join(out))
