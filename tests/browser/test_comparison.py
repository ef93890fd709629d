"""The viewer's "Compare with another level": reached from a role-level's page, the two levels
side by side (each dimension's statements, then responsibilities and rubric entries), a text
at only one level marked, a missing one shown missing, every text a link to its canon node;
by keyboard alone, without accessibility violations, side by side on a desktop and stacked on
a phone (screenshots of both in artifacts/)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import ARTIFACTS, SHARED_RESPONSIBILITY
from .viewer import (
    CUT_TEXT,
    FOCUS_RING,
    SIZES,
    axe_violations,
    responsibilities_compared,
    rows_compared,
)

M5 = "/?family=Clinical+Trials+Operations&level=M5"
ONLY_M5, ONLY_M4, BOTH, MISSING = "Only at M5", "Only at M4", "At both levels", "Missing"


def open_comparison(page: Page, levels_url: str, to: str) -> None:
    page.goto(f"{levels_url}{M5}&compare={to}")
    page.locator('[aria-labelledby="compared-rubric"]').wait_for()


def test_a_role_levels_page_opens_the_comparison_with_another_level(
    page: Page, levels_url: str
) -> None:
    page.goto(f"{levels_url}{M5}")
    form = page.get_by_role("form", name="Compare with another level")
    form.get_by_label("Compare M5 with another level").select_option(label="M4 — Director")
    form.get_by_role("button", name="Compare").click()
    expect(page.locator("h1")).to_have_text("Clinical Trials Operations: M5 compared with M4")
    expect(page.locator("h1")).to_be_focused()
    assert page.url == f"{levels_url}{M5}&compare=M4"


def test_each_dimension_shows_the_two_levels_statements_side_by_side_in_display_order(
    page: Page, levels_url: str
) -> None:
    open_comparison(page, levels_url, "M4")
    assert rows_compared(page, "dimensions") == [
        ("Scope", "Multiple functions or a large department", "A department", [ONLY_M5, ONLY_M4]),
        ("Autonomy", *["Owns multi-year strategy for the area"] * 2, [BOTH, BOTH]),
        ("Complexity", "Org-level trade-offs and investment", None, [ONLY_M5, MISSING]),
        ("Impact", "Multi-function results", None, [ONLY_M5, MISSING]),
        ("Decision rights", "Owns investment and org design across functions", None,
         [ONLY_M5, MISSING]),
        ("Leadership", "Leads directors and managers", "Leads clinical study managers",
         [ONLY_M5, ONLY_M4]),
    ]  # fmt: skip


def test_responsibilities_side_by_side_mark_the_texts_at_only_one_level(
    page: Page, levels_url: str
) -> None:
    open_comparison(page, levels_url, "M4")
    m5 = responsibilities_compared(page, "from")
    assert [mark for _, mark in m5] == [ONLY_M5, BOTH, ONLY_M5, ONLY_M5, ONLY_M5]
    assert m5[1][0] == SHARED_RESPONSIBILITY
    assert responsibilities_compared(page, "to") == [
        (SHARED_RESPONSIBILITY, BOTH),
        ("Manages a study budget and its vendors", ONLY_M4),
    ]


def test_a_rubric_entry_one_role_level_lacks_is_shown_missing_never_filled_in(
    page: Page, levels_url: str
) -> None:
    open_comparison(page, levels_url, "M4")
    rubric = rows_compared(page, "rubric")
    assert [(dimension, to, marks) for dimension, _, to, marks in rubric] == [
        ("complexity/problem-solving", "Solves department-wide operational issues.",
         [ONLY_M5, ONLY_M4]),
        ("knowledge-application", None, [ONLY_M5, MISSING]),
    ]  # fmt: skip
    missing = page.locator('[aria-labelledby="compared-rubric"] .side[data-side="to"] .missing')
    expect(missing).to_have_text("Missing M4 has no knowledge-application rubric entry.")


def test_a_level_where_the_family_has_no_role_level_is_compared_by_its_statements(
    page: Page, levels_url: str
) -> None:
    open_comparison(page, levels_url, "M3")
    assert rows_compared(page, "dimensions")[0] == (
        "Scope", "Multiple functions or a large department", "A team", [ONLY_M5, "Only at M3"]
    )  # fmt: skip
    responsibilities = page.locator('[aria-labelledby="compared-responsibilities"]')
    expect(responsibilities.locator('.side[data-side="to"]')).to_have_text(
        "M3 — ManagerMissing Clinical Trials Operations has no role-level at M3."
    )
    options = page.locator('#compare-to optgroup[label="Other levels: statements only"] option')
    expect(options).to_have_text(["M3 — Manager"])


def test_levels_of_another_track_compare_too(page: Page, levels_url: str) -> None:
    open_comparison(page, levels_url, "P3")
    expect(page.locator(".breadcrumb")).to_contain_text(
        "M5 — Senior Director (track M) beside P3 — Senior Specialist (track P)"
    )
    assert responsibilities_compared(page, "to") == [
        ("Runs the monitoring plan of a study", "Only at P3")
    ]
    assert rows_compared(page, "dimensions")[3] == (
        "Impact", "Multi-function results", "Function results", [ONLY_M5, "Only at P3"]
    )  # fmt: skip


def test_every_text_shown_links_to_the_canon_node_it_is_quoted_from(
    page: Page, levels_url: str
) -> None:
    open_comparison(page, levels_url, "M4")
    links = page.locator(".compared-text a")
    assert links.count() == 6 + 3 + 5 + 2 + 3
    assert all(
        href.startswith("/canon/")
        for href in links.evaluate_all("l => l.map(a => a.getAttribute('href'))")
    )
    page.get_by_role("link", name="Leads clinical study managers").click()
    page.wait_for_url("**/canon/level/M4/leadership/clinical-trials-operations")
    expect(page.locator("blockquote")).to_have_text("Leads clinical study managers")


def test_the_comparison_is_usable_by_keyboard_alone(page: Page, levels_url: str) -> None:
    page.goto(f"{levels_url}{M5}")
    compare = page.get_by_label("Compare M5 with another level")
    expect(compare).to_have_value("M4")
    for _ in range(30):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_RING), page.evaluate("document.activeElement.outerHTML")
        if page.evaluate("document.activeElement.id") == "compare-to":
            break
    else:
        pytest.fail("Tab never reached the level to compare with")
    page.keyboard.press("ArrowDown")
    expect(compare).to_have_value("P3")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Clinical Trials Operations: M5 compared with P3")
    expect(page.locator("h1")).to_be_focused()
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_RING)
        reached.append(page.evaluate("document.activeElement.textContent"))
    assert reached[:5] == [
        "Clinical Trials Operations",
        "Goal frames of M5",
        "Goal frames of P3",
        page.evaluate("document.querySelector('#compare-to').textContent"),
        "Compare",
    ]
    assert reached[5:] == ["Scope", "Multiple functions or a large department",
                           "Complex projects within a function"]  # fmt: skip


@pytest.mark.parametrize("size", SIZES)
def test_the_comparison_has_no_accessibility_violations(
    page: Page, levels_url: str, axe_source: str, size: str
) -> None:
    page.set_viewport_size(SIZES[size])  # type: ignore[arg-type]
    open_comparison(page, levels_url, "M4")
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_two_levels_stand_side_by_side_on_a_desktop_and_stack_on_a_phone(
    page: Page, levels_url: str, size: str
) -> None:
    page.set_viewport_size(SIZES[size])  # type: ignore[arg-type]
    open_comparison(page, levels_url, "M4")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"viewer-compare-clinical-trials-operations-M5-M4-{size}.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    assert page.evaluate(CUT_TEXT, ".compare-form") == []
    scope = page.locator('.compared-row[data-dimension="Scope"]')
    left = scope.locator('.side[data-side="from"]').bounding_box()
    right = scope.locator('.side[data-side="to"]').bounding_box()
    assert left and right
    if size == "desktop":
        assert right["y"] == left["y"] and right["x"] >= left["x"] + left["width"]
    else:
        assert right["y"] >= left["y"] + left["height"] and right["x"] == left["x"]


def test_a_canon_with_one_level_says_there_is_none_to_compare_with(
    page: Page, service_url: str
) -> None:
    page.goto(f"{service_url}{M5}")
    expect(page.locator(".compare-none")).to_have_text(
        "No other level in the canon to compare with."
    )
