"""A request still running when the shutdown grace ends is answered 503, not 500.

After `--shutdown-seconds` uvicorn cancels every request task left (an admin reload waiting
on a slow source, say). The cancellation reached uvicorn as "Exception in ASGI application"
with a traceback and a 500, as if the service had failed; a replica going away should tell
its client to retry elsewhere, and log one line.
"""

from __future__ import annotations

import asyncio

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STOPPING = {"error": "the service is stopping; retry the request"}


class AnswerWhenStopping:
    """503 with `Retry-After` and `Connection: close` for a request cancelled before its
    answer started; one cancelled mid-answer is cut off, as uvicorn does."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if started or task is None:
                raise
            task.uncancel()  # answered, the task ends as uvicorn's shutdown wants it to
            headers = {"Retry-After": "1", "Connection": "close"}
            await JSONResponse(STOPPING, status_code=503, headers=headers)(scope, receive, send)
