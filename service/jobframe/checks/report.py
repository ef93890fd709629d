"""Checking a canon source: syntax, vocabulary terms, SHACL shapes, lineage, languages and
completeness, in one report.

The report is what `jobframe check` prints, what the service serves (its canon, findings
and completeness) and what decides whether a reload may replace the canon being served.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..canon import Canon, compile_canon
from ..findings import CanonError, Finding, Severity
from ..resources import VOCABULARY_FILE
from ..sources import (
    CanonSource,
    SourceMap,
    SparqlEndpoint,
    TripleIndex,
    canon_version,
    read_sparql,
    read_turtle,
    turtle_files,
)
from .completeness import CompletenessRow, completeness, completeness_findings
from .languages import language_findings
from .lineage import lineage_findings
from .shacl_sparql import validate
from .shapes import shape_findings
from .terms import unknown_terms


@dataclass(frozen=True)
class CheckReport:
    """Findings of one check; `canon` is the compiled canon when there are no errors."""

    source: str
    findings: tuple[Finding, ...]
    canon: Canon | None
    completeness: tuple[CompletenessRow, ...]
    triple_count: int
    content: str | None = None
    """Digest of exactly the file bytes that were checked (`sources.Reading.content`); None
    for an endpoint. Snapshots are stored under it, never under what the files hold now."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def passes(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def _order(finding: Finding) -> tuple[int, str, int, str]:
    place = finding.location
    return (
        0 if finding.severity is Severity.ERROR else 1,
        place.file or "",
        place.line or 0,
        place.node or "",
    )


def check_canon(source: CanonSource) -> CheckReport:
    """Read and check the whole canon; compile it only when nothing is an error."""
    if isinstance(source, SparqlEndpoint):
        store, syntax, _ = read_turtle([VOCABULARY_FILE])
        syntax = (*syntax, *read_sparql(source, store))
        content = None
        places = SourceMap([])
        if syntax:
            return CheckReport(str(source), syntax, None, (), len(store))
    else:
        try:
            files = [VOCABULARY_FILE, *turtle_files(source)]
        except CanonError as error:
            return CheckReport(str(source), error.findings, None, (), 0)
        store, syntax, content = read_turtle(files)
        places = SourceMap(files)
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The digest's dump runs in Rust without the GIL; SHACL (checks/shacl_sparql.py) holds it.
        version = pool.submit(canon_version, store)
        index = TripleIndex(store)
        typos = unknown_terms(index, places)
        findings = (
            *syntax,
            *typos.findings,
            *lineage_findings(index, places, typos.explained),
            *language_findings(index, places),
        )
        shapes = shape_findings(validate(store), index, places, typos.explained)
        findings = (*findings, *shapes)
        canon = None
        rows: tuple[CompletenessRow, ...] = ()
        if not any(f.severity is Severity.ERROR for f in findings):
            canon = compile_canon(index, version.result())
            rows = completeness(canon)
            findings = (*findings, *completeness_findings(rows, places))
    ordered = tuple(sorted(findings, key=_order))
    return CheckReport(str(source), ordered, canon, rows, len(store), content)
