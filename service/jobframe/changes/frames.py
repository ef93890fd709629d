"""The frames of a role-level before and after: the page's four "Copy / print as text"
blocks, compared byte for byte, and a unified diff of each one that differs."""

from __future__ import annotations

import difflib
from collections.abc import Collection

from ..canon import RoleLevel
from ..frames import FrameKind, build_frame
from .model import FrameChange


def frame_text(role: RoleLevel | None, kind: FrameKind) -> tuple[str, str]:
    """The frame's title and text; a role-level the canon lacks has an empty text."""
    if role is None:
        return "", ""
    frame = build_frame(role, kind)
    return frame.title, frame.text


def frame_changes(
    old: RoleLevel | None, new: RoleLevel | None, kinds: Collection[FrameKind] = tuple(FrameKind)
) -> tuple[FrameChange, ...]:
    """A diff for each of `kinds` (in page order) whose text differs; none when all match."""
    found = []
    for kind in FrameKind:
        if kind not in kinds:
            continue
        old_title, before = frame_text(old, kind)
        new_title, after = frame_text(new, kind)
        if before == after:
            continue
        title = new_title or old_title
        diff = difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"{title} (old)",
            tofile=f"{title} (new)",
        )
        found.append(FrameChange(kind, "".join(diff)))
    return tuple(found)
