"""Each broken canon of the corpus is reported with the right kind, severity and location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobframe.checks import check_canon
from tests.checks.corpus import BASE, CASES, CORPUS, assemble


def test_the_base_canon_is_clean() -> None:
    report = check_canon(BASE)
    assert report.findings == ()
    assert report.canon is not None


@pytest.mark.parametrize("case", CASES)
def test_broken_canon_is_reported_where_it_is_broken(case: str, tmp_path: Path) -> None:
    expected = json.loads((CORPUS / case / "expected.json").read_text("utf-8"))
    report = check_canon(assemble(case, tmp_path / case))
    matching = [
        f
        for f in report.findings
        if f.kind == expected["kind"]
        and f.severity.value == expected["severity"]
        and Path(f.location.file or "").name == expected["file"]
        and f.location.line == expected["line"]
        and f.location.column == expected.get("column")
        and f.location.node == expected.get("node")
        and expected["message"] in f.message
    ]
    assert matching, "\n".join(str(f) for f in report.findings)
    assert all(f.hint for f in report.findings), "every finding says how to fix it"
    if expected["severity"] == "error":
        assert report.canon is None and not report.passes()
    else:
        assert report.canon is not None and report.passes() and not report.passes(strict=True)
