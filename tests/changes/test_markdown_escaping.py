"""No canon text can do anything in a pull-request comment but read as itself: a label with
`\\r` used to leave its table row and `<details>`, and links, images and @mentions rendered
even without it (issue 20, finding 11). Checked by rendering the comment as CommonMark with
GitHub's tables (markdown-it), the way a reviewer's browser would receive it."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from jobframe.changes import (
    Change,
    ChangeReport,
    Counts,
    FieldChange,
    FrameChange,
    NodeChange,
    RoleLevelChange,
    as_markdown,
)
from jobframe.frames import FrameKind

HOSTILE = [
    "Ops\r</details>\r\r[click](https://evil.example) ![](https://evil.example/p.png) @octocat",
    "Ops [click](https://evil.example) ![x](https://evil.example/p.png) @octocat #1 <img src=x>",
    "Ops\n\n# heading\n> quote\n| a | b |\n<script>alert(1)</script>",
    "Ops | <https://evil.example> www.evil.example https://evil.example a@evil.example",
    "Ops\u2028\u2029\x85\x1b[31m`code` *em* _em_ ~~del~~ \\| &amp; &#91;x&#93;(y)",
]
_OURS = re.compile(r"<details><summary>[^<>]*</summary>\n|</details>\n|<br>")
_MENTION = re.compile(r"(?<![\w`])[@#][A-Za-z0-9]")


def _report(label: str) -> ChangeReport:
    diff = f"--- a\n+++ b\n@@ -1 +1 @@\n-{label}\n+{label}!\n"
    field = FieldChange("label", label, label + "!")
    frames = (FrameChange(FrameKind.SMART, diff),)
    role = RoleLevelChange("https://x.example/r", label, Change.CHANGED, frames)
    node = NodeChange("https://x.example/f", "JobFamily", label, Change.CHANGED, (field,))
    return ChangeReport("v1", "v2", "en", Counts(changed=1), (node,), (role,), 1)


def _tokens(text: str) -> list[Token]:
    def walk(tokens: list[Token]) -> list[Token]:
        return [t for token in tokens for t in (token, *walk(token.children or []))]

    return walk(MarkdownIt("commonmark").enable("table").parse(text))


@pytest.mark.parametrize("label", HOSTILE)
def test_canon_text_cannot_open_links_images_html_or_blocks_in_a_comment(label: str) -> None:
    tokens = _tokens(as_markdown(_report(label), "git:main:canon", "canon"))
    kinds = {t.type for t in tokens}
    assert not kinds & {"link_open", "image", "blockquote_open", "em_open", "strong_open"}
    assert [t.type for t in tokens].count("heading_open") == 1, "the comment's own heading"
    for token in tokens:
        if token.type in ("html_block", "html_inline"):
            assert _OURS.fullmatch(token.content), token.content
    rows = [t for t in tokens if t.type == "tr_open"]
    cells = [t for t in tokens if t.type in ("td_open", "th_open")]
    assert len(cells) == 2 * 6 + 3 * 2 + 6 * 2, "every row keeps its cells: none broke out"
    assert len(rows) == 6 + 2 + 2
    text = "".join(t.content for t in tokens if t.type in ("text", "html_block"))
    assert not _MENTION.search(text), "an @mention or #reference would notify or link"


@pytest.mark.parametrize("label", HOSTILE)
def test_a_label_reads_back_as_itself_in_its_cell(label: str) -> None:
    tokens = _tokens(as_markdown(_report(label), "old", "new"))
    cells = []
    inside = False
    for token in tokens:
        inside = token.type == "td_open" or (inside and token.type != "td_close")
        if token.type == "inline" and inside:
            cells.append("".join(c.content for c in token.children or [] if c.type == "text"))
    shown = label.replace("\n", "").translate({0x2060: None})
    assert any(cell.translate({0x2060: None}).startswith(shown[:3]) for cell in cells)
