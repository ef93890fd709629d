"""Frame wording is data: a translation is a TOML file, used for pages in its language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jobframe.frames import build_page, wordings
from jobframe.frames.templates import ENGLISH
from tests.canon.test_languages import GERMAN
from tests.conftest import ARCHITECTURE, CanonMaker, dimensions, role_level


@pytest.fixture
def wording_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A wording folder holding the shipped English, where a test adds translations."""
    folder = tmp_path / "wording"
    folder.mkdir()
    english = (wordings.WORDING_DIR / f"{ENGLISH}.toml").read_text("utf-8")
    (folder / "en.toml").write_text(english, "utf-8")
    monkeypatch.setattr(wordings, "WORDING_DIR", folder)
    wordings.translations.cache_clear()
    yield folder
    wordings.translations.cache_clear()


def _german_wording(english: str) -> str:
    return (
        english.replace('title = "SMART goals"', 'title = "SMART-Ziele"')
        .replace("Goal templates — ", "Zielvorlagen — ")
        .replace('"   Specific:    {Specific}"', '"   Spezifisch:  {Specific}"')
    )


def test_a_translation_added_as_a_file_words_pages_in_its_language(
    wording_dir: Path, make_canon: CanonMaker
) -> None:
    english = (wording_dir / "en.toml").read_text("utf-8")
    (wording_dir / "de.toml").write_text(_german_wording(english), "utf-8")
    canon = make_canon(ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN)
    german = build_page(canon.role_level("Field Operations", "P3", lang="de"))
    assert german.heading.text == "Zielvorlagen — Außendienst — P3"
    assert german.frames[0].title == "SMART-Ziele"
    assert '   Spezifisch:  Deliver: "Verantwortung 1"' in german.frames[0].text
    assert german.frames[0].lines[1].template == "smart.specific"  # identifiers stay


def test_untagged_pages_keep_the_english_wording(wording_dir: Path, make_canon: CanonMaker) -> None:
    english = (wording_dir / "en.toml").read_text("utf-8")
    (wording_dir / "de.toml").write_text(_german_wording(english), "utf-8")
    canon = make_canon(ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN)
    page = build_page(canon.role_level("Field Operations", "P3"))
    assert page.frames[0].title == "SMART goals"


def test_a_translation_that_changes_a_quote_is_not_used(
    wording_dir: Path, make_canon: CanonMaker, caplog: pytest.LogCaptureFixture
) -> None:
    english = (wording_dir / "en.toml").read_text("utf-8")
    broken = _german_wording(english).replace('Deliver: \\"{responsibility.text}\\"', "Liefern")
    (wording_dir / "de.toml").write_text(broken, "utf-8")
    canon = make_canon(ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN)
    page = build_page(canon.role_level("Field Operations", "P3", lang="de"))
    assert page.frames[0].title == "SMART goals"
    assert "de.toml" in caplog.text and "do not quote what English quotes" in caplog.text
