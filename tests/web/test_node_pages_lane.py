"""Node pages are estimated and queued like queries (issue 20, "one walk": every route whose
work grows with the canon is estimated, budgeted and run in the costly lane by the same
rules). Before, a node page never waited: its "Used by" built a goal page for every
role-level that might quote the node, beside any number of costly queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from jobframe.api.limits.lane import COSTLY, COSTLY_LANE
from jobframe.budget import BudgetSpent, budget
from jobframe.canon import Canon, CanonNode, Level, LevelDimension, Source
from jobframe.loading import Served
from jobframe.web import node_pages
from jobframe.web.node_pages import USED_BY_ROLE_LEVELS, answer, known_candidates, page_estimate

from ..conftest import serve_folder
from .conftest import client_of

BASE = "https://bench.example/canon/"


def estimate(canon: Canon, node: CanonNode) -> int:
    """The estimate `answer` gives the node's HTML page now."""
    return page_estimate(canon, known_candidates(canon, node))


HTML = "text/html"


@contextmanager
def lane_taken() -> Iterator[None]:
    """The costly lane held, as by a costly query running."""
    assert COSTLY_LANE.acquire(timeout=5)
    try:
        yield
    finally:
        COSTLY_LANE.release()


def test_an_html_node_page_is_costly_and_waits_for_the_lane_within_the_budget(
    thousand: Served,
) -> None:
    level = thousand.canon.levels[0]
    assert estimate(thousand.canon, level) > COSTLY
    with lane_taken(), pytest.raises(BudgetSpent), budget(0.3):
        answer(thousand.canon, level.iri, HTML, BASE)
    assert answer(thousand.canon, level.iri, HTML, BASE).status_code == 200


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json"])
def test_a_nodes_own_triples_never_wait_for_the_lane(thousand: Served, accept: str) -> None:
    level = thousand.canon.levels[0]
    with lane_taken(), budget(0.3):
        assert answer(thousand.canon, level.iri, accept, BASE).status_code == 200


def test_a_miss_on_a_canon_not_yet_indexed_waits_for_the_lane(thousand_folder: Path) -> None:
    fresh = serve_folder(thousand_folder)
    assert fresh.canon.closest_iris_cost > COSTLY, "the first miss sorts every IRI"
    with lane_taken(), pytest.raises(BudgetSpent), budget(0.3):
        answer(fresh.canon, BASE + "no/such/node", HTML, BASE)
    assert answer(fresh.canon, BASE + "no/such/node", HTML, BASE).status_code == 404
    assert fresh.canon.closest_iris_cost <= COSTLY, "later misses are cheap"


def test_a_page_waiting_past_its_budget_is_refused_not_left_hanging(thousand: Served) -> None:
    client = client_of(thousand, iri_base=BASE, time_budget=0.3)
    path = "/canon/" + thousand.canon.levels[0].iri.removeprefix(BASE)
    with lane_taken():
        refused = client.get(path, headers={"Accept": HTML})
    assert refused.status_code == 400
    assert "budget" in refused.json()["error"]
    assert client.get(path, headers={"Accept": HTML}).status_code == 200


@pytest.mark.parametrize("kind", [Level, LevelDimension, Source])
def test_a_page_builds_at_most_the_frames_its_estimate_counts(
    thousand: Served, kind: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A node quoted by every role-level builds USED_BY_ROLE_LEVELS pages, not 1,000."""
    built: list[object] = []
    build = node_pages.build_page

    def counted(role: object) -> object:
        built.append(role)
        return build(role)  # type: ignore[arg-type]

    monkeypatch.setattr(node_pages, "build_page", counted)
    node = next(n for n in thousand.canon.nodes.values() if isinstance(n, kind))
    page = bytes(answer(thousand.canon, node.iri, HTML, BASE).body).decode()
    assert 0 < len(built) <= USED_BY_ROLE_LEVELS
    assert "more role-levels that may quote it" in page


def test_once_indexed_a_page_is_estimated_by_the_pages_it_will_build(thousand: Served) -> None:
    canon = thousand.canon
    family, level = canon.families[0], canon.levels[0]
    answer(canon, level.iri, HTML, BASE)  # builds the canon's quoting index
    one_page = estimate(canon, level) // USED_BY_ROLE_LEVELS
    pages = len(canon.role_levels_of(family.iri))
    assert pages < USED_BY_ROLE_LEVELS
    assert estimate(canon, family) == pages * one_page
