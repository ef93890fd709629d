"""No module writes HTML, Markdown, CSV, a workbook cell or the terminal but through its one
escaping rule: each format's writer calls and markup are found in the package's syntax trees
and must sit in the modules that own them. A new writer elsewhere fails here, so the next
hostile text is escaped by the rule that already handles it."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jobframe

PACKAGE = Path(jobframe.__file__).parent

HTML_TAG = re.compile(
    r"</?(a|blockquote|body|br|code|details|div|footer|h[1-6]|head|header|html|li|main|meta"
    r"|p|script|span|style|summary|table|td|th|title|tr|ul)\b[^<>]*>",
    re.IGNORECASE,
)
"""An HTML element in a string: `<sheet>` or `<iri>` placeholders in messages are not."""


def _call_name(node: ast.AST) -> str | None:
    return ast.unparse(node.func) if isinstance(node, ast.Call) else None


def _constants(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls(*names: str) -> Callable[[ast.AST], bool]:
    """A call of one of `names` (dotted as written), or an import of one by its own name
    (`from csv import writer`), which would hide the call."""
    imported = {tuple(name.rsplit(".", 1)) for name in names if "." in name}

    def finds(node: ast.AST) -> bool:
        if isinstance(node, ast.ImportFrom):
            return any((node.module, alias.name) in imported for alias in node.names)
        called = _call_name(node)
        return called is not None and (
            called in names or any(called.startswith(f"{n}.") for n in names)
        )

    return finds


@dataclass(frozen=True)
class Rule:
    """What writes one format, and the only modules allowed to write it that way."""

    format: str
    finds: Callable[[ast.AST], bool]
    owners: frozenset[str]


RULES = (
    Rule("CSV", _calls("csv.writer", "csv.DictWriter"), frozenset({"formats/csv_cells.py"})),
    Rule(
        "HTML escaping",
        _calls("html.escape", "markupsafe.escape", "xml.sax.saxutils.escape", "saxutils.escape"),
        frozenset({"formats/html.py"}),
    ),
    Rule(
        "the terminal",
        _calls("print", "click.echo", "click.secho", "sys.stdout", "sys.stderr"),
        frozenset({"cli/base.py"}),
    ),
    Rule(
        "HTML markup",
        lambda n: bool(HTML_TAG.search(_constants(n) or "")),
        frozenset(
            {"formats/html.py", "formats/markdown.py", "web/node_pages.py", "changes/markdown.py"}
        ),
    ),
    Rule(
        "a Markdown table row",
        lambda n: (_constants(n) or "").startswith("|"),
        frozenset({"changes/markdown.py"}),
    ),
    Rule(
        "a workbook cell",
        lambda n: (
            (_call_name(n) or "").endswith(".cell")
            and any(k.arg == "value" for k in getattr(n, "keywords", ()))
        ),
        frozenset({"interchange/writing.py"}),
    ),
)


def _docstrings(tree: ast.AST) -> set[int]:
    """Docstrings may show markup; they are not written anywhere."""
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(node, kinds) and body else None
        if isinstance(first, ast.Expr) and _constants(first.value) is not None:
            found.add(id(first.value))
    return found


def _writes(rule: Rule, tree: ast.AST) -> Iterator[int]:
    skipped = _docstrings(tree)
    for node in ast.walk(tree):
        if id(node) not in skipped and rule.finds(node):
            yield getattr(node, "lineno", 0)


def _modules() -> Iterator[tuple[str, ast.AST]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text("utf-8"))


def test_each_format_is_written_only_where_its_escaping_rule_is() -> None:
    outside = {
        (rule.format, module): lines
        for module, tree in _modules()
        for rule in RULES
        if module not in rule.owners and (lines := list(_writes(rule, tree)))
    }
    assert outside == {}, "write these through jobframe.formats (and the writer that owns it)"


def test_every_owner_still_writes_its_format() -> None:
    """An owner that stopped writing its format is a rule gone stale: move or drop it."""
    trees = dict(_modules())
    stale = {
        (rule.format, owner)
        for rule in RULES
        for owner in rule.owners
        if not list(_writes(rule, trees[owner]))
    }
    assert stale == set()


SCRATCH: dict[str, str] = {
    "CSV": "import csv\ncsv.writer(out).writerow(cells)",
    "HTML escaping": "import html\npage = html.escape(label)",
    "the terminal": "print(label)",
    "HTML markup": 'page = f"<p>{label}</p>"',
    "a Markdown table row": 'row = f"| {label} |"',
    "a workbook cell": "sheet.cell(row=1, column=1, value=label)",
}


HIDDEN = {
    "CSV": "from csv import writer",
    "the terminal": "from click import echo",
    "HTML escaping": "from html import escape",
}


def test_each_rule_finds_a_writer_outside_its_owners() -> None:
    assert sorted(SCRATCH) == sorted(rule.format for rule in RULES)
    for rule in RULES:
        assert list(_writes(rule, ast.parse(SCRATCH[rule.format]))), rule.format
        if rule.format in HIDDEN:
            assert list(_writes(rule, ast.parse(HIDDEN[rule.format]))), rule.format
        assert not list(_writes(rule, ast.parse('"""<p>a docstring</p>"""'))), rule.format
