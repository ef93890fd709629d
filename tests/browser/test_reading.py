"""What makes the frames easy to read: quotes are links that stay quiet (coloured, underlined
on hover and focus, with a focus ring), source tags stay visible controls, and the placeholders'
⟨ ⟩ come from the served font that has them, never a look-alike."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx2
from playwright.sync_api import Locator, Page

from .viewer import FOCUS_RING, choose_clinical_trials_operations_m5

BRACKETS_FONT = "/viewer/fonts/noto-sans-math-brackets.woff2"
DECORATION = "e => getComputedStyle(e).textDecorationLine"


def luminance(css: str) -> float:
    r, g, b = (int(c) / 255 for c in re.findall(r"\d+", css)[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_by_keyboard(page: Page, target: Locator) -> None:
    """Focus the element the way a keyboard user does (Tab), so that :focus-visible applies."""
    target.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert target.evaluate("e => e === document.activeElement")


def test_quotes_are_not_underlined_until_hovered_or_focused(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    underlined = page.evaluate(
        "[...document.querySelectorAll('main a.quote')]"
        ".filter(a => getComputedStyle(a).textDecorationLine !== 'none').length"
    )
    assert page.locator("main a.quote").count() > 50 and underlined == 0
    quote = page.locator('.frame[data-kind="SMART"] .line[data-field="Achievable"] a.quote').last
    quote.hover()
    assert quote.evaluate(DECORATION) == "underline"
    page.mouse.move(0, 0)
    assert quote.evaluate(DECORATION) == "none"
    focus_by_keyboard(page, quote)
    assert quote.evaluate(DECORATION) == "underline"
    assert page.evaluate(FOCUS_RING)


def test_a_quote_stands_out_from_the_text_around_it_by_colour_alone(
    page: Page, service_url: str
) -> None:
    """WCAG G183: 3:1 against the surrounding text, 4.5:1 against the background."""
    choose_clinical_trials_operations_m5(page, service_url)
    quote = page.locator('.frame[data-kind="SMART"] .line[data-field="Achievable"] a.quote').last
    link, text = quote.evaluate(
        "a => [getComputedStyle(a).color, getComputedStyle(a.parentElement).color]"
    )
    assert contrast(link, text) >= 3
    assert contrast(link, "rgb(255, 255, 255)") >= 4.5


def test_a_source_tag_stays_a_visible_control(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    tag = page.locator(".source-tag").first
    style = tag.evaluate(
        "a => { const s = getComputedStyle(a);"
        " return [s.display, s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor,"
        " parseFloat(s.borderTopLeftRadius)] }"
    )
    display, border, width, colour, radius = style
    assert display == "inline-block" and border == "solid" and width >= 1 and radius > 0
    assert contrast(colour, "rgb(255, 255, 255)") >= 3
    focus_by_keyboard(page, tag)
    assert page.evaluate(FOCUS_RING)


def test_placeholder_brackets_are_drawn_from_the_served_font_that_has_them(
    page: Page, service_url: str, requested: list[str]
) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    page.evaluate("document.fonts.ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    for placeholder in ("target", "baseline", "date"):
        selector = f'.frame .placeholder[data-placeholder="{placeholder.upper()}"]'
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        brackets = [f for f in fonts if f["isCustomFont"]]
        assert [(f["familyName"], f["glyphCount"]) for f in brackets] == [("Noto Sans Math", 2)]
        assert sum(f["glyphCount"] for f in fonts) == len(f"⟨{placeholder}⟩")
    assert BRACKETS_FONT in {urlsplit(url).path for url in requested}
    served = httpx2.get(f"{service_url}{BRACKETS_FONT}")
    assert served.headers["content-type"] == "font/woff2"
    assert served.content.startswith(b"wOF2")
