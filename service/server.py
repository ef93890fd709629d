"""Running the app under uvicorn, in one process or N worker processes.

Workers are separate processes started by uvicorn, each loading and checking the canon
itself: they share nothing but the canon files, so every replica answers the same (the
canon version in the ETag shows which canon answered). Settings reach workers through the
environment, as they would reach replicas behind any load balancer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from starlette.applications import Starlette

from .app import create_app
from .checking import CanonSource, parse_source
from .dereference import DEFAULT_IRI_BASE
from .limits import Limits
from .observability import configure_logging
from .serving import CanonHolder, Served, first_load


@dataclass(frozen=True, slots=True)
class Settings:
    """What `jobframe serve` was asked for, as environment variables for workers."""

    canon: CanonSource
    watch: bool
    cache_control: str
    response_cache_mb: int
    limits: Limits
    iri_base: str = DEFAULT_IRI_BASE

    def to_env(self) -> dict[str, str]:
        return {
            "JOBFRAME_IRI_BASE": self.iri_base,
            "JOBFRAME_CANON": str(self.canon),
            "JOBFRAME_WATCH": "1" if self.watch else "",
            "JOBFRAME_CACHE_CONTROL": self.cache_control,
            "JOBFRAME_RESPONSE_CACHE_MB": str(self.response_cache_mb),
            **self.limits.to_env(),
        }

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            canon=parse_source(os.environ["JOBFRAME_CANON"]),
            watch=bool(os.environ.get("JOBFRAME_WATCH")),
            cache_control=os.environ.get("JOBFRAME_CACHE_CONTROL", "no-cache"),
            response_cache_mb=int(os.environ.get("JOBFRAME_RESPONSE_CACHE_MB", "64")),
            limits=Limits.from_env(),
            iri_base=os.environ.get("JOBFRAME_IRI_BASE", DEFAULT_IRI_BASE),
        )


def build_app(settings: Settings, served: Served) -> Starlette:
    return create_app(
        CanonHolder(settings.canon, served),
        admin_token=os.environ.get("JOBFRAME_ADMIN_TOKEN") or None,
        watch_files=settings.watch,
        cache_control=settings.cache_control,
        response_cache_bytes=settings.response_cache_mb * 2**20,
        limits=settings.limits,
        iri_base=settings.iri_base,
    )


def worker_app() -> Starlette:
    """uvicorn's app factory in each worker process."""
    configure_logging()
    settings = Settings.from_env()
    served = first_load(settings.canon)
    if not isinstance(served, Served):
        raise SystemExit(f"jobframe worker: the canon in {settings.canon} has errors")
    return build_app(settings, served)
