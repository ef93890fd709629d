"""A node page's "Used by" comes from the canon's dependency graph of provenance, so the
role-levels that quote a node are found wherever they are in the canon (issue 20, finding
12: only the first 20 role-levels were looked at)."""

from __future__ import annotations

from jobframe.canon import JobFamily, JobFunction, Source
from jobframe.loading import Served
from jobframe.web.node_pages import USED_BY_ROLE_LEVELS, answer

BASE = "https://jobframe.example/canon/"


def _page(thousand: Served, iri: str) -> str:
    return bytes(answer(thousand.canon, iri, "text/html", BASE).body).decode()


def test_a_familys_page_lists_its_role_levels_lines_past_the_twentieth(thousand: Served) -> None:
    canon = thousand.canon
    family = canon.families[-1]
    assert isinstance(family, JobFamily)
    first = next(n for n, role in enumerate(canon.role_levels) if role.family is family)
    assert first >= USED_BY_ROLE_LEVELS, "the family's role-levels are past the 20th"
    page = _page(thousand, family.iri)
    used = page.split("<h2>Used by</h2>")[1]
    assert "No frame line quotes this node" not in used
    assert canon.role_levels[first].label in used


def test_a_functions_page_lists_its_families_role_levels(thousand: Served) -> None:
    function = thousand.canon.functions[-1]
    assert isinstance(function, JobFunction)
    used = _page(thousand, function.iri).split("<h2>Used by</h2>")[1]
    assert "No frame line quotes this node" not in used
    assert function.label in used or "role-levels" in used


def test_a_source_quoted_by_every_role_level_lists_twenty_and_counts_the_rest(
    thousand: Served,
) -> None:
    source = thousand.canon.sources[0]
    assert isinstance(source, Source)
    used = _page(thousand, source.iri).split("<h2>Used by</h2>")[1]
    quoting = {role.label for role in thousand.canon.role_levels if role.label in used}
    assert len(quoting) == USED_BY_ROLE_LEVELS
    assert f"… and {len(thousand.canon.role_levels) - USED_BY_ROLE_LEVELS:,} more" in used
