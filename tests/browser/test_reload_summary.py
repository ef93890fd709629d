"""The viewer says what the service's last reload changed: nothing before any reload, then "The
canon changed: 1 role-level updated", which opens (by keyboard too) on the role-levels whose
frames changed, each a link to its frames."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from playwright.sync_api import Page, expect

from jobframe.resources import DEFAULT_CANON_DIR
from tests.servers import jobframe_serve

from .viewer import FOCUS_RING, axe_violations

TOKEN = "browser-test-token"
M5 = "/?family=Clinical+Trials+Operations&level=M5"


@pytest.fixture
def reloadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """`jobframe serve` on a copy of the shipped canon that the test may edit and reload."""
    folder = shutil.copytree(DEFAULT_CANON_DIR, tmp_path / "canon")
    monkeypatch.setenv("JOBFRAME_ADMIN_TOKEN", TOKEN)
    with jobframe_serve(tmp_path / "serve.log", "--canon", str(folder)) as url:
        yield url, folder


def edit_and_reload(url: str, file: Path, old: str, new: str) -> None:
    file.write_text(file.read_text("utf-8").replace(old, new), "utf-8")
    answer = httpx2.post(f"{url}/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200 and answer.json()["succeeded"], answer.text


def test_before_any_reload_the_page_says_nothing_of_changes(
    page: Page, reloadable: tuple[str, Path]
) -> None:
    url, _ = reloadable
    page.goto(f"{url}{M5}")
    page.locator('.frame[data-kind="SCORECARD"]').wait_for()
    expect(page.locator("#canon-changes")).to_be_hidden()


def test_after_a_reload_the_page_lists_the_role_levels_whose_frames_changed(
    page: Page, reloadable: tuple[str, Path], axe_source: str
) -> None:
    url, canon = reloadable
    new = "Leads directors, managers and their teams"
    edit_and_reload(url, canon / "levels.ttl", "Leads directors and managers", new)
    page.goto(f"{url}/")
    changes = page.get_by_role("complementary", name="What the last reload changed")
    summary = changes.locator("summary")
    expect(summary).to_have_text("The canon changed: 1 role-level updated")
    summary.focus()
    page.keyboard.press("Enter")
    expect(changes.locator("p")).to_contain_text("(admin). Canon nodes: 1 changed.")
    expect(changes.locator("li")).to_have_text(
        "Clinical Trials Operations — M5: frames changed: SCORECARD"
    )
    role = changes.get_by_role("link", name="Clinical Trials Operations — M5")
    expect(role).to_have_attribute("href", "?family=Clinical+Trials+Operations&level=M5")
    assert axe_violations(page, axe_source) == []
    frame = changes.get_by_role("link", name="SCORECARD")
    frame.focus()
    assert page.evaluate(FOCUS_RING)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{M5}#frame-scorecard")
    expect(page.locator('.frame[data-kind="SCORECARD"]')).to_contain_text(new)
