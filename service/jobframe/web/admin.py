"""`POST /admin/reload`: reload on demand, for a caller holding the admin token."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..checks import finding_json
from .holder import CanonHolder


def reload_endpoint(
    holder: CanonHolder, token: str | None
) -> Callable[[Request], Awaitable[Response]]:
    """The endpoint; 404 when no token is configured, 401 without the right bearer token."""
    expected = f"Bearer {token}".encode() if token else None

    async def reload(request: Request) -> Response:
        if expected is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        given = request.headers.get("authorization", "").encode()
        if not hmac.compare_digest(given, expected):
            return JSONResponse(
                {"error": "a valid admin bearer token is required"},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="jobframe-admin"'},
            )
        attempt = await holder.reload("admin")
        body = {
            "succeeded": attempt.succeeded,
            "version": holder.current.canon.version,
            "errors": [finding_json(f) for f in attempt.errors],
        }
        return JSONResponse(body, status_code=200 if attempt.succeeded else 422)

    return reload
