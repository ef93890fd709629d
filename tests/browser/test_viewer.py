"""The viewer at / in headless Chromium: the four frames of Clinical Trials Operations M5 as the
reference page lays them out, line for line; sources that open their canon node; copy as text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import SPEC

from .golden_rows import golden_rows
from .viewer import FRAMES, choose_clinical_trials_operations_m5, rows_shown

REFERENCE = (SPEC / "reference-page-clinical-trials-operations-M5.txt").read_text("utf-8")


@pytest.mark.parametrize("kind", FRAMES)
def test_every_frame_line_matches_the_golden_text(
    page: Page, service_url: str, golden: Callable[[str], str], kind: str
) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    expected = [asdict(row) for row in golden_rows(FRAMES[kind], golden(FRAMES[kind]))]
    assert rows_shown(page, kind) == expected


def test_the_page_names_the_role_level_once_in_its_own_heading_then_the_reference_lines(
    page: Page, service_url: str
) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    lines = [line for line in REFERENCE.splitlines() if line]
    assert lines[:2] == ["Clinical Trials Operations — M5", "Goal templates — " + lines[0]]
    shown = [page.locator(selector).text_content() for selector in ("h1", ".breadcrumb", ".notice")]
    assert shown == lines[1:4]
    said = page.evaluate(
        "name => [...document.querySelectorAll('main *')]"
        ".filter(e => e.textContent.trim() === name).length",
        lines[0],
    )
    assert said == 0
    expect(page.locator("h1")).to_have_count(1)


def test_frames_have_the_reference_pages_titles_and_intros_in_order(
    page: Page, service_url: str
) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    shown = []
    for frame in page.locator(".frame").all():
        shown += [frame.locator("h2").text_content(), frame.locator(".intro").text_content()]
    lines = [line for line in REFERENCE.splitlines() if line]
    positions = [lines.index(text) for text in shown]
    assert positions == sorted(positions)
    assert shown[0::2] == ["SMART goals", "OKRs", "MBO areas", "Scorecard"]


def test_mbo_areas_are_a_table_of_area_standard_target_due(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    table = page.locator('.frame[data-kind="MBO"] table')
    expect(table.locator("thead th")).to_have_text(["Area", "Standard", "Target", "Due"])
    expect(table.locator("tbody tr")).to_have_count(5)


@pytest.mark.parametrize("kind", FRAMES)
def test_copy_as_text_puts_the_golden_text_on_the_clipboard(
    page: Page, service_url: str, golden: Callable[[str], str], kind: str
) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    frame = page.locator(f'.frame[data-kind="{kind}"]')
    frame.get_by_role("button", name="as text").click()
    expect(frame.locator(".copy-status")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == golden(FRAMES[kind])
    assert frame.locator("pre.frame-text").text_content() == golden(FRAMES[kind])


def test_a_source_tag_opens_the_canon_node_it_names(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    row = page.locator('.frame[data-kind="SMART"] .row').first
    heading = row.locator('.line[data-field="heading"]').text_content()
    row.locator(".source-tag").click()
    page.wait_for_url("**/canon/role/clinical-trials-operations/M5/responsibility/1")
    expect(page.locator("h1")).to_have_text("Clinical Trials Operations — M5 responsibility 1")
    expect(page.locator("blockquote")).to_have_text(heading or "")


def test_a_dimension_tag_opens_its_level_dimension(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    page.locator('.frame[data-kind="SCORECARD"] .source-tag', has_text="(Scope)").click()
    page.wait_for_url("**/canon/dimension/scope")
    expect(page.locator("h1")).to_have_text("Scope")


def test_a_quote_opens_the_node_it_was_quoted_from(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    achievable = page.locator('.frame[data-kind="SMART"] .line[data-field="Achievable"]').first
    quote = achievable.locator("a.quote").last
    quoted = quote.text_content()
    quote.click()
    page.wait_for_url("**/canon/role/clinical-trials-operations/M5/rubric/*")
    expect(page.locator("blockquote")).to_have_text(quoted or "")


def test_placeholders_are_visibly_marked(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    in_lines = page.evaluate(
        "[...document.querySelectorAll('.frame .line')]"
        ".reduce((n, line) => n + (line.textContent.match(/⟨/g) || []).length, 0)"
    )
    marked = page.locator(".frame .line .placeholder")
    assert in_lines > 0 and marked.count() == in_lines
    assert set(marked.all_text_contents()) == {"⟨target⟩", "⟨baseline⟩", "⟨date⟩"}
    background = marked.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_viewer_is_usable_by_keyboard_alone(page: Page, service_url: str) -> None:
    page.goto(f"{service_url}/")
    focused = "document.activeElement"
    page.keyboard.press("Tab")
    assert page.evaluate(f"{focused}.textContent") == "Skip to the frames"
    page.get_by_label("Find a role").focus()
    page.keyboard.type("clinical m5")
    expect(page.locator("#matches")).to_have_text("1 role-level to choose from.")
    page.keyboard.press("Tab")
    assert page.evaluate(f"[{focused}.type, {focused}.checked]") == ["radio", True]
    page.keyboard.press("Tab")
    assert page.evaluate(f"{focused}.textContent") == "Show frames"
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_be_focused()
    expect(page.locator('.frame[data-kind="SMART"] .row')).to_have_count(5)
    page.keyboard.press("Tab")
    assert page.evaluate(f"{focused}.closest('main') !== null")


def test_the_address_names_the_role_level_so_it_can_be_shared(page: Page, service_url: str) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    assert page.url == f"{service_url}/?family=Clinical+Trials+Operations&level=M5"
    page.reload()
    expect(page.locator('.frame[data-kind="OKR"] .row')).to_have_count(5)


def test_an_unknown_level_in_the_address_names_the_closest(page: Page, service_url: str) -> None:
    page.goto(f"{service_url}/?family=Clinical+Trials+Operations&level=M4")
    expect(page.get_by_role("alert")).to_contain_text("closest")
    expect(page.get_by_role("alert")).to_contain_text("M5")


def test_the_viewer_asks_only_its_own_service(
    page: Page, service_url: str, requested: list[str]
) -> None:
    choose_clinical_trials_operations_m5(page, service_url)
    origin = urlsplit(service_url).netloc
    assert requested and all(urlsplit(url).netloc == origin for url in requested)
    api = {urlsplit(url).path for url in requested if not urlsplit(url).path.startswith("/viewer")}
    assert api == {"/", "/graphql"}
