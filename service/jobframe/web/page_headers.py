"""What every answer tells the browser, set in one place: `nosniff` on every answer, and on
every HTML answer a Content-Security-Policy that runs only what the page needs and
forbids framing it.

The viewer and node pages load only this service's own scripts, styles, fonts and data;
GraphiQL (served at /graphql to a browser) loads its scripts and styles from unpkg.com and
runs inline ones, so its policy allows exactly that, on that path only.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_COMMON = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'"
PAGE_POLICY = (
    f"{_COMMON}; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; form-action 'self'"
)
"""The viewer and the node pages: the service's own files and data, nothing inline."""
GRAPHIQL_POLICY = (
    f"{_COMMON}; script-src https://unpkg.com 'unsafe-inline';"
    " style-src https://unpkg.com 'unsafe-inline'; font-src https://unpkg.com data:;"
    " img-src 'self' data: https://unpkg.com; connect-src 'self'; form-action 'none'"
)
"""GraphiQL as Strawberry serves it: its CDN and its inline script and style, no other host."""
GRAPHIQL_PATH = "/graphql"
_NOSNIFF = (b"x-content-type-options", b"nosniff")


class PageHeaders:
    """ASGI middleware adding the headers above to the answers of the app it wraps."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._policies = {
            path: (b"content-security-policy", policy.encode())
            for path, policy in ((GRAPHIQL_PATH, GRAPHIQL_POLICY), ("", PAGE_POLICY))
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self._policies[GRAPHIQL_PATH if scope["path"] == GRAPHIQL_PATH else ""]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                headers.append(_NOSNIFF)
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    headers += [policy, (b"x-frame-options", b"DENY")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
