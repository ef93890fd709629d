"""The IRI of every node an import writes, derived from names, so an edit moves nothing else.

A family named "Clinical Trials Operations" is `family/clinical-trials-operations` under
`CANON_BASE`, as in the shipped canon; a level M5 is `level/M5`. Renaming a node changes its
IRI (and those derived from it); editing anything else never does. A row's `iri` cell
overrides the derived IRI, and export writes that cell only where the two differ.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import pyoxigraph as ox

from ..vocabulary import JF

CANON_BASE = "https://jobframe.example/canon/"
"""The base IRI of canon nodes (the shipped canon's `@base`)."""

ABOUT = CANON_BASE + "about"
"""The canon's `jf:Canon` node: its title, default language and attribution."""

RUBRICS: Mapping[str, tuple[str, str]] = {
    "complexity": (JF.ComplexityProblemSolving, "complexity-problem-solving"),
    "knowledge": (JF.KnowledgeApplication, "knowledge-application"),
}
"""A `rubric` cell -> (its rubric dimension, the last segment of its entry's IRI)."""

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_RELATIVE = re.compile(r"[^/?#:]+(/[^/?#]+)*")
"""A path relative to the base that resolves to the base followed by itself."""


def slug(name: str) -> str:
    """A name as one IRI segment: lower case, accents dropped, every run of other characters
    than letters and digits one hyphen ("Decision rights" -> "decision-rights"); "" when the
    name has no letter or digit."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = re.split(r"[^\w]+|_+", unicodedata.normalize("NFC", bare).casefold())
    return "-".join(w for w in words if w)


def code_segment(code: str) -> str:
    """A code (M5, JZ1) as one IRI segment: its case kept, every run of characters other than
    letters, digits, `.`, `_` and `~` one hyphen; "" when nothing is left."""
    words = re.split(r"[^\w.~]+", unicodedata.normalize("NFC", code))
    segment = "-".join(w for w in words if w)
    return "" if segment.strip(".") == "" else segment


def function_iri(name: str) -> str:
    return f"{CANON_BASE}function/{slug(name)}"


def family_iri(name: str) -> str:
    return f"{CANON_BASE}family/{slug(name)}"


def track_iri(code: str) -> str:
    return f"{CANON_BASE}track/{code_segment(code)}"


def level_iri(code: str) -> str:
    return f"{CANON_BASE}level/{code_segment(code)}"


def dimension_iri(name: str) -> str:
    return f"{CANON_BASE}dimension/{slug(name)}"


def statement_iri(code: str, dimension: str, family: str | None) -> str:
    """A level's statement along a dimension; with a family, that family's own statement."""
    generic = f"{level_iri(code)}/{slug(dimension)}"
    return f"{generic}/{slug(family)}" if family else generic


def role_iri(family: str, code: str) -> str:
    return f"{CANON_BASE}role/{slug(family)}/{code_segment(code)}"


def responsibility_iri(family: str, code: str, order: int) -> str:
    return f"{role_iri(family, code)}/responsibility/{order}"


def rubric_iri(family: str, code: str, rubric: str) -> str:
    return f"{role_iri(family, code)}/rubric/{RUBRICS[rubric][1]}"


def source_iri(name: str) -> str:
    return f"{CANON_BASE}source/{slug(name)}"


def group_iri(name: str) -> str:
    return f"{CANON_BASE}group/{slug(name)}"


def relative(iri: str) -> str | None:
    """The IRI relative to `CANON_BASE` when it is under it and reads back as itself."""
    if not iri.startswith(CANON_BASE):
        return None
    rest = iri[len(CANON_BASE) :]
    if not _RELATIVE.fullmatch(rest) or any(s in (".", "..") for s in rest.split("/")):
        return None
    return rest


def shown_iri(iri: str) -> str:
    """An IRI as a workbook shows it: relative to `CANON_BASE` when under it."""
    return relative(iri) or iri


def resolve_iri(written: str) -> str | None:
    """The IRI a workbook cell names: absolute, or relative to `CANON_BASE`; None when the
    cell is not an IRI (white space, `<>"{}|^` or a dot segment in it)."""
    iri = written if _SCHEME.match(written) else CANON_BASE + written
    try:
        ox.NamedNode(iri)
    except ValueError:
        return None
    path = iri.split("?", 1)[0].split("#", 1)[0]
    if any(s in (".", "..") for s in path.split("/")[3:]):
        return None
    return iri


def is_web_address(written: str) -> bool:
    """Whether a cell is an absolute http(s) IRI (a canon's source or licence)."""
    return written.startswith(("http://", "https://")) and resolve_iri(written) == written
