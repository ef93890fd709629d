"""Replicas that agree: each one follows the source's version and reloads when it changes.

Every `--sync-interval` seconds a replica reads the source's version cheaply (file digests,
or one aggregate query to a SPARQL endpoint: `sources.SourceProbe`) and reloads when it
differs from the version it last loaded or tried to load. So after an edit and
`POST /admin/reload` on one replica (or on none), every replica serves the new canon within
one interval plus its own reload; a broken edit is tried once per change and refused on
every replica, which all keep the last good canon. Nothing is shared between replicas but
the source: worker processes and replicas on other hosts follow it alike.
"""

from __future__ import annotations

import asyncio
import logging

from ..sources import ProbeError
from .background import in_background, stopped_within
from .holder import CanonHolder
from .served import ReloadTrigger

log = logging.getLogger("jobframe.sync")


async def follow(holder: CanonHolder, interval: float, stop: asyncio.Event) -> None:
    """Poll the source every `interval` seconds until `stop` is set; reload when it changed.

    A failure to read the version (an endpoint down) is logged once until it reads again,
    and so is any other failure while it repeats (one traceback, not one every poll); the
    replica goes on serving and polling.
    """
    failing = False
    unexpected: str | None = None
    while not await stopped_within(stop, interval):
        try:
            version = await in_background(holder.probe.version)
        except ProbeError as error:
            if not failing:
                log.warning("cannot tell whether the canon changed: %s", error)
            failing = True
            continue
        except Exception as error:
            if unexpected != (same := f"{type(error).__name__}: {error}"):
                log.exception("reading the source's version failed")
            unexpected = same
            continue
        if failing or unexpected is not None:
            log.info("the source's version can be read again")
            failing, unexpected = False, None
        if version != holder.seen:
            await holder.reload_or_keep(ReloadTrigger.SYNC, log)
