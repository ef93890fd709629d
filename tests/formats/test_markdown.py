"""Markdown: any text written by the Markdown escapers, rendered as CommonMark with tables
(markdown-it, as a reviewer's browser receives a comment), reads as its own characters and
does nothing else: no link, image, autolink, raw HTML, emphasis or new block, never leaves
its table cell, and no @mention or #reference survives as a trigger."""

from __future__ import annotations

import html.parser
import re

from hypothesis import given
from markdown_it import MarkdownIt
from markdown_it.token import Token

from jobframe.formats import markdown_cell, markdown_code_block, markdown_html_text, markdown_text
from jobframe.formats.controls import shown_controls
from jobframe.formats.markdown import WORD_JOINER
from tests.formats.texts import EXAMPLES, texts

MARKDOWN = MarkdownIt("commonmark").enable("table")
INLINE_TEXT = {"text", "text_special"}
"""What an inert line renders to: text, and the characters escapes stand for."""
_TRIGGER = re.compile(rf"[@#](?!{WORD_JOINER})")


def _blocks(source: str) -> list[Token]:
    return MARKDOWN.parse(source)


def _inline(token: Token) -> str:
    """The text an inline token renders to; every child must be plain text."""
    children = token.children or []
    assert {c.type for c in children} <= INLINE_TEXT, [c.type for c in children]
    return "".join(c.content for c in children)


def _expected(line: str) -> str:
    """A line as the escapers show it: tab as a space, controls as escapes, and a word joiner
    after each @ and # (GitHub's mention and reference patterns stop at it)."""
    return re.sub("([@#])", rf"\1{WORD_JOINER}", shown_controls(line.replace("\t", " ")))


def _one_line(text: str) -> str:
    return _expected(text.replace("\n", "\\n"))


@EXAMPLES
@given(texts)
def test_markdown_text_is_one_paragraph_of_plain_text_reading_as_the_text(text: str) -> None:
    alone = [markdown_text(text)] if text else []
    for source in (*alone, f"Before {markdown_text(text)} after."):
        tokens = _blocks(f"Intro.\n\n{source}\n")
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"] * 2
        rendered = _inline(tokens[4])
        assert _TRIGGER.search(rendered) is None
        if source.startswith("Before"):
            assert rendered == f"Before {_one_line(text)} after."
        else:
            assert rendered == _one_line(text)


def _row(cells: list[str]) -> list[list[Token]]:
    """The body rows of a three-column table whose middle cell holds `cells`' text."""
    body = "".join(f"| x | {c} | z |\n" for c in cells)
    tokens = _blocks("| a | b | c |\n|---|---|---|\n" + body)
    assert tokens[0].type == "table_open" and tokens[-1].type == "table_close"
    rows: list[list[Token]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(token)
    return rows[1:]


@EXAMPLES
@given(texts)
def test_a_markdown_cell_stays_in_its_cell_and_reads_as_the_text(text: str) -> None:
    cell = markdown_cell(text)
    [row] = _row([cell])
    assert len(row) == 3, "the row keeps its three cells"
    x, middle, z = row
    assert _inline(x) == "x" and _inline(z) == "z"
    lines: list[str] = []
    part = ""
    for child in middle.children or []:
        if child.type == "html_inline":
            assert child.content == "<br>", "the one tag a cell holds is JobFrame's line break"
            lines.append(part)
            part = ""
        else:
            assert child.type in INLINE_TEXT, child.type
            part += child.content
    lines.append(part)
    assert _TRIGGER.search("".join(lines)) is None
    assert lines == [_expected(line) for line in text.split("\n")]


def test_a_line_opening_with_four_spaces_is_text_not_a_code_block() -> None:
    tokens = _blocks(f"Intro.\n\n{markdown_text('    rm -rf /')} (version 1)\n")
    assert [t.type for t in tokens][3:] == ["paragraph_open", "inline", "paragraph_close"]
    assert _inline(tokens[4]) == "    rm -rf / (version 1)"


def test_spaces_around_a_text_are_kept_in_a_cell() -> None:
    [row] = _row([markdown_cell(" \u3000padded\u00a0 ")])
    assert _inline(row[1]) == " \u3000padded\u00a0 "


@EXAMPLES
@given(texts)
def test_a_cut_markdown_cell_is_still_one_inert_cell(text: str) -> None:
    [row] = _row([markdown_cell(text * 3, 7)])
    assert len(row) == 3
    assert {c.type for c in row[1].children or []} <= INLINE_TEXT | {"html_inline"}


class _Summary(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)

    def handle_data(self, data: str) -> None:
        self.text += data


@EXAMPLES
@given(texts)
def test_markdown_html_text_stays_inside_its_summary_and_reads_as_the_text(text: str) -> None:
    source = f"<details><summary>{markdown_html_text(text)}</summary>\n\nbody\n\n</details>\n"
    tokens = _blocks(source)
    assert [t.type for t in tokens] == [
        "html_block",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "html_block",
    ]
    summary = _Summary()
    summary.feed(tokens[0].content)
    summary.close()
    assert summary.tags == ["details", "summary", "/summary"]
    assert summary.text.rstrip("\n") == _one_line(text)
    assert _TRIGGER.search(summary.text) is None


@EXAMPLES
@given(texts)
def test_a_code_block_keeps_its_text_verbatim_and_cannot_be_closed_early(text: str) -> None:
    tokens = _blocks(f"Before.\n\n{markdown_code_block(text, 'diff')}\n\nAfter.\n")
    assert [t.type for t in tokens][3:4] == ["fence"]
    assert [t.type for t in tokens][4:] == ["paragraph_open", "inline", "paragraph_close"]
    fence = tokens[3]
    assert fence.info == "diff"
    assert fence.content == shown_controls(text).rstrip("\n") + "\n"
