"""Terminal: nothing JobFrame prints from the canon can move the cursor, clear the screen,
set a title, ring or reorder what follows; each such character is shown as its escape."""

from __future__ import annotations

from hypothesis import given

from jobframe.formats import CONTROLS, Styled, terminal_text

from .texts import EXAMPLES, texts


@EXAMPLES
@given(texts)
def test_terminal_text_holds_no_control_but_tab_and_line_feed(text: str) -> None:
    shown = terminal_text(text)
    assert CONTROLS.search(shown) is None
    assert shown.count("\n") == text.count("\n") and shown.count("\t") == text.count("\t")


@EXAMPLES
@given(texts)
def test_every_control_is_shown_not_dropped(text: str) -> None:
    shown = terminal_text(text)
    assert len(shown) >= len(text)
    if CONTROLS.search(text) is None:
        assert shown == text


@EXAMPLES
@given(texts)
def test_styled_text_carries_only_jobframes_own_styling(text: str) -> None:
    shown = terminal_text(Styled(text, fg="red", bold=True))
    inner = shown.removeprefix("\x1b[31m\x1b[1m").removesuffix("\x1b[0m")
    assert CONTROLS.search(inner) is None
