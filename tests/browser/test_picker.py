"""The role-level picker: each choice shows what its legend promises (function · family ·
level — title), and nothing in it is cut, down to a 375 px phone."""

from __future__ import annotations

from playwright.sync_api import Page, Route, expect

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


def test_a_late_answer_to_an_earlier_search_never_replaces_the_matches_of_the_words_typed(
    page: Page, levels_url: str
) -> None:
    """The page's first listing (no words) is answered last here, as on a loaded server."""
    held: list[Route] = []

    def hold_the_first_listing(route: Route) -> None:
        body = route.request.post_data_json or {}
        if body.get("variables", {}).get("search") == "" and not held:
            held.append(route)
            return
        route.continue_()

    page.route("**/graphql", hold_the_first_listing)
    page.goto(f"{levels_url}/")
    page.get_by_label("Find a role").fill("clinical p3")
    expect(choices(page)).to_have_count(1)
    expect(page.locator("#matches")).to_have_text("1 role-level to choose from.")
    held[0].continue_()
    page.wait_for_timeout(500)
    expect(choices(page)).to_have_count(1)
    expect(page.locator("#matches")).to_have_text("1 role-level to choose from.")


def test_a_refilled_list_keeps_the_readers_choice_and_focus(page: Page, levels_url: str) -> None:
    held: list[Route] = []

    def hold_the_search(route: Route) -> None:
        body = route.request.post_data_json or {}
        if body.get("variables", {}).get("search") == "clinical":
            held.append(route)
            return
        route.continue_()

    page.route("**/graphql", hold_the_search)
    page.goto(f"{levels_url}/")
    expect(choices(page)).to_have_count(3)
    page.get_by_label("Find a role").fill("clinical")
    choices(page).first.focus()
    page.keyboard.press("ArrowDown")
    second = choices(page).nth(1)
    expect(second).to_be_checked()
    chosen = page.locator(f'input[value="{second.get_attribute("value")}"]')
    page.wait_for_timeout(300)
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#roles li")).to_have_count(3)
    page.wait_for_timeout(300)
    expect(chosen).to_be_checked()
    expect(chosen).to_be_focused()
