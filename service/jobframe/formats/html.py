"""HTML: the one escaping rule for text, attributes and links of every page JobFrame writes.

Text and attribute values are escaped whole (`& < > " '`), with control characters shown as
escapes (an HTML parser drops or rewrites some of them). A link is live only for `http`,
`https` and `mailto` URLs and the service's own paths; anything else (`javascript:`,
`data:`, a URL with spaces or controls a browser would strip) is shown as text.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from .controls import CONTROLS, shown_controls

LIVE_SCHEMES = frozenset({"http", "https", "mailto"})
"""The schemes of links a page makes live."""
_OWN_PATH = re.compile(r"/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*")
"""A path of this service: one leading slash (two would name another host), URL characters."""
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[\x21-\x7e\u00a0-\U0010ffff]+")
"""An absolute URL with nothing a browser strips or reads across (spaces, controls)."""


def html_text(text: str) -> str:
    """`text` as HTML text or as an attribute value (quoted with `"` or `'`)."""
    return html.escape(shown_controls(text), quote=True)


def live_url(url: str) -> bool:
    """Whether a page may link to `url`: http, https or mailto, or a path of this service."""
    if _OWN_PATH.fullmatch(url):
        return True
    if not _URL.fullmatch(url) or "\\" in url or CONTROLS.search(url):
        return False  # the controls include U+2028 and the bidi ones, which _URL admits
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[": not a URL a page could follow
        return False
    if parts.scheme.lower() not in LIVE_SCHEMES:
        return False
    return parts.scheme.lower() == "mailto" or bool(parts.netloc)


def html_link(url: str, label: str | None = None) -> str:
    """`<a href="url">label</a>` when the URL may be live, else the label and the URL as
    text (a `javascript:` source reads as what it is and does nothing)."""
    shown = html_text(url if label is None else label)
    if live_url(url):
        return f'<a href="{html_text(url)}">{shown}</a>'
    if label is None or label == url:
        return f"<code>{shown}</code>"
    return f"{shown} (<code>{html_text(url)}</code>)"
