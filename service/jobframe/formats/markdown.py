"""Markdown: the one escaping rule for canon text in a pull-request comment.

Inline text (a table cell, a line) has every ASCII punctuation character backslash-escaped
(CommonMark lets any be), so no value opens a link, an image, HTML, emphasis, code, a
heading, a quote or a list, and a `|` cannot end a table cell. Text inside an HTML block (a
`<summary>`) is not read as Markdown, so it is escaped as HTML instead. GitHub finds mentions
and issue references in the rendered text, after escapes are gone, so `@` and `#` are
followed by a word joiner (U+2060, invisible). Control characters and line ends are shown as
escapes (`\\r`), never written: a value stays on its line, in its cell, in its block.
Spaces opening or ending a text are written as character references (`&#32;`): a renderer
trims them from a cell or a paragraph, and four opening a line would start a code block.
"""

from __future__ import annotations

import re

from .controls import shown_controls
from .html import html_text

WORD_JOINER = "\u2060"
"""Written after `@` and `#`: GitHub's mention and reference patterns do not match across it."""
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_REFERENCE = re.compile(r"[@#]")
_BACKTICKS = re.compile(r"`{3,}")
_EDGE_SPACES = re.compile(r"^[\s\ufeff]+|[\s\ufeff]+$")
"""Whitespace a renderer trims (JavaScript's `trim`, as markdown-it does, trims U+FEFF too)."""


def _one_line(text: str) -> str:
    return shown_controls(text.replace("\n", "\\n").replace("\t", " "))


def _unreferenced(text: str) -> str:
    return _REFERENCE.sub(lambda m: m.group() + WORD_JOINER, text)


def _kept_edges(text: str) -> str:
    return _EDGE_SPACES.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), text)


def markdown_text(text: str) -> str:
    """`text` as inline Markdown that renders as exactly its characters: one line, inert."""
    escaped = _PUNCTUATION.sub(lambda m: "\\" + m.group(), _one_line(text))
    return _kept_edges(_unreferenced(escaped))


def markdown_cell(text: str | None, limit: int | None = None) -> str:
    """`text` as a table cell: cut to `limit` characters with `…`, line feeds as `<br>` (the
    one tag written, by JobFrame, not by the text), the rest inert."""
    if text is None:
        return ""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return "<br>".join(markdown_text(line) for line in text.split("\n"))


def markdown_html_text(text: str) -> str:
    """`text` inside an HTML block of a comment (`<summary>…</summary>`): one line, escaped
    as HTML (the block is not read as Markdown), mentions and references broken."""
    return html_text(_unreferenced(_one_line(text)))


def markdown_code_block(text: str, language: str = "") -> str:
    """`text` as a fenced code block: a fence longer than any run of backticks in it, so it
    cannot close early; control characters but tab and line feed shown as escapes."""
    text = shown_controls(text)
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{language}\n{text.rstrip(chr(10))}\n{fence}"
