"""Templates as data: a pattern of fixed wording, ⟨placeholders⟩ and {canon.value} slots.

`{responsibility.text}` names a binding (`responsibility`) and the attribute path to the
quoted string; the node that owns the last attribute is the one the quote cites. A line is
only made when every slot has its canon value: a missing value omits the line, it is never
filled with anything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from string import Formatter

from ..canon import CanonNode
from .model import Blank, Line, Part, Placeholder, Provenance, Quote, TemplateText

_PLACEHOLDER = re.compile(r"⟨([^⟩]*)⟩")

Bindings = Mapping[str, CanonNode | None]
Labeller = Callable[[CanonNode], str | None]


@dataclass(frozen=True, slots=True)
class Slot:
    """A reference to a canon value: binding name, then attribute path."""

    path: tuple[str, ...]

    def resolve(self, bindings: Bindings) -> tuple[CanonNode, str] | None:
        """The node owning the value and the value, or None when the canon lacks it."""
        owner: object = bindings.get(self.path[0])
        for attribute in self.path[1:-1]:
            if owner is None:
                return None
            owner = getattr(owner, attribute)
        value = getattr(owner, self.path[-1], None) if owner is not None else None
        if not isinstance(owner, CanonNode) or not isinstance(value, str) or not value:
            return None
        return owner, value


Piece = str | Placeholder | Slot


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed pattern with its identifier (None for a bare canon value)."""

    id: str | None
    pattern: str
    pieces: tuple[Piece, ...]
    slots: tuple[Slot, ...]
    bindings: frozenset[str]
    """Names of the bindings the slots read."""
    made: tuple[Part | Slot, ...]
    """The pieces with the fixed wording and placeholders already made into line parts:
    they are the same in every line, so a line made from the template shares them."""

    @classmethod
    def parse(cls, template_id: str, pattern: str) -> Template:
        pieces: list[Piece] = []
        for literal, name, spec, conversion in Formatter().parse(pattern):
            pieces.extend(_literal_pieces(literal, pattern))
            if name is not None:
                if spec or conversion or "." not in name:
                    raise ValueError(
                        f"slot {{{name}}} in {pattern!r} must be {{binding.attribute}}"
                    )
                pieces.append(Slot(tuple(name.split("."))))
        bare = len(pieces) == 1 and isinstance(pieces[0], Slot)
        slots = tuple(p for p in pieces if isinstance(p, Slot))
        return cls(
            None if bare else template_id,
            pattern,
            tuple(pieces),
            slots,
            frozenset(s.path[0] for s in slots),
            tuple(map(_made, pieces)),
        )

    def missing(self, bindings: Bindings) -> str | None:
        """The binding of the first slot without a canon value, or None when all have one."""
        return next((s.path[0] for s in self.slots if s.resolve(bindings) is None), None)

    def produced(self, line: Line) -> bool:
        """Whether the line is this template's wording with canon quotes in its slots."""
        if line.template != self.id or len(line.parts) != len(self.pieces):
            return False
        for piece, part in zip(self.pieces, line.parts, strict=True):
            if isinstance(piece, Slot):
                ok = isinstance(part, Quote)
            elif isinstance(piece, Placeholder):
                ok = isinstance(part, Blank) and part.placeholder is piece
            else:
                ok = isinstance(part, TemplateText) and part.text == piece
            if not ok:
                return False
        return True

    def fill(self, bindings: Bindings, label: Labeller) -> Line | None:
        """The line with every slot quoted from the canon, or None if a value is missing."""
        parts: list[Part] = []
        for piece in self.made:
            if isinstance(piece, Slot):
                found = piece.resolve(bindings)
                if found is None:
                    return None
                node, value = found
                language = node.language(piece.path[-1])
                parts.append(Quote(Provenance(label(node), value, node, language)))
            else:
                parts.append(piece)
        return Line(self.id, tuple(parts))


def _made(piece: Piece) -> Part | Slot:
    if isinstance(piece, Placeholder):
        return Blank(piece)
    return TemplateText(piece) if isinstance(piece, str) else piece


def _literal_pieces(literal: str, pattern: str) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for match in _PLACEHOLDER.finditer(literal):
        if match.start() > position:
            pieces.append(literal[position : match.start()])
        try:
            pieces.append(Placeholder(match.group(1)))
        except ValueError:
            raise ValueError(f"unknown placeholder {match.group(0)} in {pattern!r}") from None
        position = match.end()
    if position < len(literal):
        pieces.append(literal[position:])
    return pieces
