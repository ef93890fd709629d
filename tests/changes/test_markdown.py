"""The Markdown report is a pull-request comment: a summary first, details folded, and under
GitHub's limit for a comment however many role-levels change."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from jobframe.canon import Canon
from jobframe.changes import ChangeReport, as_markdown, compare_canons
from jobframe.changes.markdown import MAX_CHARACTERS, TABLE_ROWS
from jobframe.loading import load_canon
from tests.changes.canons import load


@pytest.fixture(scope="module")
def thousand_changed(
    thousand_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> ChangeReport:
    """The 1,000-role-level canon with its one source renamed: every frame of every
    role-level quotes it."""
    edited = Path(shutil.copytree(thousand_folder, tmp_path_factory.mktemp("c1000") / "canon"))
    path = edited / "architecture.ttl"
    path.write_text(path.read_text("utf-8").replace('"JFM"', '"JFM Global"'), encoding="utf-8")
    return compare_canons(load_canon(thousand_folder), load_canon(edited))


@pytest.mark.slow
def test_a_thousand_changed_role_levels_stay_under_the_comment_limit(
    thousand_changed: ChangeReport,
) -> None:
    assert len(thousand_changed.role_levels) == 1000
    text = as_markdown(thousand_changed, "git:main:canon", "canon")
    assert len(text) <= MAX_CHARACTERS
    summary = text.partition("<details>")[0]
    assert summary.startswith("## Canon changes: 1000 role-levels' frames change\n")
    assert "| role-levels whose frames change | 1000 |" in summary
    rows = re.findall(
        r"^\| Family \d+ — [MP]\d \| changed \| SMART goals, OKRs, MBO areas, Scorecard \|$",
        summary,
        re.M,
    )
    assert len(rows) == TABLE_ROWS
    assert f"| … and {1000 - TABLE_ROWS} more | | |" in summary
    folded = text.count("<details><summary>Family ")
    assert 0 < folded < 1000
    assert text.count("<details>") == text.count("</details>") == folded + 1
    assert f"> The diffs of {1000 - folded} more role-levels are left out" in text
    assert text.count("```diff\n") == 4 * folded


def test_details_are_folded_after_the_summary(before: Canon, after: Path) -> None:
    report = compare_canons(before, load(after, ('"Responsibility 2"', '"Responsibility | two"')))
    text = as_markdown(report, "old", "new")
    assert text.index("| nodes changed | 1 |") < text.index("<details><summary>Nodes: 0 added")
    assert text.index("<details><summary>Nodes:") < text.index("<details><summary>Field Operations")
    assert "| text | Responsibility 2 | Responsibility \\| two |" in text, (
        "a | in a cell is escaped"
    )
    assert "not all" not in text and "left out" not in text


def test_a_diff_holding_backticks_gets_a_longer_fence(before: Canon, after: Path) -> None:
    report = compare_canons(
        before, load(after, ('"Responsibility 2"', '"Runs ```code``` reviews"'))
    )
    text = as_markdown(report, "old", "new")
    assert "````diff\n" in text and "\n````" in text


def test_no_change_says_so(before: Canon, after: Path) -> None:
    text = as_markdown(compare_canons(before, load(after)), "old", "new")
    assert text.startswith("## Canon changes: no frame changes\n")
    assert "<details>" not in text
