"""axe-core finds no serious or critical violations on the viewer or a canon node page, at a
desktop size and on a phone; screenshots of both sizes are left in artifacts/ for people."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from .conftest import ARTIFACTS
from .viewer import choose_clinical_trials_operations_m5

SIZES = {"desktop": {"width": 1280, "height": 900}, "narrow": {"width": 375, "height": 740}}


def serious_violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's serious and critical findings, as `rule: target` lines."""
    page.add_script_tag(content=axe_source)
    result: dict[str, Any] = page.evaluate("axe.run(document)")
    return [
        f"{violation['id']}: {node['target']} ({violation['help']})"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("size", SIZES)
def test_the_viewer_has_no_serious_accessibility_violations(
    page: Page, service_url: str, axe_source: str, size: str
) -> None:
    page.set_viewport_size(SIZES[size])  # type: ignore[arg-type]
    choose_clinical_trials_operations_m5(page, service_url)
    page.locator('.frame[data-kind="SMART"] details summary').click()
    assert serious_violations(page, axe_source) == []


def test_a_canon_node_page_has_no_serious_accessibility_violations(
    page: Page, service_url: str, axe_source: str
) -> None:
    page.goto(f"{service_url}/canon/role/clinical-trials-operations/M5/responsibility/1")
    assert serious_violations(page, axe_source) == []


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
