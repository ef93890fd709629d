"""A replica following its source logs a repeated failure once, not once a poll: a store
that keeps answering something unreadable must not flood the log (outside attack: five
tracebacks of 1.6 KB in 10 s on every replica)."""

from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path

import pytest

from jobframe.loading import CanonHolder, follow
from tests.checks.corpus import BASE
from tests.conftest import serve_folder


class Failing:
    """A probe that fails `times` times in a way no probe error names, then reads."""

    def __init__(self, times: int, version: str) -> None:
        self.left, self.answer = times, version

    def version(self) -> str:
        self.left -= 1
        if self.left >= 0:
            raise RuntimeError("sequence item 0: expected str instance, dict found")
        return self.answer


def test_a_repeated_unexpected_failure_is_logged_once_until_the_version_reads_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    holder = CanonHolder(folder, serve_folder(folder))
    holder.probe = Failing(8, holder.seen or "")  # type: ignore[assignment]

    async def run() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(follow(holder, 0.01, stop))
        while holder.probe.left >= -2:  # type: ignore[attr-defined]
            await asyncio.sleep(0.01)
        stop.set()
        await task

    with caplog.at_level(logging.INFO, logger="jobframe.sync"):
        asyncio.run(run())
    messages = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert messages.count(("ERROR", "reading the source's version failed")) == 1, messages
    assert ("INFO", "the source's version can be read again") in messages
