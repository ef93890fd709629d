"""Nothing the CLI prints can move a terminal's cursor, clear its screen or rewrite a line:
canon text, paths and revisions reach `check`, `diff`, `frame`, `compare` and the serve
banner with their control characters shown escaped (`\\u001b`, `\\r`); only the styling
JobFrame adds (colours, bold) is written as escape sequences."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from jobframe.canon import Canon, compile_canon
from jobframe.changes import (
    Change,
    ChangeReport,
    Counts,
    FieldChange,
    FrameChange,
    NodeChange,
    RoleLevelChange,
    as_text,
)
from jobframe.cli import main
from jobframe.cli.compare import comparison_text
from jobframe.frames import FrameKind, build_page, compare_levels
from jobframe.resources import VOCABULARY_FILE
from jobframe.sources import TripleIndex, read_turtle
from tests.conftest import ARCHITECTURE, dimensions, role_level, write_canon
from tests.servers import jobframe_serve

HOSTILE = "Ops\x1b[2J\x1b]0;owned\x07\r\x9b31m"
"""Clears the screen, retitles the window (OSC, BEL), returns the carriage, a C1 CSI."""
_OURS = re.compile(r"\x1b\[[0-9;]*m")
"""The styling JobFrame writes: SGR sequences, colours and bold."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def raw_controls(output: str) -> list[str]:
    """The control characters printed as they are, once JobFrame's own styling is removed."""
    return _CONTROL.findall(_OURS.sub("", output))


def canon_in(folder: Path) -> Path:
    return write_canon(folder, ARCHITECTURE, dimensions("Scope"), role_level(2))


def test_check_shows_a_hostile_folder_name_and_label_escaped(tmp_path: Path) -> None:
    folder = canon_in(tmp_path / f"canon{HOSTILE}")
    shown = CliRunner().invoke(main, ["check", "--canon", str(folder)], color=True)
    assert shown.exit_code == 0, shown.output
    assert raw_controls(shown.output) == []
    assert "\\u001b[2J" in shown.output and "\\r" in shown.output
    (folder / "label.ttl").write_text(
        (folder / "part0.ttl")
        .read_text("utf-8")
        .replace('"Operations"', f'"{HOSTILE!s}"'.replace("\r", "\\r")),
        "utf-8",
    )
    (folder / "part0.ttl").unlink()
    refused = CliRunner().invoke(main, ["check", "--canon", str(folder)], color=True)
    assert refused.exit_code == 1
    assert raw_controls(refused.output) == []


def test_diff_text_shows_hostile_sources_and_labels_escaped(tmp_path: Path) -> None:
    old = canon_in(tmp_path / f"old{HOSTILE}")
    new = Path(shutil.copytree(old, tmp_path / f"new{HOSTILE}"))
    edited = (new / "part2.ttl").read_text("utf-8").replace("Responsibility 1", "Run it")
    (new / "part2.ttl").write_text(edited, "utf-8")
    shown = CliRunner().invoke(main, ["diff", str(old), str(new), "--color", "always"])
    assert shown.exit_code == 1, shown.output
    assert raw_controls(shown.output) == []
    assert "\x1b[" in shown.output, "JobFrame's own colours are still written"
    field = FieldChange("label", HOSTILE, HOSTILE + "!")
    frames = (
        FrameChange(FrameKind.SMART, f"--- a\n+++ b\n@@ -1 +1 @@\n-{HOSTILE}\n+{HOSTILE}!\n"),
    )
    role = RoleLevelChange("https://x.example/r", HOSTILE, Change.CHANGED, frames)
    node = NodeChange("https://x.example/f", "JobFamily", HOSTILE, Change.CHANGED, (field,))
    report = ChangeReport("v1", "v2", "en", Counts(changed=1), (node,), (role,), 1)
    text = as_text(report, HOSTILE, HOSTILE)
    assert raw_controls(text) == []
    assert text.count("\\u001b[2J") == 8, (
        "both sources, the node, its two values, the role-level, two diff lines"
    )


def _unchecked(folder: Path) -> Canon:
    """A canon compiled without its check: what a writer would meet if a check were skipped."""
    store, _, _ = read_turtle([VOCABULARY_FILE, *sorted(folder.glob("*.ttl"))])
    return compile_canon(TripleIndex(store), "v")


def test_frame_and_compare_text_show_hostile_canon_text_escaped(tmp_path: Path) -> None:
    folder = canon_in(tmp_path / "canon")
    part = folder / "part2.ttl"
    part.write_text(
        part.read_text("utf-8").replace("Responsibility 1", HOSTILE.replace("\r", "\\r")), "utf-8"
    )
    canon = _unchecked(folder)
    found = compare_levels(canon, "Field Operations", "P3", "P3")
    for width in (80, 140):
        assert raw_controls(comparison_text(found, width)) == []
    page = build_page(canon.role_level("Field Operations", "P3"))
    assert "\x1b" in page.text, "the page itself is canon text; the CLI escapes it"


def test_the_serve_banner_shows_a_hostile_canon_path_escaped(tmp_path: Path) -> None:
    folder = canon_in(tmp_path / f"canon{HOSTILE}")
    log = tmp_path / "serve.log"
    with jobframe_serve(log, "--canon", str(folder)):
        pass
    banner = log.read_bytes().decode("utf-8", "replace")
    assert "serving" in banner
    assert raw_controls(banner) == []
