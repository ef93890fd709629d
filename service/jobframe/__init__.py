"""JobFrame: goal frames derived verbatim from a job-architecture canon, with provenance.

The Python API, for notebooks, scripts and services that embed JobFrame without HTTP.
Load a canon (a folder of Turtle files, a list of files, or a SPARQL endpoint), pick a
role-level, and read its frames:

```python
>>> import jobframe
>>> canon = jobframe.load()  # the embedded canon; or jobframe.load("path/to/canon")
>>> role = canon.role_level("Clinical Trials Operations", "M5")
>>> smart = jobframe.frame(role, "smart")
>>> smart.title
'SMART goals'
>>> print(smart.text.splitlines()[1])
   Specific:    Deliver: "Serves as department head for Clinical Operations, owning the ...

```

Every line says where its canon text comes from:

```python
>>> row = smart.sections[0].rows[0]
>>> row.tag
'JFM responsibility (M5)'
>>> specific = row.field("Specific")
>>> [(type(s.node).__name__, s.node.order, s.label) for s in specific.sources]
[('Responsibility', 1, 'JFM responsibility (M5)')]
>>> specific.sources[0].quote == row.heading.text
True

```

A canon that cannot be served raises `CanonError` carrying every finding; `check` reports
them without raising:

```python
>>> report = jobframe.check()
>>> report.passes(), len(report.errors)
(True, 0)

```

Everything named in `__all__` is public and typed; other modules are internal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Literal

from .canon import (
    Canon,
    CanonAbout,
    CanonNode,
    DimensionStatement,
    JobFamily,
    JobFunction,
    Level,
    LevelDimension,
    NotFound,
    Responsibility,
    ResponsibilityGroup,
    RoleLevel,
    RubricDimension,
    RubricEntry,
    Source,
    Track,
)
from .errors import JobFrameError
from .findings import CanonError, Finding, FindingKind, Location, Severity
from .frames import (
    CanonReport,
    ComparedLevel,
    ComparedText,
    CompletenessRow,
    DimensionComparison,
    Field,
    Frame,
    FrameKind,
    LevelComparison,
    Line,
    Page,
    Placeholder,
    Provenance,
    Row,
    RubricComparison,
    Section,
)
from .frames import build_frame as _build_frame
from .frames import build_page as _build_page
from .frames import compare_levels as _compare_levels
from .interchange import OnetError, OutputRefused, WorkbookError
from .interchange import canon_tables as _canon_tables
from .interchange import import_canon as _import_canon
from .interchange import onet_tables as _onet_tables
from .interchange import read_tables as _read_tables
from .interchange import write_tables as _write_tables
from .loading import (
    CanonHolder,
    ReloadAttempt,
    ShrinkPolicy,
    first_load,
    full_check,
    load_canon,
)
from .resources import DEFAULT_CANON_DIR
from .settings import Settings
from .sources import CanonSource, SparqlEndpoint, TurtleFiles, parse_source

try:
    __version__ = version("jobframe")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

CanonOrigin = str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | SparqlEndpoint
"""Where a canon is read from: a folder (a path, or a string), an iterable of Turtle files,
or a SPARQL endpoint (a `SparqlEndpoint`, or its URL written `sparql+http(s)://host/query`).
Not to be confused with a canon's `Source` node, where a responsibility's text was taken from."""

EMBEDDED_CANON: Path = DEFAULT_CANON_DIR
"""The canon shipped with JobFrame (the reference page's role-level)."""


def _source(source: CanonOrigin) -> CanonSource:
    if isinstance(source, SparqlEndpoint):
        return source
    if isinstance(source, str):
        return parse_source(source)
    if isinstance(source, os.PathLike):
        return Path(source)
    return TurtleFiles(tuple(Path(p) for p in source))


def load(source: CanonOrigin = EMBEDDED_CANON) -> Canon:
    """The checked canon of `source`, read with JobFrame's vocabulary and checked against
    its shapes. Raises `CanonError` (with `.findings`) when the canon has errors."""
    return load_canon(_source(source))


def hold(
    source: CanonOrigin = EMBEDDED_CANON,
    *,
    max_canon_shrink: float | None = None,
    allow_canon_shrink: bool = False,
) -> CanonHolder:
    """A canon a program keeps and reloads, as `jobframe serve` does: `holder.canon` is the
    checked canon, and `holder.reload_now()` reads the source again and swaps the new canon
    in only when it passes its check and keeps enough of the role-levels (more than
    `max_canon_shrink` percent of them removed, `serve`'s default when not given, or none
    left, is refused unless `allow_canon_shrink`); a refused reload keeps the canon held.
    Raises `CanonError` when the first load cannot be served."""
    settings = Settings(allow_canon_shrink=allow_canon_shrink)
    if max_canon_shrink is not None:
        settings = replace(settings, max_canon_shrink=max_canon_shrink)
    policy = ShrinkPolicy.of(settings)
    read = _source(source)
    served = first_load(read, policy=policy)
    if isinstance(served, CanonReport):
        raise CanonError(served.errors)
    return CanonHolder(read, served, policy)


def check(source: CanonOrigin = EMBEDDED_CANON) -> CanonReport:
    """Check `source` without raising: every finding (syntax, shapes, lineage, languages and
    what the frames omit), the completeness of each role-level, and the compiled canon when
    there are no errors."""
    return full_check(_source(source))


def frame(role_level: RoleLevel, kind: FrameKind | str) -> Frame:
    """One goal frame of a role-level: `kind` is a `FrameKind` or its name (`"smart"`,
    `"okr"`, `"mbo"`, `"scorecard"`). Rows the canon does not back are omitted."""
    return _build_frame(role_level, kind if isinstance(kind, FrameKind) else FrameKind(kind))


def page(role_level: RoleLevel) -> Page:
    """The role-level's goal-templates page: heading, breadcrumb, notice and the four frames."""
    return _build_page(role_level)


def compare(
    canon: Canon, family: str, from_level: str, to_level: str, lang: str | None = None
) -> LevelComparison:
    """FAMILY at one level beside it at another (within a track or across tracks): per
    dimension the two statements, then responsibilities and rubric entries, each marked
    whether its exact text is at both levels; what a level lacks is None, never filled."""
    return _compare_levels(canon, family, from_level, to_level, lang)


def import_workbook(
    workbook: str | os.PathLike[str], out: str | os.PathLike[str], *, force: bool = False
) -> CanonReport:
    """Write the canon of a workbook (`.xlsx`, or a folder of `<sheet>.csv` files in the
    layout of docs/workbook.md) to the folder `out`, replacing it only when the canon passes
    its check. Raises `WorkbookError` naming the cell of every problem."""
    return _import_canon(_read_tables(Path(workbook)), Path(out), force=force)


def import_onet(
    release: str | os.PathLike[str], out: str | os.PathLike[str], *, force: bool = False
) -> CanonReport:
    """Write a canon built from an O*NET database text release (a folder) to `out`."""
    return _import_canon(_onet_tables(Path(release)), Path(out), force=force)


def export_workbook(
    canon: Canon, path: str | os.PathLike[str], format: Literal["xlsx", "csv"] = "xlsx"
) -> None:
    """Write the canon in the workbook layout: an `.xlsx` file, or a folder of CSV files."""
    _write_tables(_canon_tables(canon), Path(path), format)


__all__ = [
    "EMBEDDED_CANON",
    "Canon",
    "CanonAbout",
    "CanonError",
    "CanonHolder",
    "CanonNode",
    "CanonOrigin",
    "CanonReport",
    "ComparedLevel",
    "ComparedText",
    "CompletenessRow",
    "DimensionComparison",
    "DimensionStatement",
    "Field",
    "Finding",
    "FindingKind",
    "Frame",
    "FrameKind",
    "JobFamily",
    "JobFrameError",
    "JobFunction",
    "Level",
    "LevelComparison",
    "LevelDimension",
    "Line",
    "Location",
    "NotFound",
    "OnetError",
    "OutputRefused",
    "Page",
    "Placeholder",
    "Provenance",
    "ReloadAttempt",
    "Responsibility",
    "ResponsibilityGroup",
    "RoleLevel",
    "Row",
    "RubricComparison",
    "RubricDimension",
    "RubricEntry",
    "Section",
    "Severity",
    "Source",
    "SparqlEndpoint",
    "Track",
    "WorkbookError",
    "__version__",
    "check",
    "compare",
    "export_workbook",
    "frame",
    "hold",
    "import_onet",
    "import_workbook",
    "load",
    "page",
]
