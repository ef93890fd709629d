"""Driving the viewer the way a reader does, and reading back what it shows."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

FRAMES = {"SMART": "smart", "OKR": "okr", "MBO": "mbo", "SCORECARD": "scorecard"}
"""Frame kinds as the viewer marks them, with the golden file of each."""

ROWS_SHOWN = """kind => [...document.querySelectorAll(`.frame[data-kind="${kind}"] .row`)]
.map(row => ({
  section: row.closest(".section").dataset.section || null,
  number: Number(row.dataset.number),
  heading: row.querySelector('.line[data-field="heading"]').textContent,
  tag: row.querySelector(".source-tag")?.textContent ?? null,
  fields: Object.fromEntries([...row.querySelectorAll('.line:not([data-field="heading"])')]
    .map(line => [line.dataset.field, line.textContent])),
}))"""


def choose_role_level(page: Page, service_url: str, search: str, option: str) -> None:
    """Open the viewer, search, pick the option and show its frames."""
    page.goto(f"{service_url}/")
    page.get_by_label("Find a role").fill(search)
    picker = page.get_by_label("Function · family · level")
    picker.locator("option", has_text=option).wait_for(state="attached")
    picker.select_option(label=option)
    page.get_by_role("button", name="Show frames").click()
    page.locator('.frame[data-kind="SCORECARD"]').wait_for()


def choose_clinical_trials_operations_m5(page: Page, service_url: str) -> None:
    choose_role_level(
        page, service_url, "clinical m5", "Clinical Trials Operations · M5 — Senior Director"
    )


def rows_shown(page: Page, kind: str) -> list[dict[str, Any]]:
    """Each row of a frame as shown: section, number, heading, source tag and field lines."""
    rows: list[dict[str, Any]] = page.evaluate(ROWS_SHOWN, kind)
    return rows
