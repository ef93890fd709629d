"""The one way tests build the service in process: the app on a snapshot or a holder."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from jobframe.loading import CanonHolder, Served
from jobframe.resources import DEFAULT_CANON_DIR
from jobframe.settings import Settings
from jobframe.web.app import create_app


def client_of(
    canon: Served | CanonHolder, *, raise_server_exceptions: bool = True, **settings: Any
) -> TestClient:
    """A test client of the app serving `canon` (a snapshot of the shipped canon, or a
    holder), with any settings (`Settings` field names) changed from their defaults."""
    holder = canon if isinstance(canon, CanonHolder) else CanonHolder(DEFAULT_CANON_DIR, canon)
    app = create_app(holder, Settings(**settings))
    return TestClient(app, raise_server_exceptions=raise_server_exceptions)
