"""`jobframe check` output: findings and the completeness matrix, as text or JSON."""

from __future__ import annotations

from typing import Any

import click

from ..findings import Finding, Severity, printable
from ..frames import CANON_FIELDS
from .completeness import CompletenessRow, omission_text
from .report import CheckReport


def finding_json(finding: Finding) -> dict[str, Any]:
    place = finding.location
    return {
        "kind": finding.kind.value,
        "severity": finding.severity.value,
        "file": printable(place.file) if place.file is not None else None,
        "line": place.line,
        "column": place.column,
        "cell": place.cell,
        "node": place.node,
        "message": finding.message,
        "hint": finding.hint,
    }


def row_json(row: CompletenessRow) -> dict[str, Any]:
    return {
        "roleLevel": row.role_level.label,
        "iri": row.role_level.iri,
        "responsibilities": row.responsibilities,
        "dimensionStatements": row.statements,
        "rubric": dict(row.rubric),
        "omissions": [omission_text(o) for o in row.omissions],
    }


def report_json(report: CheckReport) -> dict[str, Any]:
    return {
        "source": report.source,
        "version": report.canon.version if report.canon else None,
        "tripleCount": report.triple_count,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "findings": [finding_json(f) for f in report.findings],
        "completeness": [row_json(r) for r in report.completeness],
    }


def _finding_text(finding: Finding) -> str:
    colour = "red" if finding.severity is Severity.ERROR else "yellow"
    head = click.style(f"{finding.severity.value} [{finding.kind.value}]", fg=colour, bold=True)
    text = f"{finding.location}: {head} {finding.message}"
    return f"{text}\n    fix: {finding.hint}" if finding.hint else text


def _mark(present: bool, width: int) -> str:
    """`yes` in green or `no` in red, padded before styling so columns line up."""
    return click.style(("yes" if present else "no").ljust(width), fg="green" if present else "red")


def matrix_text(rows: tuple[CompletenessRow, ...]) -> str:
    """Role-levels down, canon fields across; a count or presence in each cell."""
    if not rows:
        return "(no role-levels)"
    rubric_names = [name for name, _ in rows[0].rubric]
    headers = ["role-level", "resp.", "dims", *rubric_names, "omissions"]
    width = max(len(headers[0]), *(len(r.role_level.label) for r in rows))
    lines = ["  ".join([headers[0].ljust(width), *(h.ljust(10) for h in headers[1:])]).rstrip()]
    for row in rows:
        count = len(row.omissions)
        cells = [
            str(row.responsibilities).ljust(10),
            str(row.statements).ljust(10),
            *(_mark(present, 10) for _, present in row.rubric),
            click.style(str(count), fg="yellow") if count else "0",
        ]
        lines.append("  ".join([row.role_level.label.ljust(width), *cells]).rstrip())
    legend = "; ".join(f"{name}: {CANON_FIELDS[name][0]}" for name in rubric_names)
    return "\n".join([*lines, f"({legend})"])


def report_text(report: CheckReport) -> str:
    parts = [_finding_text(f) for f in report.findings]
    if report.completeness:
        parts += ["", "Completeness (role-levels x canon fields)", matrix_text(report.completeness)]
    version = report.canon.version if report.canon else "-"
    summary = (
        f"{report.source}: {len(report.errors)} errors, {len(report.warnings)} warnings, "
        f"{report.triple_count} triples, version {version}"
    )
    return "\n".join([*parts, "", summary]).lstrip("\n") + "\n"
