"""axe-core finds no violations, of any impact, on the viewer or a canon node page, at a desktop
size and on a phone; screenshots of both sizes are left in artifacts/ for people."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import ARTIFACTS
from .viewer import SIZES, axe_violations, choose_clinical_trials_operations_m5

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("size", SIZES)
def test_the_viewer_has_no_accessibility_violations(
    page: Page, service_url: str, axe_source: str, size: str
) -> None:
    page.set_viewport_size(SIZES[size])  # type: ignore[arg-type]
    choose_clinical_trials_operations_m5(page, service_url)
    page.locator('.frame[data-kind="SMART"] details summary').click()
    assert axe_violations(page, axe_source) == []


def test_a_canon_node_page_has_no_accessibility_violations(
    page: Page, service_url: str, axe_source: str
) -> None:
    page.goto(f"{service_url}/canon/role/clinical-trials-operations/M5/responsibility/1")
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_show_the_whole_page_without_sideways_scrolling(
    page: Page, service_url: str, size: str
) -> None:
    page.set_viewport_size(SIZES[size])  # type: ignore[arg-type]
    choose_clinical_trials_operations_m5(page, service_url)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"viewer-clinical-trials-operations-M5-{size}.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
