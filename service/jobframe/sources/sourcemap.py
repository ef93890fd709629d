"""Where in the Turtle files each subject is described, so findings can name file and line.

Turtle parsers do not report positions of triples, so this reads the files as text: a line
that starts (unindented) with a subject term is where that subject is described. Built only
when a finding needs a location.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin

from ..findings import Location

_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"^\s*(?:@base|BASE)\s+<([^>]*)>", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:<([^>\s]*)>|([A-Za-z][\w.-]*)?:([\w.\-/%]*))")


class SourceMap:
    """Subject IRI -> the file and line where it is first described."""

    def __init__(self, files: Iterable[Path]) -> None:
        self._files = tuple(files)
        self._lines: dict[str, tuple[str, int]] | None = None

    def _build(self) -> dict[str, tuple[str, int]]:
        found: dict[str, tuple[str, int]] = {}
        for path in self._files:
            prefixes: dict[str, str] = {}
            try:
                if not path.is_file():
                    continue
                base = path.resolve().as_uri()
                text = path.read_text("utf-8")
            except (OSError, RuntimeError, UnicodeDecodeError):
                continue
            for number, line in enumerate(text.splitlines(), start=1):
                if declared := _BASE.match(line):
                    base = urljoin(base, declared.group(1))
                elif declared := _PREFIX.match(line):
                    prefixes[declared.group(1)] = urljoin(base, declared.group(2))
                elif subject := _SUBJECT.match(line):
                    iri_ref, prefix, local = subject.groups()
                    if iri_ref is not None:
                        iri = urljoin(base, iri_ref)
                    elif (prefix or "") in prefixes:
                        iri = prefixes[prefix or ""] + local
                    else:
                        continue
                    found.setdefault(iri, (str(path), number))
        return found

    def locate(self, iri: str) -> Location:
        """The node's file and line where known; always the node's IRI."""
        if self._lines is None:
            self._lines = self._build()
        place = self._lines.get(iri)
        if place is None:
            return Location(node=iri)
        return Location(file=place[0], line=place[1], node=iri)
