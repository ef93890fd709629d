"""Finding a role-level by words from its function, family and level names."""

from __future__ import annotations

from pathlib import Path

from jobframe.canon import Canon
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, role_level, serve_folder, write_canon

from .conftest import run_query

SECOND_FAMILY_AND_LEVEL = (
    PREFIXES
    + """
<function/ops> a <https://jobframe.example/ontology#JobFunction> .
<family/lab> a jf:JobFamily ; skos:prefLabel "Laboratory Services" ; jf:function <function/ops> .
<level/M2> a jf:Level ; skos:notation "M2" ; skos:prefLabel "Manager" ;
    jf:track <track/P> ; jf:rank 4 .
<role/lab/P3> a jf:RoleLevel ; jf:family <family/lab> ; jf:level <level/P3> .
<role/lab/M2> a jf:RoleLevel ; jf:family <family/lab> ; jf:level <level/M2> .
<role/ops/M2> a jf:RoleLevel ; jf:family <family/ops> ; jf:level <level/M2> .
"""
)
"""Field Operations and Laboratory Services, each at P3 and M2, all in Operations."""


def four_role_levels(make_canon: CanonMaker) -> Canon:
    return make_canon(ARCHITECTURE, role_level(1), SECOND_FAMILY_AND_LEVEL)


def names(found: tuple[object, ...]) -> list[str]:
    return sorted(f"{r.family.label} {r.level.code}" for r in found)  # type: ignore[attr-defined]


def test_every_word_must_match_somewhere_in_the_names(make_canon: CanonMaker) -> None:
    canon = four_role_levels(make_canon)
    assert names(canon.search_role_levels("lab m2")) == ["Laboratory Services M2"]
    assert names(canon.search_role_levels("operations p3")) == [
        "Field Operations P3",
        "Laboratory Services P3",
    ]


def test_search_ignores_case_and_matches_level_titles(make_canon: CanonMaker) -> None:
    canon = four_role_levels(make_canon)
    assert names(canon.search_role_levels("FIELD manager")) == ["Field Operations M2"]


def test_blank_search_lists_every_role_level(make_canon: CanonMaker) -> None:
    canon = four_role_levels(make_canon)
    assert canon.search_role_levels("  ") == canon.role_levels


def test_search_pages_like_the_full_list(tmp_path: Path) -> None:
    folder = write_canon(tmp_path / "canon", ARCHITECTURE, role_level(1), SECOND_FAMILY_AND_LEVEL)
    served = serve_folder(folder)
    query = """query ($after: String) { roleLevels(search: "m2", first: 1, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { family { label } } } }"""
    first = run_query(served, query, after=None)["roleLevels"]
    assert first["totalCount"] == 2 and first["pageInfo"]["hasNextPage"]
    second = run_query(served, query, after=first["pageInfo"]["endCursor"])["roleLevels"]
    assert not second["pageInfo"]["hasNextPage"]
    seen = [page["nodes"][0]["family"]["label"] for page in (first, second)]
    assert sorted(seen) == ["Field Operations", "Laboratory Services"]
