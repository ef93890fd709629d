"""`POST /admin/reload`: reload on demand, for a caller holding the admin token.

The right token always works: it is compared, in constant time, before any throttle
decision, so wrong tokens sent from the admin's own address (a shared proxy, a NAT) cannot
lock the admin out. Wrong tokens are throttled per address (429 with `Retry-After`), in a
table bounded in addresses. Guessing is bounded by the token's length, not by the throttle:
a guess is compared whatever the throttle says.
"""

from __future__ import annotations

import hmac
import math
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..changes import counts_json
from ..findings import finding_json
from ..loading import CanonHolder, ReloadTrigger
from .request_scope import pin_served

FAILURES_ALLOWED = 5
"""Wrong tokens a client may send per window before its wrong tokens get 429, not 401."""
FAILURE_WINDOW_SECONDS = 60.0
CLIENTS_TRACKED = 1024
"""Clients whose recent failures are remembered; the oldest is forgotten beyond this."""


class FailedAttempts:
    """Recent wrong-token attempts per client address, bounded in clients and in time."""

    def __init__(self) -> None:
        self._times: OrderedDict[str, deque[float]] = OrderedDict()

    def blocked(self, client: str, now: float) -> float | None:
        """Seconds until the client may try again, or None when it may try now."""
        times = self._times.get(client)
        while times and now - times[0] > FAILURE_WINDOW_SECONDS:
            times.popleft()
        if times is None or len(times) < FAILURES_ALLOWED:
            return None
        return FAILURE_WINDOW_SECONDS - (now - times[0])

    def add(self, client: str, now: float) -> None:
        times = self._times.pop(client, None) or deque(maxlen=FAILURES_ALLOWED)
        times.append(now)
        self._times[client] = times
        while len(self._times) > CLIENTS_TRACKED:
            self._times.popitem(last=False)

    def __len__(self) -> int:
        return len(self._times)


def bearer_token(header: str) -> str | None:
    """The credentials of an `Authorization: Bearer …` header; the scheme is case-insensitive."""
    scheme, _, credentials = header.strip().partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" and credentials.strip() else None


def reload_handler(
    holder: CanonHolder, token: str | None
) -> Callable[[Request], Awaitable[Response]]:
    """`POST /admin/reload`; 404 when no token is configured, 401 for a wrong or missing bearer
    token, 429 for one after too many wrong ones from the same client; the right token
    reloads, whatever came before it."""
    expected = token.encode() if token else None
    failures = FailedAttempts()

    async def reload(request: Request) -> Response:
        if expected is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        given = bearer_token(request.headers.get("authorization", "")) or ""
        if not hmac.compare_digest(given.encode(), expected):
            client = request.client.host if request.client else "unknown"
            now = time.monotonic()
            wait = failures.blocked(client, now)
            if wait is not None:
                return JSONResponse(
                    {"error": "too many wrong admin tokens; try again later"},
                    status_code=429,
                    headers={"Retry-After": str(max(1, math.ceil(wait)))},
                )
            failures.add(client, now)
            return JSONResponse(
                {"error": "a valid admin bearer token is required"},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="jobframe-admin"'},
            )
        attempt = await holder.reload(ReloadTrigger.ADMIN)
        served = holder.current
        pin_served(request.scope, served)  # the version header names what it serves now
        # Already served: what the reload that brought this version (a sync's) changed.
        brought = served.last_reload if attempt.already_served else attempt
        body = {
            "succeeded": attempt.succeeded,
            "version": served.canon.version,
            "errors": [finding_json(f) for f in attempt.errors],
            "changes": counts_json(brought.changes) if brought.changes is not None else None,
            "alreadyServed": attempt.already_served,
            "reloadedBy": brought.trigger,
        }
        return JSONResponse(body, status_code=200 if attempt.succeeded else 422)

    return reload
