"""Checking again after an edit gives exactly what a full check of the same files gives:
the same findings (in the same order), content digest, triple count, canon version and
compiled canon, whatever the edit: a text changed, a node added or removed, a
broken edit, a file added, deleted or renamed, blank nodes, a subclass, every broken canon
of the corpus, and the fix after each."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import pytest

from jobframe.checks import Checker, CheckReport, check_canon
from jobframe.frames.model import FrameKind
from jobframe.frames.rules import build_frame
from tests.checks.corpus import BASE, CASES, CORPUS

Edit = Callable[[Path], object]

RESPONSIBILITY = """
<role/field/P3/responsibility/3> a jf:Responsibility ;
    jf:roleLevel <role/field/P3> ; jf:order 3 ; jf:source <source/jfm> ;
    jf:text "Audits site safety" .
"""


def _replace(name: str, old: str, new: str) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def _append(name: str, text: str) -> Edit:
    def edit(folder: Path) -> None:
        with (folder / name).open("a", encoding="utf-8") as file:
            file.write(text)

    return edit


def _add_file(name: str, text: str) -> Edit:
    def edit(folder: Path) -> None:
        prefixes = (BASE / "role.ttl").read_text(encoding="utf-8").split("\n\n")[0]
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(prefixes + "\n" + text, encoding="utf-8")

    return edit


def _delete(name: str) -> Edit:
    return lambda folder: (folder / name).unlink()


def _rename(old: str, new: str) -> Edit:
    return lambda folder: (folder / old).rename(folder / new)


def _move_node(folder: Path) -> None:
    """A responsibility moves from role.ttl into a new file, later in file order."""
    role = folder / "role.ttl"
    text = role.read_text(encoding="utf-8")
    head, rest = text.split("<role/field/P3/responsibility/2>", 1)
    node, tail = rest.split("\n\n", 1)
    role.write_text(head + tail, encoding="utf-8")
    _add_file("zz-moved.ttl", "<role/field/P3/responsibility/2>" + node + "\n")(folder)


EDITS: dict[str, Edit] = {
    "a text changed": _replace("role.ttl", "Runs field visits", "Leads field visits"),
    "a node added": _append("role.ttl", RESPONSIBILITY),
    "a node removed": _replace(
        "role.ttl",
        "<role/field/P3/responsibility/2> a jf:Responsibility ;\n"
        "    jf:roleLevel <role/field/P3> ; jf:order 2 ; jf:source <source/jfm> ;\n"
        '    jf:text "Trains site staff" .\n',
        "",
    ),
    "a syntax error": _replace("role.ttl", "jf:order 1 ;", "jf:order 1 ; ; ."),
    "a dangling reference": _replace(
        "role.ttl", '<source/jfm> ;\n    jf:text "Runs', '<source/jfx> ;\n    jf:text "Runs'
    ),
    "a type removed from a referenced node": _replace(
        "architecture.ttl", "<source/jfm> a jf:Source ;", "<source/jfm>"
    ),
    "a wrong datatype": _replace("role.ttl", "jf:order 2", 'jf:order "two"'),
    "a comment moves every line": _replace(
        "role.ttl", "<role/field/P3> a", "# moved\n\n<role/field/P3> a"
    ),
    "a file added": _add_file("more/extra.ttl", RESPONSIBILITY),
    "a duplicate in another file": _add_file(
        "more/again.ttl", RESPONSIBILITY.replace("jf:order 3", "jf:order 1")
    ),
    "a cycle made in another file": _add_file(
        "more/cycle.ttl", "<function/ops> jf:function <family/field> .\n"
    ),
    "a file deleted": _delete("role.ttl"),
    "a file renamed": _rename("role.ttl", "a-role.ttl"),
    "a node moved to another file": _move_node,
    "a blank node added": _append("role.ttl", '<role/field/P3> jf:note [ jf:text "an aside" ] .\n'),
    "a subclass declared": _append(
        "role.ttl",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<kind/special> rdfs:subClassOf jf:Responsibility .\n"
        "<role/field/P3/responsibility/2> a <kind/special> .\n",
    ),
    "an empty file added": _add_file("empty.ttl", ""),
    "a label only in another language": _replace(
        "architecture.ttl", '"Operations" .', '"Operations"@fr .'
    ),
    "the default language changed": _add_file(
        "canon.ttl", '<canon> a jf:Canon ; jf:defaultLanguage "fr" .\n'
    ),
    "a file made unreadable": lambda folder: (folder / "role.ttl").write_bytes(b"\xff\xfe<\x00"),
}


def assert_same(again: CheckReport, full: CheckReport) -> None:
    assert again.findings == full.findings
    assert again.content == full.content
    assert again.triple_count == full.triple_count
    assert (again.canon is None) == (full.canon is None)
    if again.canon is not None and full.canon is not None:
        assert again.canon.version == full.canon.version
        assert again.canon.nodes == full.canon.nodes
        for field in fields(full.canon):
            if not field.name.startswith("_"):  # private lookups compare by identity
                assert getattr(again.canon, field.name) == getattr(full.canon, field.name)
        for mine, role in zip(again.canon.role_levels, full.canon.role_levels, strict=True):
            for kind in FrameKind:
                assert build_frame(mine, kind).text == build_frame(role, kind).text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BASE, tmp_path / "canon"))


@pytest.fixture(params=["few changes", "many changes"])
def bounds(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With every bound at 0, each edit takes the paths of a large one: lines merged,
    instances regrouped in one pass, every shape validated again."""
    if request.param == "many changes":
        from jobframe.checks import checker
        from jobframe.sources import index, version

        monkeypatch.setattr(version, "FEW_LINES", 0)
        monkeypatch.setattr(index, "FEW_MEMBERS", 0)
        monkeypatch.setattr(checker, "FOCUSED_NODES", 0)


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.usefixtures("bounds")
def test_checking_again_after_an_edit_equals_a_full_check(folder: Path, name: str) -> None:
    checker = Checker()
    assert_same(checker.check(folder), check_canon(folder))
    EDITS[name](folder)
    assert_same(checker.check(folder), check_canon(folder))


@pytest.mark.parametrize("case", CASES)
def test_every_broken_canon_and_its_fix_equal_a_full_check(folder: Path, case: str) -> None:
    checker = Checker()
    checker.check(folder)
    for path in (CORPUS / case).glob("*.ttl"):
        shutil.copy(path, folder / path.name)
    assert_same(checker.check(folder), check_canon(folder))
    shutil.rmtree(folder)
    shutil.copytree(BASE, folder)
    fixed = checker.check(folder)
    assert fixed.canon is not None
    assert_same(fixed, check_canon(folder))


def test_one_checker_follows_every_edit_and_its_undoing_in_a_row(folder: Path) -> None:
    checker = Checker()
    for edit in EDITS.values():
        edit(folder)
        assert_same(checker.check(folder), check_canon(folder))
        shutil.rmtree(folder)
        shutil.copytree(BASE, folder)
        assert_same(checker.check(folder), check_canon(folder))


def test_nothing_changed_gives_the_same_report_without_checking_again(folder: Path) -> None:
    checker = Checker()
    first = checker.check(folder)
    assert checker.check(folder) is first


def test_a_check_that_fails_midway_leaves_nothing_to_start_from(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobframe.checks import checker as module

    checker = Checker()
    checker.check(folder)
    EDITS["a text changed"](folder)

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("interrupted")

    monkeypatch.setattr(module, "validate", broken)
    with pytest.raises(RuntimeError):
        checker.check(folder)
    monkeypatch.undo()
    assert_same(checker.check(folder), check_canon(folder))


def test_a_node_described_in_another_file_changes_what_points_at_it(folder: Path) -> None:
    checker = Checker()
    checker.check(folder)
    _append("role.ttl", "<role/field/P3/responsibility/1> jf:group jf:Misc .\n")(folder)
    pointed = checker.check(folder)
    assert pointed.errors
    assert_same(pointed, check_canon(folder))
    _add_file(
        "groups.ttl", 'jf:Misc a jf:ResponsibilityGroup ; jf:displayOrder 1 ; jf:text "x" .\n'
    )(folder)
    assert_same(checker.check(folder), check_canon(folder))
    (folder / "groups.ttl").unlink()
    assert_same(checker.check(folder), check_canon(folder))


def test_a_new_default_language_looks_again_at_every_text(folder: Path) -> None:
    checker = Checker()
    checker.check(folder)
    EDITS["a label only in another language"](folder)
    only_french = checker.check(folder)
    assert any(f.kind.value == "language" for f in only_french.findings)
    assert_same(only_french, check_canon(folder))
    EDITS["the default language changed"](folder)
    french = checker.check(folder)
    assert not any(f.kind.value == "language" for f in french.findings)
    assert_same(french, check_canon(folder))


def test_a_worn_out_store_is_read_anew_with_the_same_report(folder: Path) -> None:
    checker = Checker()
    checker.check(folder)
    kept = checker._kept
    role = folder / "role.ttl"
    text = role.read_text("utf-8")
    while kept is not None and not kept.files.worn_out:
        role.unlink()
        checker.check(folder)
        role.write_text(text, encoding="utf-8")
        assert_same(checker.check(folder), check_canon(folder))
    EDITS["a text changed"](folder)
    assert_same(checker.check(folder), check_canon(folder))
    assert checker._kept is not kept
