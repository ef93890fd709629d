"""The one root of the errors JobFrame raises to its callers: `except JobFrameError` catches
any of them, and each keeps the built-in base that says what went wrong (`NotFound` is still
a `LookupError`, `OutputRefused` a `FileExistsError`)."""

from __future__ import annotations


class JobFrameError(Exception):
    """Anything JobFrame refuses or cannot do, raised to a caller of its API or commands."""
