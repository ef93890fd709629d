"""`jobframe serve --watch`: reload the canon when one of its Turtle files changes.

Nothing in the canon folder may stop the watcher: a reload that fails is logged and the
watcher goes on; when watching itself fails (watchfiles cannot name a file that is not
UTF-8, a directory loop, a permission error), it is logged, and after a pause watching starts
again; once it is set up, the canon is reloaded, since changes may have been missed meanwhile.
The folder is followed at its path, not as the directory first watched: when another folder
is renamed into its place, watching starts again on it, and it is reloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from pathlib import Path

from watchfiles import Change, awatch

from .background import stopped_within
from .holder import CanonHolder
from .served import ReloadTrigger

log = logging.getLogger("jobframe.watch")

RESTART_PAUSE = 1.0
"""Seconds before watching again after it failed; doubled after each failure in a row up to
MAX_RESTART_PAUSE, so a folder that always fails (a directory name that is not UTF-8)
costs a reload and a log entry a minute, not a busy loop."""
MAX_RESTART_PAUSE = 60.0
WATCHING_TICK_MS = 500
"""How long watchfiles waits for changes before answering "none": the first such answer
after a restart tells that watching is set up again."""


def _is_turtle(change: Change, path: str) -> bool:
    return path.endswith(".ttl")


async def watch(holder: CanonHolder, stop: asyncio.Event) -> None:
    """Reload after each batch of changes until `stop` is set, whatever the folder holds."""
    folder = holder.source
    if not isinstance(folder, Path):
        raise ValueError("--watch needs a canon folder; reload an endpoint with /admin/reload")
    log.info("watching %s for canon changes", folder)
    why = "the service is stopping"
    try:
        await _watch_until_stopped(folder, holder, stop)
    except BaseException as error:
        why = f"{type(error).__name__} {error}".strip()
        raise
    finally:
        log.info("stopped watching %s: %s", folder, why)


def _identity(folder: Path) -> tuple[int, int] | None:
    """The folder the path names now (device and inode), None while nothing is there."""
    try:
        found = os.stat(folder)
    except OSError:
        return None
    return found.st_dev, found.st_ino


async def _watch_until_stopped(folder: Path, holder: CanonHolder, stop: asyncio.Event) -> None:
    pause = RESTART_PAUSE
    catch_up = False
    while not stop.is_set():
        watched = _identity(folder)
        try:
            batches = awatch(
                folder,
                watch_filter=_is_turtle,
                stop_event=stop,
                yield_on_timeout=True,
                rust_timeout=WATCHING_TICK_MS,
            )
            async with contextlib.aclosing(batches):
                async for changes in batches:
                    if changes or catch_up:
                        # After a restart, the first answer (changes or none) means the
                        # watcher is set up: what changed since the last reload is read now.
                        catch_up = False
                        await holder.reload_or_keep(ReloadTrigger.WATCH, log)
                    if changes:
                        pause = RESTART_PAUSE
                    if _replaced(folder, watched):
                        catch_up = True
                        break
        except Exception:
            log.exception("watching %s failed; watching again in %g s", folder, pause)
            stopped = await stopped_within(stop, pause)
            pause = min(pause * 2, MAX_RESTART_PAUSE)
            if not stopped:  # a folder that can never be watched is still read
                await holder.reload_or_keep(ReloadTrigger.WATCH, log)
                catch_up = True


def _replaced(folder: Path, watched: tuple[int, int] | None) -> bool:
    """Whether another folder now stands at the path (`mv new canon`): the operating system
    watches the folder it was given, wherever it moves, so the new one is watched afresh.
    Checked at every answer, at least every WATCHING_TICK_MS; none while the path is empty."""
    now = _identity(folder)
    if now is None or now == watched:
        return False
    log.info("%s is another folder now; watching it there", folder)
    return True
