"""Running the app under uvicorn, in one process or N worker processes.

Workers are separate processes started by uvicorn, each loading and checking the canon
itself: they share nothing but the canon files, so every replica answers the same (the
canon version in the ETag shows which canon answered). Settings reach workers through the
environment (`Settings.to_env`), as they would reach replicas behind any load balancer.
Shutdown is bounded: SIGTERM gives requests in flight `--shutdown-seconds`, then cancels
them; reloads and source reads run in daemon threads (`loading/background.py`) that exit abandons.
"""

from __future__ import annotations

import gc
import os
import sys

import uvicorn
from starlette.applications import Starlette

from ..loading import CanonHolder, Served, ShrinkPolicy, first_load
from ..settings import Settings
from .app import create_app
from .observability import configure_logging
from .slow_clients import http_protocol

WORKER_APP = f"{__name__}:worker_app"
"""uvicorn's import string for the worker factory, from this module's own name."""
SWITCH_INTERVAL = 0.001
"""Seconds a thread holds the GIL while others wait (Python's default: 0.005). Operations run
in worker threads; shorter turns let the event loop and cheap queries in sooner while a
costly one runs (`bench/hostile.py` measures both)."""


GC_THRESHOLDS = (10_000, 20, 20)
"""Allocations between young collections, and collections of each generation before the
next older one is collected (Python's defaults: 700, 10, 10). Costly work allocates
millions of short-lived objects: at the defaults, each full collection walked whatever it
was building, and stalled every request, up to 204 ms during a level's HTML page on 1,000
role-levels (165 ms during 20 aliased goal pages); at these, the longest was 83 ms and a
level's page took 28 ms instead of 44. Set for serving only: the CLI and the Python API
leave the embedding program's interpreter as it is."""


def _share_the_interpreter() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.set_threshold(*GC_THRESHOLDS)


# Who a request comes from (the admin throttle, the logs) is the socket's peer: uvicorn would
# take it from X-Forwarded-For whenever the peer is 127.0.0.1, so any local client, or a proxy
# passing the header on, could forge it and guess admin tokens without limit.


def run(settings: Settings, served: Served) -> None:
    """Serve until stopped: this process's app, or N workers that load the canon themselves."""
    _share_the_interpreter()
    options = {
        "host": settings.host,
        "port": settings.port,
        "http": http_protocol(settings),
        "log_level": "info",
        "access_log": False,
        "timeout_graceful_shutdown": settings.shutdown_seconds,
        "proxy_headers": False,  # the socket's peer, never X-Forwarded-For (above)
    }
    if settings.workers == 1:
        holder = CanonHolder(settings.canon, served, ShrinkPolicy.of(settings))
        uvicorn.run(create_app(holder, settings), **options)  # type: ignore[arg-type]
        return
    os.environ.update(settings.to_env())
    uvicorn.run(WORKER_APP, factory=True, workers=settings.workers, **options)  # type: ignore[arg-type]


def worker_app() -> Starlette:
    """uvicorn's app factory in each worker process."""
    configure_logging()
    _share_the_interpreter()
    settings = Settings.from_env()
    policy = ShrinkPolicy.of(settings)
    served = first_load(settings.canon, settings.reload_state_mb * 2**20, policy)
    if not isinstance(served, Served):
        raise SystemExit(f"jobframe worker: the canon in {settings.canon} has errors")
    return create_app(CanonHolder(settings.canon, served, policy), settings)
