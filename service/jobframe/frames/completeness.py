"""Which frame lines each role-level will omit, and why: warnings and a role-level x field matrix.

Derived from the frame definitions themselves (`templates.py`), so a new template slot is
covered with no change here. A check (`checks/`) knows nothing of frames; a checked canon
completed here is what `jobframe check`, an import and a served canon report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..canon import Canon, RoleLevel
from ..checks import CheckReport, finding_order
from ..findings import Finding, FindingKind, Severity
from ..sources import SourceMap
from .rules import Omission, omissions
from .templates import CANON_FIELDS, FRAMES, RUBRIC


@dataclass(frozen=True, slots=True)
class CompletenessRow:
    """One role-level's canon fields (counts or presence) and its omissions."""

    role_level: RoleLevel
    responsibilities: int
    statements: int
    rubric: tuple[tuple[str, bool], ...]
    """(rubric binding name, present) in RUBRIC order."""
    omissions: tuple[Omission, ...]

    @property
    def complete(self) -> bool:
        return not self.omissions


def completeness(
    canon: Canon, before: Mapping[str, CompletenessRow] | None = None
) -> tuple[CompletenessRow, ...]:
    """A row per role-level, in canon order. A row of `before` (by IRI) whose role-level
    equals the new one gives its counts and omissions: they depend on nothing else."""
    rows = []
    for role in canon.role_levels:
        old = before.get(role.iri) if before is not None else None
        if old is not None and old.role_level == role:
            rows.append(
                CompletenessRow(
                    role, old.responsibilities, old.statements, old.rubric, old.omissions
                )
            )
            continue
        rows.append(
            CompletenessRow(
                role_level=role,
                responsibilities=len(role.responsibilities),
                statements=len(role.statements),
                rubric=tuple(
                    (name, role.rubric_entry(iri) is not None) for name, iri in RUBRIC.items()
                ),
                omissions=tuple(omissions(role)),
            )
        )
    return tuple(rows)


def omission_text(omission: Omission) -> str:
    """`SMART goals: 5 of 5 rows have no Achievable line (no … rubric entry)`."""
    frame = FRAMES[omission.kind].title
    where = f"{frame} / {omission.section}" if omission.section else frame
    lacking = CANON_FIELDS[omission.missing][0]
    if omission.field is None:
        return f"{where}: left out, no rows (no {lacking})"
    return (
        f"{where}: {omission.rows} of {omission.of} rows have no {omission.field} line"
        f" (no {lacking})"
    )


def completeness_findings(
    rows: Iterable[CompletenessRow], places: SourceMap
) -> tuple[Finding, ...]:
    """A warning per omission, at the role-level it concerns."""
    findings = []
    for row in rows:
        role = row.role_level
        for omission in row.omissions:
            hint = CANON_FIELDS[omission.missing][1].format(
                role=f"<{role.iri}>", level=role.level.code
            )
            findings.append(
                Finding(
                    FindingKind.COMPLETENESS,
                    Severity.WARNING,
                    places.locate(role.iri),
                    f"{role.label}: {omission_text(omission)}",
                    hint,
                )
            )
    return tuple(findings)


@dataclass(frozen=True)
class CanonReport(CheckReport):
    """A check's report completed with the completeness of its canon: each role-level's row,
    and a warning per omission among the findings (in the report's order)."""

    completeness: tuple[CompletenessRow, ...] = ()


def completed(
    report: CheckReport, before: Mapping[str, CompletenessRow] | None = None
) -> CanonReport:
    """The report with its canon's completeness (none when the canon has errors); rows of
    `before` are reused as `completeness` reuses them."""
    if report.canon is None:
        rows: tuple[CompletenessRow, ...] = ()
        findings = report.findings
    else:
        rows = completeness(report.canon, before)
        found = completeness_findings(rows, report.places)
        findings = tuple(sorted((*report.findings, *found), key=finding_order))
    return CanonReport(
        report.source,
        findings,
        report.canon,
        report.triple_count,
        report.content,
        report.places,
        completeness=rows,
    )
