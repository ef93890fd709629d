"""HTML: any text written by `html_text` parses back to itself and opens no tag, in text and
in quoted attributes; `html_link` makes a live link only to http, https, mailto or one of the
service's own paths, and its href parses back to the URL. Parsed with the standard library's
HTML parser, which reads tags, attributes and character references as browsers do."""

from __future__ import annotations

import html.parser

from hypothesis import given
from hypothesis import strategies as st

from jobframe.formats import html_link, html_text, live_url
from jobframe.formats.controls import CONTROLS, shown_controls
from jobframe.formats.html import LIVE_SCHEMES
from tests.formats.texts import EXAMPLES, PIECES, any_character, texts


class Parsed(html.parser.HTMLParser):
    """What a browser would see in a fragment: its tags, with attributes, and its text."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ends: list[str] = []
        self.text = ""
        self.other: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.ends.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data

    def handle_comment(self, data: str) -> None:
        self.other.append(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        self.other.append(f"declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.other.append(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.other.append(f"declaration {data!r}")


@EXAMPLES
@given(texts)
def test_any_text_is_html_text_that_parses_back_to_it_and_opens_no_tag(text: str) -> None:
    parsed = Parsed(f"<p>{html_text(text)}</p>")
    assert parsed.tags == [("p", {})] and parsed.ends == ["p"] and parsed.other == []
    assert parsed.text == shown_controls(text)


@EXAMPLES
@given(texts)
def test_a_text_without_controls_reads_back_exactly_and_controls_are_shown(text: str) -> None:
    shown = Parsed(html_text(text)).text
    if CONTROLS.search(text) is None:
        assert shown == text
    else:
        assert CONTROLS.search(shown) is None


@EXAMPLES
@given(texts, st.sampled_from(['"', "'"]))
def test_any_text_is_a_quoted_attribute_value_that_parses_back_to_it(text: str, quote: str) -> None:
    parsed = Parsed(f"<span title={quote}{html_text(text)}{quote}>x</span>")
    assert parsed.tags == [("span", {"title": shown_controls(text)})]
    assert parsed.text == "x" and parsed.ends == ["span"]


SCHEMES = (
    "http://", "https://", "HTTPS://", "mailto:", "/", "//", "/\\", "\\\\", "javascript:",
    " javascript:", "java\tscript:", "JaVaScRiPt:", "data:", "vbscript:", "http:", "ftp://",
    "file:///", "blob:", "",
)  # fmt: skip
"""How URLs begin: the live schemes and own paths, and what a browser would run or leave for."""
urls = st.builds(
    "".join,
    st.lists(
        st.sampled_from(SCHEMES)
        | st.sampled_from(PIECES)
        | st.text(any_character, max_size=6)
        | st.from_regex(r"[a-z0-9./?#=&%:@-]{1,12}", fullmatch=True),
        min_size=1,
        max_size=5,
    ),
)
"""URLs made of scheme-like starts, hosts and paths, hostile pieces and any text."""
_BROWSER_STRIPS = str.maketrans("", "", "\t\n\r")


def _browser_scheme(url: str) -> str | None:
    """The scheme a browser reads in an href (WHATWG URL: outer C0 controls and spaces
    stripped, tab and line ends removed anywhere), or None for a relative URL."""
    url = url.strip("".join(map(chr, range(0x21)))).translate(_BROWSER_STRIPS)
    scheme, colon, _ = url.partition(":")
    ascii_scheme = all(c.isascii() and (c.isalnum() or c in "+-.") for c in scheme)
    if colon and scheme[:1].isascii() and scheme[:1].isalpha() and ascii_scheme:
        return scheme.lower()
    return None


@EXAMPLES
@given(urls, st.none() | texts)
def test_a_link_is_live_only_to_http_https_mailto_or_an_own_path(
    url: str, label: str | None
) -> None:
    parsed = Parsed(html_link(url, label))
    anchors = [attrs for tag, attrs in parsed.tags if tag == "a"]
    assert parsed.other == []
    if not live_url(url):
        assert anchors == [], f"{url!r} is not live"
        assert shown_controls(url) in parsed.text
        return
    assert anchors == [{"href": url}]
    assert parsed.text == shown_controls(url if label is None else label)
    scheme = _browser_scheme(url)
    if scheme is None:
        assert url.startswith("/") and url[1:2] not in ("/", "\\"), "a path of this service"
    else:
        assert scheme in LIVE_SCHEMES


@EXAMPLES
@given(st.sampled_from(["javascript:", "JavaScript:", "data:", "vbscript:"]), texts)
def test_a_script_or_data_url_is_shown_as_text_never_live(scheme: str, rest: str) -> None:
    parsed = Parsed(html_link(scheme + rest, "the source"))
    assert [tag for tag, _ in parsed.tags if tag == "a"] == []
    assert shown_controls(scheme + rest) in parsed.text
