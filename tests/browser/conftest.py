"""A real `jobframe serve` and Debian's Chromium driven by Playwright, both on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from jobframe.resources import DEFAULT_CANON_DIR
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


MORE_LEVELS = """\
@base <https://jobframe.example/canon/> .
@prefix jf:   <https://jobframe.example/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

<track/P> a jf:Track ; skos:prefLabel "P" ; skos:notation "P" .
<level/M3> a jf:Level ; skos:notation "M3" ; skos:prefLabel "Manager" ;
    jf:track <track/M> ; jf:rank 3 .
<level/M4> a jf:Level ; skos:notation "M4" ; skos:prefLabel "Director" ;
    jf:track <track/M> ; jf:rank 4 .
<level/P3> a jf:Level ; skos:notation "P3" ; skos:prefLabel "Senior Specialist" ;
    jf:track <track/P> ; jf:rank 3 .
<level/M3/scope> a jf:DimensionStatement ; jf:level <level/M3> ;
    jf:dimension <dimension/scope> ; jf:text "A team" .
<level/M4/scope> a jf:DimensionStatement ; jf:level <level/M4> ;
    jf:dimension <dimension/scope> ; jf:text "A department" .
<level/M4/autonomy> a jf:DimensionStatement ; jf:level <level/M4> ;
    jf:dimension <dimension/autonomy> ; jf:text "Owns multi-year strategy for the area" .
<level/M4/leadership> a jf:DimensionStatement ; jf:level <level/M4> ;
    jf:dimension <dimension/leadership> ; jf:text "Leads managers" .
<level/M4/leadership/clinical-trials-operations> a jf:DimensionStatement ;
    jf:level <level/M4> ; jf:dimension <dimension/leadership> ;
    jf:family <family/clinical-trials-operations> ; jf:text "Leads clinical study managers" .
<level/P3/scope> a jf:DimensionStatement ; jf:level <level/P3> ;
    jf:dimension <dimension/scope> ; jf:text "Complex projects within a function" .
<level/P3/impact> a jf:DimensionStatement ; jf:level <level/P3> ;
    jf:dimension <dimension/impact> ; jf:text "Function results" .
"""
"""Levels M3, M4 and P3 beside the shipped M5: some statements shared with M5 word for word,
some different, most dimensions missing, and a Clinical Trials Operations statement at M4."""

SHARED_RESPONSIBILITY = (
    "Leads all operational aspects of cross-functional clinical programs including strategic "
    "planning and delegation across the program portfolio"
)
"""Clinical Trials Operations' responsibility 2 at M5, word for word."""

MORE_ROLE_LEVELS = f"""\
@base <https://jobframe.example/canon/> .
@prefix jf:   <https://jobframe.example/ontology#> .

<role/clinical-trials-operations/M4> a jf:RoleLevel ;
    jf:family <family/clinical-trials-operations> ; jf:level <level/M4> .
<role/clinical-trials-operations/M4/responsibility/1> a jf:Responsibility ;
    jf:roleLevel <role/clinical-trials-operations/M4> ; jf:order 1 ; jf:source <source/jfm> ;
    jf:text "{SHARED_RESPONSIBILITY}" .
<role/clinical-trials-operations/M4/responsibility/2> a jf:Responsibility ;
    jf:roleLevel <role/clinical-trials-operations/M4> ; jf:order 2 ; jf:source <source/jfm> ;
    jf:text "Manages a study budget and its vendors" .
<role/clinical-trials-operations/M4/rubric/complexity-problem-solving> a jf:RubricEntry ;
    jf:roleLevel <role/clinical-trials-operations/M4> ;
    jf:rubricDimension jf:ComplexityProblemSolving ; jf:source <source/jfm> ;
    jf:text "Solves department-wide operational issues." .

<role/clinical-trials-operations/P3> a jf:RoleLevel ;
    jf:family <family/clinical-trials-operations> ; jf:level <level/P3> .
<role/clinical-trials-operations/P3/responsibility/1> a jf:Responsibility ;
    jf:roleLevel <role/clinical-trials-operations/P3> ; jf:order 1 ; jf:source <source/jfm> ;
    jf:text "Runs the monitoring plan of a study" .
"""
"""Clinical Trials Operations at M4 (one responsibility word for word as at M5, one of its
own, one rubric entry) and at P3 (one responsibility, no rubric entry); none at M3."""


def write_levels_canon(folder: Path) -> Path:
    """The shipped canon with levels M3, M4 and P3 and role-levels at M4 and P3."""
    shutil.copytree(DEFAULT_CANON_DIR, folder)
    (folder / "more-levels.ttl").write_text(MORE_LEVELS, "utf-8")
    (folder / "role-levels" / "more.ttl").write_text(MORE_ROLE_LEVELS, "utf-8")
    return folder


@pytest.fixture(scope="package")
def levels_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`jobframe serve` on the shipped canon plus the levels to compare M5 with."""
    folder = write_levels_canon(tmp_path_factory.mktemp("levels") / "canon")
    with jobframe_serve(folder.parent / "serve.log", "--canon", str(folder)) as url:
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
