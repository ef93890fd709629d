"""A canon in several languages: each request gets one language, never a mix."""

from __future__ import annotations

import re

from jobframe.canon import RoleLevel
from jobframe.frames import FrameKind, build_frame, build_page
from tests.conftest import ARCHITECTURE, PREFIXES, CanonMaker, dimensions, role_level

GERMAN = (
    PREFIXES
    + """
<function/ops> skos:prefLabel "Betrieb"@de .
<family/ops> skos:prefLabel "Außendienst"@de .
<level/P3> skos:prefLabel "Senior-Fachkraft"@de .
<role/ops/P3/r1> jf:text "Verantwortung 1"@de .
<role/ops/P3/r2> jf:text "Verantwortung 2"@de .
<role/ops/P3/cps> jf:text "Komplexität"@de .
<role/ops/P3/ka> jf:text "Wissen"@de .
<level/P3/scope> jf:text "Bereich"@de .
<level/P3/autonomy> jf:text "Selbstständigkeit"@de .
"""
)
"""German values for every prose value the Field Operations P3 page quotes."""


def _english_tagged(turtle: str) -> str:
    """The fixture canon with its texts (jf:text) tagged @en; names stay untagged."""
    return re.sub(r'(jf:text "[^"]*")', r"\1@en", turtle)


def _quotes(role: RoleLevel) -> list[tuple[str, str | None]]:
    return [
        (source.quote, source.language)
        for f in build_page(role).frames
        for line in f.lines
        for source in line.sources
    ]


def test_a_language_tagged_label_is_read_like_an_untagged_one(make_canon: CanonMaker) -> None:
    canon = make_canon(
        ARCHITECTURE.replace('"Senior Specialist"', '"Senior Specialist"@en'),
        dimensions("scope"),
        role_level(1),
    )
    assert canon.level("P3").label == "Senior Specialist"
    assert canon.level("P3").language("label") == "en"


def test_a_request_in_a_language_the_page_has_quotes_only_that_language(
    make_canon: CanonMaker,
) -> None:
    canon = make_canon(ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN)
    role = canon.role_level("Field Operations", "P3", lang="de")
    quotes = _quotes(role)
    assert ("Verantwortung 1", "de") in quotes
    assert {language for _, language in quotes} <= {"de", None}
    assert build_page(role).heading.text == "Goal templates — Außendienst — P3"


def test_each_quote_carries_the_language_of_its_value(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN)
    english = _quotes(canon.role_level("Field Operations", "P3"))
    assert all(language is None for _, language in english)  # the untagged values
    german = canon.role_level("Field Operations", "P3", lang="de")
    sources = [s for line in build_frame(german, FrameKind.SMART).lines for s in line.sources]
    assert {s.language for s in sources if s.node.iri.endswith("/r1")} == {"de"}
    assert {s.language for s in sources if s.quote == "JFM"} <= {None}


def test_the_fallback_is_requested_then_untagged_then_the_default(make_canon: CanonMaker) -> None:
    """A value lacking in the requested language comes untagged if there is one."""
    partial = GERMAN.replace('<level/P3> skos:prefLabel "Senior-Fachkraft"@de .\n', "")
    canon = make_canon(ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), partial)
    role = canon.role_level("Field Operations", "P3", lang="de")
    assert role.level.label == "Senior Specialist" and role.level.language("label") is None
    assert role.responsibilities[0].text == "Verantwortung 1"


def test_a_page_that_would_mix_languages_falls_back_whole_to_the_default(
    make_canon: CanonMaker,
) -> None:
    """With English tagged @en and one German value missing, the page is all English."""
    partial = GERMAN.replace('<role/ops/P3/r2> jf:text "Verantwortung 2"@de .\n', "")
    canon = make_canon(
        _english_tagged(ARCHITECTURE),
        _english_tagged(dimensions("scope", "autonomy")),
        _english_tagged(role_level(2)),
        partial,
    )
    role = canon.role_level("Field Operations", "P3", lang="de")
    languages = {language for _, language in _quotes(role)}
    assert languages == {"en", None}
    assert role.responsibilities[0].language("text") == "en"


def test_an_unknown_language_gives_the_default(make_canon: CanonMaker) -> None:
    canon = make_canon(ARCHITECTURE, dimensions("scope", "autonomy"), role_level(2), GERMAN)
    role = canon.role_level("Field Operations", "P3", lang="fr")
    assert role.responsibilities[0].language("text") is None
    assert canon.languages == ("de",)


def test_the_default_language_is_the_canons_own(make_canon: CanonMaker) -> None:
    declared = PREFIXES + '<about> a jf:Canon ; jf:defaultLanguage "de" .\n'
    canon = make_canon(
        _english_tagged(ARCHITECTURE),
        _english_tagged(dimensions("scope", "autonomy")),
        _english_tagged(role_level(2)),
        GERMAN,
        declared,
    )
    assert canon.default_language == "de"
    role = canon.role_level("Field Operations", "P3")
    assert role.responsibilities[0].text == "Verantwortung 1"
    assert canon.role_level("Field Operations", "P3", lang="en").family.label == "Field Operations"
