"""Two levels of a family side by side: verbatim canon text with its node, each marked whether
the exact same text is at the other level; what a level lacks is missing, never filled in."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from jobframe.canon import Canon, NotFound
from jobframe.frames import ComparedText, compare_levels, compare_role_levels
from jobframe.interchange import import_canon, onet_tables
from jobframe.loading import Served, load_canon
from tests.conftest import ROOT, CanonMaker
from tests.frames.comparison_canon import CANON, GERMAN, english_tagged, iri


@pytest.fixture
def canon(make_canon: CanonMaker) -> Canon:
    return make_canon(*CANON)


def _texts(texts: tuple[ComparedText, ...] | None) -> list[tuple[str, bool]]:
    assert texts is not None
    return [(t.text, t.at_both_levels) for t in texts]


def test_dimensions_come_in_display_order(canon: Canon) -> None:
    comparison = compare_levels(canon, "Field Operations", "P3", "P4")
    assert [d.dimension.label for d in comparison.dimensions] == ["Scope", "Leadership", "Autonomy"]


def test_a_dimension_one_level_does_not_describe_is_missing_there_not_filled(
    canon: Canon,
) -> None:
    leadership = compare_levels(canon, "Field Operations", "P3", "P4").dimensions[1]
    assert leadership.dimension.label == "Leadership"
    assert leadership.from_ is None
    assert leadership.to is not None
    assert (leadership.to.text, leadership.to.at_both_levels) == ("Guides peers", False)


def test_the_familys_own_statement_replaces_the_generic_one(canon: Canon) -> None:
    ops = compare_levels(canon, "Field Operations", "P3", "P4").dimensions[0]
    assert ops.to is not None and ops.from_ is not None
    assert ops.to.text == "All field programmes of one region"
    assert ops.to.node.iri == iri("level/P4/scope/ops")
    assert not ops.from_.at_both_levels  # the generic "Team projects" is not shown at P4
    lab = compare_levels(canon, "Laboratory", "P3", "P4").dimensions[0]
    assert lab.to is not None and lab.to.node.iri == iri("level/P4/scope")
    assert lab.to.text == "Team projects" and lab.to.at_both_levels


def test_a_responsibility_is_at_both_levels_only_when_its_exact_text_is(canon: Canon) -> None:
    comparison = compare_levels(canon, "Field Operations", "P3", "P4")
    assert _texts(comparison.from_responsibilities) == [
        ("Plans field visits", True),
        ("Reports incidents", False),
    ]
    assert _texts(comparison.to_responsibilities) == [
        ("Coaches new staff", False),
        ("Plans field visits", True),
        ("Reports incidents.", False),
    ]


def test_near_identical_statements_are_not_paired(canon: Canon) -> None:
    autonomy = compare_levels(canon, "Laboratory", "P3", "P4").dimensions[2]
    assert autonomy.from_ is not None and autonomy.to is not None
    assert (autonomy.from_.text, autonomy.to.text) == (
        "Works independently",
        "Works independently.",
    )
    assert not autonomy.from_.at_both_levels and not autonomy.to.at_both_levels


def test_rubric_entries_are_compared_along_each_rubric_dimension(canon: Canon) -> None:
    rubric = compare_levels(canon, "Field Operations", "P3", "P4").rubric
    assert [r.dimension.label for r in rubric] == [
        "complexity/problem-solving",
        "knowledge-application",
    ]
    solving, knowledge = rubric
    assert solving.from_ is not None and solving.to is not None
    assert solving.from_.at_both_levels and solving.to.at_both_levels
    assert knowledge.from_ is not None and knowledge.to is None
    assert not knowledge.from_.at_both_levels


def test_levels_of_different_tracks_compare(canon: Canon) -> None:
    comparison = compare_levels(canon, "Field Operations", "P3", "M3")
    assert (comparison.from_.level.track.label, comparison.to.level.track.label) == ("P", "M")
    assert _texts(comparison.to_responsibilities) == [
        ("Leads the field team", False),
        ("Plans field visits", True),
    ]
    scope = comparison.dimensions[0]
    assert scope.from_ is not None and scope.from_.at_both_levels  # "Team projects" at both
    knowledge = comparison.rubric[1]
    assert knowledge.from_ is not None and knowledge.from_.at_both_levels


def test_every_shown_text_is_its_nodes_text_verbatim(canon: Canon) -> None:
    for family, start, end in (("Field Operations", "P3", "M3"), ("Laboratory", "P3", "P4")):
        comparison = compare_levels(canon, family, start, end)
        assert comparison.texts
        for text in comparison.texts:
            assert canon.nodes[text.node.iri] is text.node
            assert text.text == text.node.text


def test_a_family_without_a_role_level_at_one_level_shows_that_levels_statements_only(
    canon: Canon,
) -> None:
    comparison = compare_levels(canon, "Laboratory", "P3", "M3")
    assert comparison.to.role_level is None and comparison.to_responsibilities is None
    assert _texts(comparison.from_responsibilities) == [("Runs the lab", False)]
    assert [d.to.text for d in comparison.dimensions if d.to] == [
        "Team projects",
        "Leads the lab's team",  # its own statement, though it has no role-level at M3
        "Sets the team's direction",
    ]
    assert comparison.rubric == ()


def test_a_family_at_neither_level_is_not_found_naming_its_role_levels(canon: Canon) -> None:
    with pytest.raises(NotFound) as raised:
        compare_levels(canon, "Laboratory", "P4", "M3")
    assert raised.value.what == "role-level"
    assert raised.value.closest == ("Laboratory — P3",)


@pytest.mark.parametrize(
    "family,start,end,what,closest",
    [
        ("Field Operation", "P3", "P4", "job family", "Field Operations"),
        ("Field Operations", "PP4", "P3", "level", "P4"),
        ("Field Operations", "P3", "MM3", "level", "M3"),
    ],
)
def test_an_unknown_family_or_level_is_not_found_naming_the_closest(
    canon: Canon, family: str, start: str, end: str, what: str, closest: str
) -> None:
    with pytest.raises(NotFound) as raised:
        compare_levels(canon, family, start, end)
    assert raised.value.what == what
    assert closest in raised.value.closest


def test_two_role_levels_compare_as_their_levels_do(canon: Canon) -> None:
    p3 = canon.role_level("Field Operations", "P3")
    m3 = canon.role_level("Field Operations", "M3")
    assert compare_role_levels(p3, m3) == compare_levels(canon, "Field Operations", "P3", "M3")
    with pytest.raises(ValueError):
        compare_role_levels(p3, canon.role_level("Laboratory", "P3"))


def test_a_comparison_in_a_language_is_all_in_it_or_all_in_the_default(
    make_canon: CanonMaker,
) -> None:
    canon = make_canon(*map(english_tagged, CANON), GERMAN)
    german = compare_levels(canon, "Labor", "P3", "P4", lang="de")
    assert [t.text for t in german.texts][:2] == ["Teamprojekte", "Teamprojekte"]
    assert {t.node.language("text") for t in german.texts} == {"de"}
    assert german.dimensions[0].to is not None and german.dimensions[0].to.at_both_levels
    partial = make_canon(
        *map(english_tagged, CANON), GERMAN.replace('"Leitet Kollegen an"@de', '"x"@fr')
    )
    english = compare_levels(partial, "Laboratory", "P3", "P4", lang="de")
    assert {t.node.language("text") for t in english.texts} == {"en"}


# --- a generated canon and O*NET ------------------------------------------------------------


def test_on_a_generated_canon_each_level_differs_and_a_level_matches_itself(
    thousand: Served,
) -> None:
    canon = thousand.canon
    across = compare_levels(canon, "Family 42", "P1", "M5")
    assert len(across.dimensions) == 6 and len(across.rubric) == 2
    assert not any(t.at_both_levels for t in across.texts)
    same = compare_levels(canon, "Family 42", "P2", "P2")
    assert all(t.at_both_levels for t in same.texts)


ONET = Path(os.environ.get("JOBFRAME_ONET_DIR", ROOT.parent / "shared" / "datasets" / "onet-26.3"))
"""The O*NET 26.3 text release (see tests/interchange/test_onet.py)."""


@pytest.fixture(scope="module")
def onet(tmp_path_factory: pytest.TempPathFactory) -> Canon:
    """O*NET imported for the first occupation at Job Zone 2 and at Job Zone 4 only (the whole
    release takes 15 s to import; each occupation is a family at one Job Zone)."""
    tables = onet_tables(ONET)
    chosen = {
        next(r.get("family") for r in tables["role_levels"].rows if r.get("level") == zone)
        for zone in ("JZ2", "JZ4")
    }
    families = [r for r in tables["families"].rows if r.get("family") in chosen]
    functions = {r.get("function") for r in families}

    def keep(sheet: str, column: str, values: set[str]) -> None:
        rows = tuple(r for r in tables[sheet].rows if r.get(column) in values)
        tables[sheet] = dataclasses.replace(tables[sheet], rows=rows)

    keep("functions", "function", functions)
    for sheet in ("families", "role_levels", "responsibilities"):
        keep(sheet, "family", chosen)
    out = tmp_path_factory.mktemp("onet") / "canon"
    assert import_canon(tables, out).passes()
    return load_canon(out)


def test_o_net_job_zones_of_one_occupation_compare_its_statements_verbatim(onet: Canon) -> None:
    family = next(r.family for r in onet.role_levels if r.level.code == "JZ2")
    comparison = compare_levels(onet, family.label, "JZ2", "JZ4")
    assert comparison.to.role_level is None and comparison.to_responsibilities is None
    assert comparison.from_responsibilities and comparison.rubric == ()
    assert [d.dimension.label for d in comparison.dimensions] == [
        "Experience",
        "Education",
        "Job Training",
        "SVP Range",
    ]
    jz2, jz4 = onet.level("JZ2"), onet.level("JZ4")
    assert [d.from_.node for d in comparison.dimensions if d.from_] == list(jz2.statements)
    assert [d.to.node for d in comparison.dimensions if d.to] == list(jz4.statements)
    assert not any(t.at_both_levels for t in comparison.texts)
