"""The texts every escaper is held to: any Unicode (controls included, lone surrogates left
out: no encoder writes them and `check` refuses them), and the pieces each format's attacks
are made of, mixed with any text around them."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

EXAMPLES = settings(max_examples=300, deadline=None)
"""Enough examples to mix the pieces many ways; no deadline on a shared machine."""

any_character = st.characters(exclude_categories=("Cs",))
"""Any code point but a surrogate: controls, C1, U+2028/9, combining marks, astral planes."""
PIECES = (
    *"<>&\"'`|\\!*_~[]()#@=+-:/.;\t\r\n\x1b\x07\x00\x85\x9b\u2028\u2029\u200b\ufeff",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</details>",
    "<summary>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&amp;",
    "&#60;",
    "&lt",
    "&#x3C;",
    "javascript:",
    "JaVaScRiPt:",
    "data:text/html,",
    "vbscript:",
    "https://evil.example",
    "www.evil.example",
    "a@evil.example",
    "[x](y)",
    "[x]: y",
    "![",
    "](",
    "<https://e.x>",
    "@user",
    "@org/team",
    "#12",
    "GH-1",
    "```",
    "````",
    "~~~",
    "    ",
    "> ",
    "- ",
    "1. ",
    "# ",
    "===",
    "---",
    "| a |",
    "\\|",
    "<br>",
    "\r\n",
    "\x1b[2J",
    "\x1b]8;;https://e.x\x07",
    "\x1b[31m",
    "\x9b2J",
    '=HYPERLINK("https://e.x")',
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "'=",
    "''+",
    "\t=",
    "-3",
    "2.5",
    "\uff1d",
    "\uff0b",
    "\uff0d",
    "\uff20",
    "\u2212",
)
"""Markup, link and mention triggers, formula prefixes and control sequences."""

any_text = st.text(any_character, max_size=60)
hostile_text = st.lists(
    st.sampled_from(PIECES) | st.text(any_character, max_size=4), max_size=12
).map("".join)
texts = any_text | hostile_text
"""What each property is checked over: any text, and texts built of the pieces above."""
