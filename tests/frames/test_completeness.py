"""Completeness: per role-level counts of the canon fields frames use, and a warning per
omission that says which lines are left out, where the role-level is and how to add the field."""

from __future__ import annotations

from pathlib import Path

from jobframe.checks import check_canon
from jobframe.findings import FindingKind, Location, Severity
from jobframe.frames import FrameKind, Omission, completed, omission_text
from jobframe.frames.completeness import completeness, completeness_findings
from jobframe.sources import SourceMap
from tests.conftest import ARCHITECTURE, dimensions, role_level, write_canon

ROLE = "https://test.example/canon/role/ops/P3"


def test_a_row_counts_the_fields_and_lists_the_omissions(tmp_path: Path) -> None:
    files = (ARCHITECTURE, dimensions("Scope", "Autonomy"), role_level(3, knowledge=False))
    report = completed(check_canon(write_canon(tmp_path, *files)))
    assert report.canon is not None
    (row,) = completeness(report.canon)
    assert row.role_level is report.canon.role_levels[0]
    assert (row.responsibilities, row.statements) == (3, 2)
    assert row.rubric == (("complexity", True), ("knowledge", False))
    assert row.omissions == (
        Omission(FrameKind.OKR, None, "KR2", 1, 3, "statement"),
        Omission(FrameKind.MBO, None, "Standard", 3, 3, "knowledge"),
    )
    assert not row.complete
    assert report.completeness == (row,)


def test_each_omission_is_a_warning_at_the_role_level_with_how_to_add_the_field(
    tmp_path: Path,
) -> None:
    files = (ARCHITECTURE, role_level(2, complexity=False))
    report = completed(check_canon(write_canon(tmp_path, *files)))
    findings = [f for f in report.findings if f.kind == FindingKind.COMPLETENESS]
    statement_hint = "add a jf:DimensionStatement for level P3 and each jf:LevelDimension"
    assert [(f.severity, f.message, f.hint) for f in findings] == [
        (
            Severity.WARNING,
            "Field Operations — P3: SMART goals: 2 of 2 rows have no Achievable line"
            " (no complexity/problem-solving rubric entry)",
            f"add a jf:RubricEntry for <{ROLE}> with jf:rubricDimension"
            " jf:ComplexityProblemSolving",
        ),
        (
            Severity.WARNING,
            "Field Operations — P3: OKRs: 2 of 2 rows have no KR2 line"
            " (no level dimension statement at that position)",
            statement_hint,
        ),
        (
            Severity.WARNING,
            "Field Operations — P3: Scorecard / Role calibration: left out, no rows"
            " (no level dimension statement at that position)",
            statement_hint,
        ),
    ]
    role_file = str(tmp_path / "part1.ttl")
    assert {f.location for f in findings} == {Location(file=role_file, line=4, node=ROLE)}


def test_a_role_level_in_no_file_is_named_by_its_iri_only(tmp_path: Path) -> None:
    """As for a canon read from a SPARQL endpoint."""
    report = completed(check_canon(write_canon(tmp_path, ARCHITECTURE, role_level(1))))
    findings = completeness_findings(report.completeness, SourceMap(()))
    assert findings
    assert {f.location for f in findings} == {Location(node=ROLE)}


def test_a_scorecard_perspective_left_out_is_named_with_its_frame() -> None:
    left_out = Omission(FrameKind.SCORECARD, "Internal process", None, 0, 0, "responsibility")
    assert omission_text(left_out) == (
        "Scorecard / Internal process: left out, no rows (no responsibilities)"
    )
    smart = Omission(FrameKind.SMART, None, None, 0, 0, "responsibility")
    assert omission_text(smart) == "SMART goals: left out, no rows (no responsibilities)"


def test_a_check_alone_says_nothing_of_completeness(tmp_path: Path) -> None:
    """Checks know nothing of frames: completing the report adds the warnings."""
    report = check_canon(write_canon(tmp_path, ARCHITECTURE, role_level(2, complexity=False)))
    assert report.findings == ()
    assert [f.kind for f in completed(report).findings] == [FindingKind.COMPLETENESS] * 3


def test_a_report_with_errors_is_completed_with_nothing(tmp_path: Path) -> None:
    report = check_canon(write_canon(tmp_path, ARCHITECTURE, role_level(2), "<x> <y> ."))
    assert report.errors and report.canon is None
    done = completed(report)
    assert (done.findings, done.completeness) == (report.findings, ())
