"""A real `jobframe serve` and Debian's Chromium driven by Playwright, both on 127.0.0.1."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.servers import jobframe_serve

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("JOBFRAME_CHROMIUM", "/usr/bin/chromium"))
"""Debian's `chromium` package; Playwright's own browser download is not used."""
ARTIFACTS = Path(os.environ.get("JOBFRAME_ARTIFACTS", ROOT / "artifacts"))
"""Screenshots the browser tests leave behind for people to look at."""
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="package")
def service_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with jobframe_serve(tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    """Package-scoped: Playwright's sync API keeps an event loop running in this thread, and
    the other tests' `asyncio.run()` must not meet it."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `apt-get install chromium` (see README)")
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser, service_url: str) -> Iterator[Page]:
    """A fresh browser context, at a desktop size, that may use the clipboard."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def requested(page: Page) -> list[str]:
    """Every URL the page asks for, in order."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.fixture(scope="package")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core missing at {AXE}: run `npm ci` at the repository root")
    return AXE.read_text("utf-8")
