"""Where in the Turtle files each subject is described, and where a term is used, so findings
can name file and line.

Turtle parsers do not report positions of triples, so this reads the files as text: a line
that starts (unindented) with a subject term is where that subject is described; a term's
uses are found by reading the files' tokens (skipping strings and comments). Built only when
a finding needs a location.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin

from ..findings import Location
from .turtle import read_file

_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"^\s*(?:@base|BASE)\s+<([^>]*)>", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:<([^>\s]*)>|([A-Za-z][\w.-]*)?:([\w.\-/%]*))")

Uses = dict[str, list[int]]
"""Where a term is used: file -> the lines that use it, ascending."""

_TOKENS = re.compile(
    r"(?P<prefix>(?:@prefix|PREFIX)\s+(?P<name>[\w.-]*):\s*<(?P<namespace>[^>]*)>)"
    r"|(?P<base>(?:@base|BASE)\s+<(?P<base_iri>[^>]*)>)"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|#[^\n]*"
    r"|<(?P<iri>[^<>\"\s]*)>"
    r"|(?<![\w.:-])(?P<pname>[A-Za-z][\w.-]*)?:(?P<local>[\w:%-]+(?:\.+[\w:%-]+)*)",
    re.IGNORECASE,
)
"""Directives, strings and comments (skipped whole, so a term quoted in a text is no use
of it), IRIs and prefixed names (a trailing `.` ends the statement, not the name)."""


def _resolve(base: str, reference: str) -> str:
    """The IRI a reference names; urljoin drops an empty fragment, which namespaces end in."""
    iri = urljoin(base, reference)
    return iri + "#" if reference.endswith("#") and not iri.endswith("#") else iri


def _read(path: Path) -> str | None:
    """The file's text, read as a check reads it (bounded, checked where it was opened)."""
    data, _ = read_file(path)
    try:
        return None if data is None else data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


class SourceMap:
    """Subject IRI -> the file and line where it is first described; a term -> its uses."""

    def __init__(self, files: Iterable[Path]) -> None:
        self._files = tuple(files)
        self._lines: dict[str, tuple[str, int]] | None = None

    def _build(self) -> dict[str, tuple[str, int]]:
        found: dict[str, tuple[str, int]] = {}
        for path in self._files:
            prefixes: dict[str, str] = {}
            text = _read(path)
            if text is None:
                continue
            base = path.resolve().as_uri()
            for number, line in enumerate(text.splitlines(), start=1):
                if declared := _BASE.match(line):
                    base = _resolve(base, declared.group(1))
                elif declared := _PREFIX.match(line):
                    prefixes[declared.group(1)] = _resolve(base, declared.group(2))
                elif subject := _SUBJECT.match(line):
                    iri_ref, prefix, local = subject.groups()
                    if iri_ref is not None:
                        iri = _resolve(base, iri_ref)
                    elif (prefix or "") in prefixes:
                        iri = prefixes[prefix or ""] + local
                    else:
                        continue
                    found.setdefault(iri, (str(path), number))
        return found

    def __getstate__(self) -> tuple[Path, ...]:
        """Only the files: the index is rebuilt from them where a finding needs it, and a
        pickled report (a snapshot, a child process's check) stays small."""
        return self._files

    def __setstate__(self, files: tuple[Path, ...]) -> None:
        self._files = files
        self._lines = None

    def locate(self, iri: str) -> Location:
        """The node's file and line where known; always the node's IRI."""
        if self._lines is None:
            self._lines = self._build()
        place = self._lines.get(iri)
        if place is None:
            return Location(node=iri)
        return Location(file=place[0], line=place[1], node=iri)

    def uses(self, terms: Iterable[str]) -> dict[str, Uses]:
        """Each term's uses as an IRI or a prefixed name: file -> its lines, in file order.

        Only files whose text holds a term's local name are tokenized: a few terms are asked
        for (typos), so a large canon is mostly passed over by a substring search.
        """
        wanted = set(terms)
        tails = {re.split(r"[#/]", term)[-1] for term in wanted}
        found: dict[str, Uses] = {term: {} for term in wanted}
        for path in self._files:
            text = _read(path)
            if text is None or not any(tail in text for tail in tails):
                continue
            for term, line in _term_lines(text, path.resolve().as_uri()):
                if term in wanted:
                    found[term].setdefault(str(path), []).append(line)
        return found

    def locate_use(self, node: str, uses: Uses) -> Location:
        """Where `node` uses a term (`uses`, from `uses()`): the first use at or after the
        line describing the node in its file, else the first use anywhere, else the node's
        own place."""
        described = self.locate(node)
        if described.file is not None and described.line is not None:
            lines = uses.get(described.file, [])
            at = bisect_left(lines, described.line)
            if at < len(lines):
                return Location(file=described.file, line=lines[at], node=node)
        for file, lines in uses.items():
            return Location(file=file, line=lines[0], node=node)
        return described


def _term_lines(text: str, base: str) -> Iterable[tuple[str, int]]:
    """Every IRI and prefixed name of a Turtle text, resolved, with its line."""
    prefixes: dict[str, str] = {}
    line, counted = 1, 0
    for token in _TOKENS.finditer(text):
        line += text.count("\n", counted, token.start())
        counted = token.start()
        if token["prefix"]:
            prefixes[token["name"]] = _resolve(base, token["namespace"])
        elif token["base"]:
            base = _resolve(base, token["base_iri"])
        elif token["iri"] is not None:
            yield _resolve(base, token["iri"]), line
        elif token["local"] is not None and (token["pname"] or "") in prefixes:
            yield prefixes[token["pname"] or ""] + token["local"], line
