"""Driving the viewer the way a reader does, and reading back what it shows."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page

SIZES = {"desktop": {"width": 1280, "height": 900}, "narrow": {"width": 375, "height": 740}}
"""The widths every page is checked and photographed at: a desktop and a phone."""

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


CUT_TEXT = """selector => {
  const ctx = document.createElement("canvas").getContext("2d");
  const width = (text, e) => {
    const s = getComputedStyle(e);
    ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    return ctx.measureText(text).width;
  };
  const room = e => {
    const s = getComputedStyle(e);
    return e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  };
  const cut = [];
  for (const e of document.querySelector(selector).querySelectorAll("*")) {
    const name = e.id || e.className || e.tagName;
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
      cut.push(`${name}: overflows`);
    if (getComputedStyle(e).textOverflow === "ellipsis") cut.push(`${name}: ellipsis`);
    const shown = e.matches("select") ? e.selectedOptions[0]?.text
      : e.matches("input[type=search], input[type=text]") ? e.value || e.placeholder : null;
    const arrow = e.matches("select") ? 24 : 0;
    if (shown && width(shown, e) > room(e) - arrow) cut.push(`${name}: ${shown}`);
  }
  return cut;
}"""
"""Every control or box under `selector` whose text does not fit in it: a select's chosen
option or an input's text or placeholder wider than the box, or content scrolled or clipped."""


def choices(page: Page) -> Locator:
    """The role-levels the picker offers, as radio buttons named by their whole name."""
    return page.get_by_role("group", name="Function · family · level").get_by_role("radio")


def choose_role_level(page: Page, service_url: str, search: str, option: str) -> None:
    """Open the viewer, search, pick the option (by its whole name) and show its frames."""
    page.goto(f"{service_url}/")
    page.get_by_label("Find a role").fill(search)
    picker = page.get_by_role("group", name="Function · family · level")
    picker.get_by_role("radio", name=option, exact=True).check()
    page.get_by_role("button", name="Show frames").click()
    page.locator('.frame[data-kind="SCORECARD"]').wait_for()


def choose_clinical_trials_operations_m5(page: Page, service_url: str) -> None:
    choose_role_level(
        page,
        service_url,
        "clinical m5",
        "Clinical Trials Operations · Clinical Trials Operations · M5 — Senior Director",
    )


def axe_violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's findings on the page, of any impact, as `rule: target (help)` lines.

    axe is served as a script of the page's own origin (the route answers it, not the
    service), since the page's Content-Security-Policy refuses inline scripts: the test
    keeps that policy in force instead of bypassing it."""
    origin = "/".join(page.url.split("/")[:3])
    page.route(
        f"{origin}/axe-under-test.js",
        lambda route: route.fulfill(body=axe_source, content_type="text/javascript"),
    )
    page.add_script_tag(url=f"{origin}/axe-under-test.js")
    result: dict[str, Any] = page.evaluate("axe.run(document)")
    return [
        f"{violation['id']}: {node['target']} ({violation['help']})"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


FOCUS_RING = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
}"""
"""Whether the focused element shows a focus ring."""


def rows_shown(page: Page, kind: str) -> list[dict[str, Any]]:
    """Each row of a frame as shown: section, number, heading, source tag and field lines."""
    rows: list[dict[str, Any]] = page.evaluate(ROWS_SHOWN, kind)
    return rows


COMPARED_ROWS = """part => [...document.querySelectorAll(
  `[aria-labelledby="compared-${part}"] .compared-row`)].map(row => [
  row.querySelector("h3").textContent,
  ...["from", "to"].map(side =>
    row.querySelector(`.side[data-side="${side}"] .compared-text a`)?.textContent ?? null),
  [...row.querySelectorAll(".mark")].map(mark => mark.textContent),
])"""


def rows_compared(page: Page, part: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    """Each row of a comparison part (`dimensions` or `rubric`): its dimension, the `from` and
    `to` texts (None where missing) and the marks shown, in order."""
    rows: list[list[Any]] = page.evaluate(COMPARED_ROWS, part)
    return [(row[0], row[1], row[2], row[3]) for row in rows]


def responsibilities_compared(page: Page, side: str) -> list[tuple[str, str]]:
    """One side's responsibilities as (text, mark) pairs."""
    items: list[list[str]] = page.evaluate(
        """side => [...document.querySelectorAll(
          `[aria-labelledby="compared-responsibilities"] .side[data-side="${side}"] li`)]
          .map(li => [li.querySelector("a").textContent, li.querySelector(".mark").textContent])""",
        side,
    )
    return [(text, mark) for text, mark in items]
