"""The closest names to an unknown one: useful for a typo, bounded work for anything."""

from __future__ import annotations

import difflib

import pytest

from jobframe.canon import names
from jobframe.canon.names import MAX_SHOWN, NEIGHBOURS, NearNames, NotFound

FAMILIES = ["Clinical Trials Operations", "Clinical Data Management", "Field Operations"]
LEVELS = [f"{track}{rank}" for track in "MP" for rank in range(1, 6)]


@pytest.mark.parametrize(
    ("asked", "among", "first"),
    [
        ("Clinical Trails Operations", FAMILIES, "Clinical Trials Operations"),
        ("clinical trials operation", FAMILIES, "Clinical Trials Operations"),
        ("Feild Operations", FAMILIES, "Field Operations"),
        ("m5", LEVELS, "M5"),
        ("M 5", LEVELS, "M5"),
    ],
)
def test_a_typo_names_the_intended_name_first(asked: str, among: list[str], first: str) -> None:
    assert NearNames(among).closest(asked)[0] == first


def test_a_typo_in_the_middle_of_a_long_iri_among_many_is_found() -> None:
    iris = [f"https://example.org/canon/role/family-{n}/M{n % 5}" for n in range(100_000)]
    asked = "https://example.org/canon/role/famliy-4242/M2"
    assert "https://example.org/canon/role/family-4242/M2" in NearNames(iris).closest(asked)


def test_ranking_compares_a_bounded_number_of_bounded_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 2,000-character IRI against 100,000 names took 54 s when every name was ranked."""
    compared: list[tuple[int, int]] = []
    real = difflib.SequenceMatcher

    def counting(isjunk: None, a: str, b: str) -> difflib.SequenceMatcher[str]:
        compared.append((len(a), len(b)))
        return real(isjunk, a, b)

    monkeypatch.setattr(names, "SequenceMatcher", counting)
    index = NearNames(f"urn:x:{n:06d}" for n in range(100_000))
    index.closest("urn:x:" + "q" * 2_000)
    assert 0 < len(compared) <= 4 * NEIGHBOURS
    assert all(a <= names.MAX_COMPARED and b <= names.MAX_COMPARED for a, b in compared)


def test_an_unknown_name_is_shown_cut_in_the_message() -> None:
    error = NotFound("job family", "x" * 90_000, ())
    assert len(error.asked) == MAX_SHOWN + 1 and len(str(error)) < 2 * MAX_SHOWN
