"""The shipped canon renders the reference page's text blocks byte for byte."""

from collections.abc import Callable

import pytest
from click.testing import CliRunner

from jobframe.canon import Canon
from jobframe.cli import main
from jobframe.frames.model import FrameKind
from jobframe.frames.rules import build_frame, build_page
from tests.conftest import SPEC

KINDS = [k.value for k in FrameKind]


@pytest.mark.parametrize("kind", KINDS)
def test_frame_text_equals_golden(canon: Canon, golden: Callable[[str], str], kind: str) -> None:
    role = canon.role_level("Clinical Trials Operations", "M5")
    assert (build_frame(role, FrameKind(kind))).text == golden(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_cli_prints_golden(golden: Callable[[str], str], kind: str) -> None:
    result = CliRunner().invoke(main, ["frame", "Clinical Trials Operations", "M5", "--kind", kind])
    assert result.exit_code == 0, result.output
    assert result.output == golden(kind)


def test_whole_page_holds_every_heading_intro_and_block_of_the_reference(
    canon: Canon, golden: Callable[[str], str]
) -> None:
    reference = (SPEC / "reference-page-clinical-trials-operations-M5.txt").read_text("utf-8")
    page = build_page(canon.role_level("Clinical Trials Operations", "M5"))
    text = page.text
    for line in (page.heading.text, page.breadcrumb.text, page.notice):
        assert f"\n{line}\n" in reference
    for frame in page.frames:
        assert f"\n{frame.title}\n\n{frame.intro}\n" in reference
        block = f"{frame.title}\n\n{frame.intro}\n\n{golden(frame.kind.value)}"
        assert block in text
    assert text.startswith(page.heading.text + "\n\n")
    assert text.endswith(golden("scorecard"))


def test_page_text_opens_with_heading_breadcrumb_and_notice_of_the_reference(
    canon: Canon,
) -> None:
    reference = (SPEC / "reference-page-clinical-trials-operations-M5.txt").read_text("utf-8")
    header = reference.split("\n\nSMART goals\n\n", 1)[0].split("\n\n")[1:]
    assert len(header) == 3 and header[0].startswith("Goal templates — ")
    page = build_page(canon.role_level("Clinical Trials Operations", "M5"))
    assert [page.heading.text, page.breadcrumb.text, page.notice] == header
    assert page.text.startswith("\n\n".join([*header, "SMART goals", ""]))
