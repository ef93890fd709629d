"""Escape for the format you write: one rule per output format, used by every writer of it.

Canon text, file names and answers from outside reach HTML pages, Markdown comments, CSV
sheets and terminals. Each format has one module here that turns any text into text of that
format which shows it and can do nothing else (no live script link, no Markdown link or
mention, no spreadsheet formula, no terminal control sequence); `tests/formats/` holds each
to its rule over any Unicode, and `tests/formats/test_writers.py` fails when a module writes
one of these formats without going through them.
"""

from .controls import CONTROLS, NAME_CONTROLS
from .csv_cells import csv_cell, csv_value, write_csv
from .html import html_link, html_text, live_url
from .markdown import markdown_cell, markdown_code_block, markdown_html_text, markdown_text
from .terminal import Shown, Styled, terminal_text

__all__ = [
    "CONTROLS",
    "NAME_CONTROLS",
    "Shown",
    "Styled",
    "csv_cell",
    "csv_value",
    "html_link",
    "html_text",
    "live_url",
    "markdown_cell",
    "markdown_code_block",
    "markdown_html_text",
    "markdown_text",
    "terminal_text",
    "write_csv",
]
