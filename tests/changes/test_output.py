"""The text and JSON renderings: marks and colours a reader can scan, and a JSON shape whose
every key is documented."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jobframe.canon import Canon
from jobframe.changes import as_json, as_text, compare_canons
from tests.changes.canons import load

DOCS = Path(__file__).resolve().parents[2] / "docs" / "diff.md"
ADDED = (
    "<role/ops/P3/r4> a jf:Responsibility ; jf:roleLevel <role/ops/P3> ; jf:order 4 ;"
    ' jf:source <source/jfm> ; jf:text "Responsibility 4" .'
)


def _keys(value: Any, into: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            into.add(key)
            _keys(inner, into)
    elif isinstance(value, list):
        for inner in value:
            _keys(inner, into)
    return into


def test_every_json_key_is_documented(before: Canon, tmp_path: Path) -> None:
    report = compare_canons(before, load(tmp_path / "after", extra=ADDED))
    documented = set(re.findall(r"`(\w+)(?:\[\])?`", DOCS.read_text("utf-8")))
    missing = _keys(as_json(report, "old", "new"), set()) - documented
    assert not missing, f"docs/diff.md does not name {sorted(missing)}"


def test_text_marks_each_change_and_lists_a_new_nodes_values(before: Canon, tmp_path: Path) -> None:
    report = compare_canons(before, load(tmp_path / "after", extra=ADDED))
    text = re.sub(r"\x1b\[[0-9;]*m", "", as_text(report, "old", "new"))
    assert "+ Responsibility Field Operations — P3 responsibility 4  <" in text
    assert "    text: Responsibility 4" in text
    assert "~ Field Operations — P3  <https://test.example/canon/role/ops/P3>: SMART goals" in text
    assert "+Objective 4: Responsibility 4  [source: JFM responsibility (P3)]" in text
