"""Blocking work of reloads and syncs, off the event loop, in threads that never hold exit;
and the one pause of the loops that trigger reloads (`watcher.py`, `follower.py`).

A reload may wait on its source as long as the source's bound allows (`--sparql-seconds`,
120 s by default). `asyncio.to_thread` would run it in the loop's default executor, whose
threads the end of `asyncio.run` and the interpreter's exit both wait for, so SIGTERM waited
for the read. Here each call runs in a daemon thread of its own: when the service stops, the
call is abandoned (its result is not used, and it holds nothing anyone else waits on) and
the process exits within `--shutdown-seconds` (`web/workers.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def in_background(work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`work(*args, **kwargs)` in a daemon thread; its result or exception, awaited.
    Cancelling the wait abandons the thread, which finishes (or not) on its own."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():
            return  # the wait was cancelled: nobody wants it any more
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result, error = work(*args, **kwargs), None
        except BaseException as raised:
            result, error = None, raised
        with contextlib.suppress(RuntimeError):  # the loop is closed: the service stopped
            loop.call_soon_threadsafe(settle, result, error)

    name = f"jobframe {getattr(work, '__name__', 'background work')}"
    threading.Thread(target=run, name=name, daemon=True).start()
    return await done


async def stopped_within(stop: asyncio.Event, seconds: float) -> bool:
    """Wait `seconds`, or less if `stop` is set meanwhile; whether it is set."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
    return stop.is_set()
