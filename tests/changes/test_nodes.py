"""A node's values are what the canon states about it: a value in another language is one,
a label the compiler composes is not."""

from __future__ import annotations

from pathlib import Path

from jobframe.canon import Canon
from jobframe.changes import compare_canons
from tests.changes.canons import load

GERMAN = '<family/ops> skos:prefLabel "Feldbetrieb"@de .\n'


def test_a_value_in_another_language_is_a_change_with_no_frame_diff(
    before: Canon, tmp_path: Path
) -> None:
    german = load(tmp_path / "de", extra=GERMAN)
    edited = load(tmp_path / "de2", extra=GERMAN.replace("Feldbetrieb", "Außendienst"))
    report = compare_canons(german, edited)
    [node] = report.nodes
    assert [(f.field, f.old, f.new) for f in node.fields] == [
        ("label@de", "Feldbetrieb", "Außendienst")
    ]
    assert report.reached == 1, "the family is quoted, in the default language"
    assert report.role_levels == ()
    added = compare_canons(before, german)
    assert [(f.field, f.old, f.new) for f in added.nodes[0].fields] == [
        ("label@de", None, "Feldbetrieb")
    ]


def test_a_family_rename_changes_one_node_not_every_label_composed_from_it(
    before: Canon, tmp_path: Path
) -> None:
    report = compare_canons(before, load(tmp_path / "after", ('"Fleet"', '"Vehicles"')))
    assert [n.kind for n in report.nodes] == ["JobFamily"]
    assert report.role_levels[0].label == "Vehicles — P3"
