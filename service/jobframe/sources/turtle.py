"""Reading Turtle files into one RDF store, with syntax errors that name file, line and column.

pyoxigraph parses each file in its own transaction: a file with a syntax error adds nothing,
and the other files are still read, so every broken file is reported in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..findings import CanonError, Finding, FindingKind, Location, Severity


@dataclass(frozen=True, slots=True)
class TurtleFiles:
    """A canon given as a list of Turtle files rather than a folder (the Python API's)."""

    paths: tuple[Path, ...]

    def __str__(self) -> str:
        return ", ".join(str(p) for p in self.paths)


def turtle_files(folder: Path | TurtleFiles) -> list[Path]:
    """Every `.ttl` file under `folder` in a stable order, or the files listed, in order.

    A link that leads outside the folder is refused: a canon may only make the service read
    files inside its own folder.
    """
    if isinstance(folder, TurtleFiles):
        missing = [p for p in folder.paths if not p.is_file()]
        if missing:
            raise _refused(
                FindingKind.MISSING,
                missing,
                "canon file does not exist",
                "name Turtle files that exist, or a folder of them",
            )
        return list(folder.paths)
    if not folder.is_dir():
        raise _refused(
            FindingKind.MISSING,
            [folder],
            "canon folder does not exist",
            "pass --canon a folder of Turtle files",
        )
    root = folder.resolve()
    files = sorted(folder.rglob("*.ttl"))
    outside = [p for p in files if not p.resolve().is_relative_to(root)]
    if outside:
        raise _refused(
            FindingKind.OUTSIDE,
            outside,
            "this file links outside the canon folder and is not read",
            "copy the file into the canon folder instead of linking to it",
        )
    return files


def _refused(kind: FindingKind, paths: list[Path], message: str, hint: str) -> CanonError:
    """An error for each path that cannot be read as part of the canon."""
    return CanonError(
        tuple(Finding(kind, Severity.ERROR, Location(file=str(p)), message, hint) for p in paths)
    )


def read_turtle(files: Iterable[Path]) -> tuple[ox.Store, tuple[Finding, ...]]:
    """All files that parse, in one in-memory store, and a finding for each file that does not."""
    store = ox.Store()
    findings = []
    for path in files:
        try:
            store.load(
                path=str(path),
                format=ox.RdfFormat.TURTLE,
                base_iri=path.resolve().as_uri(),
                to_graph=ox.DefaultGraph(),
            )
        except SyntaxError as error:
            findings.append(
                Finding(
                    FindingKind.SYNTAX,
                    Severity.ERROR,
                    Location(file=str(path), line=error.lineno, column=error.offset),
                    f"Turtle syntax error: {_reason(error)}",
                    "correct the Turtle at that position",
                )
            )
        except (UnicodeDecodeError, OSError) as error:
            findings.append(
                Finding(
                    FindingKind.SYNTAX,
                    Severity.ERROR,
                    Location(file=str(path)),
                    f"cannot read file: {error}",
                    "save the file as UTF-8 Turtle",
                )
            )
    return store, tuple(findings)


def _reason(error: SyntaxError) -> str:
    """The parser's own words without its position, which the location already gives."""
    message = error.msg or str(error)
    return message.split(": ", 1)[1] if message.startswith("Parser error") else message
