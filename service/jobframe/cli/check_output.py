"""`jobframe check` output: findings and the completeness matrix, as text or JSON.

The text is made by `formats.terminal_text`, so no canon text or path in it reaches the
terminal with its control characters, and only the colours added here are styled.
"""

from __future__ import annotations

from typing import Any

from ..checks import CheckReport
from ..findings import Finding, Severity, finding_json
from ..formats import Shown, Styled, terminal_text
from ..frames import CANON_FIELDS, CanonReport, CompletenessRow, omission_text


def row_json(row: CompletenessRow) -> dict[str, Any]:
    return {
        "roleLevel": row.role_level.label,
        "iri": row.role_level.iri,
        "responsibilities": row.responsibilities,
        "dimensionStatements": row.statements,
        "rubric": dict(row.rubric),
        "omissions": [omission_text(o) for o in row.omissions],
    }


def _rows(report: CheckReport) -> tuple[CompletenessRow, ...]:
    """The completeness of a completed report; none for a check alone (a refused workbook)."""
    return report.completeness if isinstance(report, CanonReport) else ()


def report_json(report: CheckReport) -> dict[str, Any]:
    return {
        "source": report.source,
        "version": report.canon.version if report.canon else None,
        "tripleCount": report.triple_count,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "findings": [finding_json(f) for f in report.findings],
        "completeness": [row_json(r) for r in _rows(report)],
    }


def _finding_text(finding: Finding) -> list[str | Styled]:
    colour = "red" if finding.severity is Severity.ERROR else "yellow"
    head = Styled(f"{finding.severity.value} [{finding.kind.value}]", fg=colour, bold=True)
    text: list[str | Styled] = [f"{finding.location}: ", head, f" {finding.message}"]
    return [*text, f"\n    fix: {finding.hint}"] if finding.hint else text


def _mark(present: bool, width: int) -> Styled:
    """`yes` in green or `no` in red, padded before styling so columns line up."""
    return Styled(("yes" if present else "no").ljust(width), fg="green" if present else "red")


def matrix_text(rows: tuple[CompletenessRow, ...]) -> Shown:
    """Role-levels down, canon fields across; a count or presence in each cell."""
    if not rows:
        return terminal_text("(no role-levels)")
    rubric_names = [name for name, _ in rows[0].rubric]
    headers = ["role-level", "resp.", "dims", *rubric_names, "omissions"]
    labels = [terminal_text(r.role_level.label) for r in rows]  # escaped, then padded
    width = max(len(headers[0]), *(len(label) for label in labels))
    lines = ["  ".join([headers[0].ljust(width), *(h.ljust(10) for h in headers[1:])]).rstrip()]
    parts: list[str | Styled] = [terminal_text(lines[0])]
    for row, label in zip(rows, labels, strict=True):
        count = len(row.omissions)
        cells: list[str | Styled] = [
            str(row.responsibilities).ljust(10),
            str(row.statements).ljust(10),
            *(_mark(present, 10) for _, present in row.rubric),
            Styled(str(count), fg="yellow") if count else "0",
        ]
        parts += ["\n", label.ljust(width)]
        for cell in cells:
            parts += ["  ", cell]
    legend = "; ".join(f"{name}: {CANON_FIELDS[name][0]}" for name in rubric_names)
    return terminal_text(*parts, f"\n({legend})")


def report_text(report: CheckReport) -> Shown:
    """The report for a terminal: findings, the completeness matrix, a summary line."""
    parts: list[str | Styled] = []
    for finding in report.findings:
        parts += [*_finding_text(finding), "\n"]
    if rows := _rows(report):
        matrix = matrix_text(rows)
        heading = "Completeness (role-levels x canon fields)\n"
        parts += ["\n" + heading if parts else heading, matrix, "\n"]
    version = report.canon.version if report.canon else "-"
    summary = (
        f"{report.source}: {len(report.errors)} errors, {len(report.warnings)} warnings, "
        f"{report.triple_count} triples, version {version}"
    )
    return terminal_text(*parts, "\n" if parts else "", summary, "\n")
