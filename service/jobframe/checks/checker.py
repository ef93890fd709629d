"""Checking a canon, and checking it again after an edit without redoing what did not change.

A `Checker` keeps, between two checks of the same folder, the files' store (one graph per
file, `sources.FileGraphs`), the triple index, the sorted lines the version hashes and the
SHACL results. Checking again parses only the files whose bytes changed, re-indexes only
the subjects of changed triples, re-sorts only their lines, and re-validates the shapes only
for those nodes and the nodes pointing at them (a shape reads a focus node's own triples
and, for sh:class, its values' types); orphans, dangling references and uses of undeclared
terms likewise; duplicates, cycles, texts lacking the default language and unsafe texts
from the changed nodes (`lineage.KeptLineage`, `languages.KeptLanguages`,
`unsafe_text.KeptUnsafeText`). The compiled canon is redone. The report is the one a fresh
check of the same files gives; `tests/checks/test_checker.py` holds the two to that.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDFS

from ..canon import compile_canon
from ..findings import CanonError, Finding, Severity
from ..resources import VOCABULARY_FILE
from ..sources import (
    CanonSource,
    FileChanges,
    FileGraphs,
    SourceMap,
    SparqlEndpoint,
    TripleIndex,
    VersionLines,
    canon_version,
    read_sparql,
    read_turtle,
    turtle_files,
)
from .languages import KeptLanguages, language_findings
from .lineage import KeptLineage, lineage_findings
from .report import CheckReport, finding_order
from .shacl_sparql import result_order, validate
from .shapes import ShapeResult, shape_findings
from .terms import NodeUses, unknown_terms
from .unsafe_text import KeptUnsafeText

_SUBCLASS = str(RDFS.subClassOf)
FOCUSED_NODES = 1_000
"""Most nodes whose shapes are validated again by name (SPARQL VALUES); an edit touching
more (a whole file replaced, renamed or broken) validates everything: Oxigraph joins a long
VALUES list far more slowly than it scans the store."""


KEPT_BYTES = 256 * 2**20
"""The default bound of a kept check: at the benchmark's 100,000 role-levels (152 MiB of
Turtle) the serving process holds about 5.5 GB with it, 0.7 GB without."""


def check_canon(source: CanonSource) -> CheckReport:
    """Read and check the whole canon; compile it only when nothing is an error."""
    return Checker().check(source)


class Checker:
    """Checks canon sources; checking the same folder again re-checks only what changed.

    Holds one canon's store and index between checks (about what a check needs at its
    peak; the store is made anew once edits removed more from it than it holds); an
    endpoint is always checked whole and nothing of it is kept. Not thread-safe: one check
    at a time.
    """

    def __init__(self, kept_bytes: int = KEPT_BYTES) -> None:
        self._kept: _Kept | None = None
        self.kept_bytes = kept_bytes
        """Canons up to this many bytes of Turtle are kept between checks (the `serve`
        setting `reload_state_mb`); larger ones are checked whole each time."""

    def forget(self) -> None:
        """Drop what was kept: the next check is a whole one."""
        self._kept = None

    def check(self, source: CanonSource) -> CheckReport:
        if isinstance(source, SparqlEndpoint):
            self._kept = None
            return _check_endpoint(source)
        try:
            files = [VOCABULARY_FILE, *turtle_files(source)]
        except CanonError as error:
            return CheckReport(str(source), error.findings, None, 0)
        kept = self._kept if self._kept is not None and self._kept.source == str(source) else None
        if kept is not None and kept.files.worn_out:
            kept = None  # the store holds more removed triples than live ones: start anew
        self._kept = None  # an interrupted check leaves nothing half updated to start from
        kept = kept or _Kept(str(source))
        report = kept.check(files)
        self._kept = kept
        return report


class _Kept:
    """What is kept of one folder's canon between checks."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.files = FileGraphs()
        self.index: TripleIndex | None = None
        self.checks: Kept | None = None
        """What the whole-graph checks keep of the index."""
        self.shapes: tuple[ShapeResult, ...] = ()
        self.report: CheckReport | None = None
        self.lines: VersionLines | None = None

    def check(self, files: list[Path]) -> CheckReport:
        before = self.files.fingerprint
        changes = self.files.read(files)
        if self.report is not None and self.files.fingerprint == before:
            return self.report  # not a byte changed: not even a location
        store, graphs = self.files.store, self.files.graphs
        places = SourceMap(files)
        with ThreadPoolExecutor(max_workers=1) as pool:
            focus = None if self.index is None else _focus(store, changes)
            lines = self.lines
            if focus is None or lines is None or lines.blank:
                # The digest's dump runs in Rust without the GIL; SHACL holds it.
                version = pool.submit(self._version, store, graphs)
            else:
                lines.update(store, changes.triples)
                version = pool.submit(lines.version)
            if self.index is None or self.checks is None or focus is None:
                self.index = TripleIndex(store, graphs)
                self.checks = _kept(self.index)
                self.shapes = validate(store, union=True)
            else:
                self.index.refresh(store, graphs, changes.subjects)
                lineage, uses, languages, unsafe = self.checks
                lineage.refresh(self.index, focus, changes.subjects)
                uses.refresh(self.index, focus)
                languages.refresh(self.index, changes.subjects)
                unsafe.refresh(self.index, changes.subjects)
                if len(focus) > FOCUSED_NODES:
                    self.shapes = validate(store, union=True)
                else:
                    again = validate(store, union=True, focus=focus)
                    kept = [r for r in self.shapes if r.focus not in focus]
                    self.shapes = tuple(sorted((*kept, *again), key=result_order))
            report = _report(
                self.source,
                self.index,
                self.checks,
                places,
                self.files.findings,
                self.shapes,
                version.result,
            )
        self.report = replace(report, content=self.files.content)
        return self.report

    def _version(self, store: ox.Store, graphs: list[ox.NamedNode]) -> str:
        self.lines = VersionLines(store, graphs)
        return self.lines.version()


def _focus(store: ox.Store, changes: FileChanges) -> frozenset[str] | None:
    """The nodes whose shape results, orphans, dangling references or undeclared terms the
    changes may alter: the subjects of changed triples and the nodes pointing at them. None
    when only checking everything again will do (blank nodes, which SPARQL VALUES cannot
    name; a subclass changed, which changes every shape's targets)."""
    if changes.everything or changes.blank:
        return None
    if any(p.value == _SUBCLASS for _, p, _ in changes.triples):
        return None
    subjects = changes.subjects
    focus = set(subjects)
    for subject in subjects:
        for quad in store.quads_for_pattern(None, None, ox.NamedNode(subject), None):
            if not isinstance(quad.subject, ox.NamedNode):
                return None
            focus.add(quad.subject.value)
    return frozenset(focus)


Kept = tuple[KeptLineage, NodeUses, KeptLanguages, KeptUnsafeText]


def _kept(index: TripleIndex) -> Kept:
    return KeptLineage(index), NodeUses(index), KeptLanguages(index), KeptUnsafeText(index)


def _check_endpoint(source: SparqlEndpoint) -> CheckReport:
    store, syntax, _ = read_turtle([VOCABULARY_FILE])
    syntax = (*syntax, *read_sparql(source, store))
    if syntax:
        return CheckReport(str(source), syntax, None, len(store))
    with ThreadPoolExecutor(max_workers=1) as pool:
        version = pool.submit(canon_version, store)
        index = TripleIndex(store)
        shapes = validate(store)
        return _report(str(source), index, _kept(index), SourceMap([]), (), shapes, version.result)


def _report(
    source: str,
    index: TripleIndex,
    kept: Kept,
    places: SourceMap,
    syntax: tuple[Finding, ...],
    shapes: tuple[ShapeResult, ...],
    version: Callable[[], str],
) -> CheckReport:
    """The findings of the checks on an index, and the canon when none is an error."""
    lineage, uses, languages, unsafe = kept
    typos = unknown_terms(index, places, uses)
    findings = (
        *syntax,
        *typos.findings,
        *lineage_findings(index, places, typos.explained, lineage),
        *language_findings(index, places, languages),
        *unsafe.findings(index, places),
        *shape_findings(shapes, index, places, typos.explained),
    )
    canon = None
    if not any(f.severity is Severity.ERROR for f in findings):
        canon = compile_canon(index, version())
    ordered = tuple(sorted(findings, key=finding_order))
    return CheckReport(source, ordered, canon, index.triple_count, places=places)
