"""A node's ancestry: its chain of primary parents, walked up to the top of its branch."""

from __future__ import annotations

from jobframe.canon import Canon, ancestry


def test_a_responsibility_runs_up_through_its_role_level_and_family_to_its_function(
    canon: Canon,
) -> None:
    role = canon.role_levels[0]
    path = ancestry(canon, role.responsibilities[0].iri)
    assert path == (role.responsibilities[0], role, role.family, role.family.function)


def test_a_statement_runs_up_to_its_level_and_track(canon: Canon) -> None:
    level = canon.levels[0]
    path = ancestry(canon, level.statements[0].iri)
    assert path == (level.statements[0], level, level.track)


def test_a_node_without_a_parent_is_its_own_ancestry(canon: Canon) -> None:
    function = canon.families[0].function
    assert ancestry(canon, function.iri) == (function,)
    source = canon.sources[0]
    assert ancestry(canon, source.iri) == (source,)


def test_an_unknown_iri_has_no_ancestry(canon: Canon) -> None:
    assert ancestry(canon, "https://example.org/nothing") is None
