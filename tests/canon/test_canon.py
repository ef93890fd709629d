"""Looking canon nodes up by name: what a NotFound says, and searching role-levels by words."""

from __future__ import annotations

import pytest

from jobframe.canon import NotFound
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, role_level

LEAD = PREFIXES + (
    '<level/P4> a jf:Level ; skos:notation "P4" ; skos:prefLabel "Lead" ;'
    " jf:track <track/P> ; jf:rank 4 .\n"
)


def test_a_missing_role_level_is_named_as_family_and_level(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, LEAD, role_level(1))
    with pytest.raises(NotFound) as caught:
        canon.role_level("field operations", "p4")
    assert caught.value.what == "role-level"
    assert caught.value.asked == "Field Operations — P4"
    assert str(caught.value) == (
        "no role-level 'Field Operations — P4' in the canon; closest: 'Field Operations — P3'"
    )


def test_search_needs_every_word_in_any_order_and_case(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, role_level(1))
    (role,) = canon.role_levels
    assert canon.search_role_levels("senior FIELD p3") == (role,)
    assert canon.search_role_levels("operations specialist") == (role,)
    assert canon.search_role_levels("field p4") == ()
    assert canon.search_role_levels("  ") == (role,)
