"""Reading Turtle files into one RDF graph, with syntax errors that name file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from .findings import CanonError, Finding, Location, Severity


def turtle_files(folder: Path) -> list[Path]:
    """Every `.ttl` file under `folder`, in a stable order."""
    if not folder.is_dir():
        raise CanonError(
            (
                Finding(
                    "missing",
                    Severity.ERROR,
                    Location(file=str(folder)),
                    "canon folder does not exist",
                    "pass --canon a folder of Turtle files",
                ),
            )
        )
    return sorted(folder.rglob("*.ttl"))


def read_graph(files: Iterable[Path]) -> Graph:
    """Parse every file into one graph; report all syntax errors, not only the first."""
    graph = Graph()
    findings = []
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except BadSyntax as error:
            findings.append(_syntax_finding(path, error))
        except (UnicodeDecodeError, OSError) as error:
            findings.append(
                Finding(
                    "syntax",
                    Severity.ERROR,
                    Location(file=str(path)),
                    f"cannot read file: {error}",
                    "save the file as UTF-8 Turtle",
                )
            )
    if findings:
        raise CanonError(tuple(findings))
    return graph


def _syntax_finding(path: Path, error: BadSyntax) -> Finding:
    text: bytes = error._str
    offset: int = error._i
    column = offset - text.rfind(b"\n", 0, offset)
    return Finding(
        "syntax",
        Severity.ERROR,
        Location(file=str(path), line=error.lines + 1, column=column),
        f"Turtle syntax error: {error._why}",
        "correct the Turtle at that position",
    )
