"""`jobframe serve --watch`: reload the canon when one of its Turtle files changes."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from watchfiles import Change, awatch

from .holder import CanonHolder

log = logging.getLogger("jobframe.watch")


def _is_turtle(change: Change, path: str) -> bool:
    return path.endswith(".ttl")


async def watch(holder: CanonHolder, stop: asyncio.Event) -> None:
    """Reload after each batch of changes until `stop` is set."""
    folder = holder.source
    if not isinstance(folder, Path):
        raise ValueError("--watch needs a canon folder; reload an endpoint with /admin/reload")
    log.info("watching %s for canon changes", folder)
    async for _ in awatch(folder, watch_filter=_is_turtle, stop_event=stop):
        await holder.reload("watch")
