"""GraphQL picks a role-level's language from `lang`, else Accept-Language, else the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobframe.loading import Served
from tests.canon.test_languages import GERMAN
from tests.conftest import ARCHITECTURE, dimensions, role_level, serve_folder, write_canon
from tests.web.conftest import client_of

QUERY = """query($lang: String) {
  roleLevel(family: "Field Operations", level: "P3", lang: $lang) {
    family { label }
    frame(kind: SMART) { lines { parts { ... on Quotation { text source { language } } } } }
  }
}"""


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Served:
    folder: Path = tmp_path_factory.mktemp("bilingual")
    write_canon(folder, ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN)
    return serve_folder(folder)


def _ask(served: Served, lang: str | None = None, **headers: str) -> dict:
    response = client_of(served).post(
        "/graphql", json={"query": QUERY, "variables": {"lang": lang}}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _languages(answer: dict) -> set[str | None]:
    lines = answer["data"]["roleLevel"]["frame"]["lines"]
    return {p["source"]["language"] for line in lines for p in line["parts"] if "source" in p}


def test_the_lang_argument_picks_the_language(bilingual: Served) -> None:
    answer = _ask(bilingual, "de")
    assert answer["data"]["roleLevel"]["family"]["label"] == "Außendienst"
    assert _languages(answer) == {"de", None}


def test_accept_language_is_used_when_no_argument_is_given(bilingual: Served) -> None:
    answer = _ask(bilingual, **{"Accept-Language": "fr;q=0.9, de-CH, en;q=0.5"})
    assert answer["data"]["roleLevel"]["family"]["label"] == "Außendienst"


def test_the_argument_wins_over_accept_language(bilingual: Served) -> None:
    answer = _ask(bilingual, "en", **{"Accept-Language": "de"})
    assert answer["data"]["roleLevel"]["family"]["label"] == "Field Operations"


def test_no_language_asked_gives_the_default(bilingual: Served) -> None:
    assert _ask(bilingual)["data"]["roleLevel"]["family"]["label"] == "Field Operations"


def test_answers_in_two_languages_are_cached_apart(bilingual: Served) -> None:
    client = client_of(bilingual)
    body = {"query": QUERY, "variables": {"lang": None}}
    german = client.post("/graphql", json=body, headers={"Accept-Language": "de"})
    english = client.post("/graphql", json=body, headers={"Accept-Language": "en"})
    assert german.headers["etag"] != english.headers["etag"]
    assert "Accept-Language" in german.headers["vary"]
    assert german.json() != english.json()


def test_a_malformed_lang_is_a_bad_user_input(bilingual: Served) -> None:
    answer = _ask(bilingual, "<script>")
    error = answer["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["argument"] == "lang"
