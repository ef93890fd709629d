"""The role-level picker: each choice shows what its legend promises (function · family ·
level — title), and nothing in it is cut, down to a 375 px phone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .viewer import CUT_TEXT, choices

M5 = "Clinical Trials Operations · Clinical Trials Operations · M5 — Senior Director"
"""Function · family · level — title of the shipped canon's one role-level."""


def test_each_choice_shows_function_family_and_level_as_the_legend_promises(
    page: Page, service_url: str
) -> None:
    page.goto(f"{service_url}/")
    page.get_by_label("Find a role").fill("clinical m5")
    expect(choices(page)).to_have_count(1)
    expect(choices(page)).to_have_accessible_name(M5)
    expect(page.locator("#roles label")).to_have_text(M5)


def test_nothing_in_the_picker_is_cut_on_a_phone(page: Page, service_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{service_url}/?family=Clinical+Trials+Operations&level=M5")
    expect(choices(page)).to_be_checked()
    assert page.evaluate(CUT_TEXT, "#picker") == []
    page.get_by_label("Find a role").fill("clinical trials operations m5")
    expect(choices(page)).to_have_count(1)
    assert page.evaluate(CUT_TEXT, "#picker") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_arrow_keys_move_through_the_choices_and_enter_shows_the_one_chosen(
    page: Page, levels_url: str
) -> None:
    page.goto(f"{levels_url}/")
    page.get_by_label("Find a role").fill("clinical")
    expect(choices(page)).to_have_count(3)
    expect(choices(page).first).to_be_checked()
    page.keyboard.press("Tab")
    expect(choices(page).first).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(choices(page).last).to_be_checked()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Goal templates — Clinical Trials Operations — P3")
    expect(page.locator("h1")).to_be_focused()
