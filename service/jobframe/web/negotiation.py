"""Content negotiation by the Accept header, with q-values (RFC 9110, section 12.5.1)."""

from __future__ import annotations

from collections.abc import Sequence


def _ranges(accept: str) -> list[tuple[str, float]]:
    """(media range, q) of each entry; a malformed q counts as 0 (not acceptable)."""
    ranges = []
    for entry in accept.split(","):
        media, *parameters = (part.strip() for part in entry.split(";"))
        if not media:
            continue
        q = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def _specificity(media_range: str, offered: str) -> int | None:
    """How closely a range names the offered type (2 exact, 1 `type/*`, 0 `*/*`), or None."""
    if media_range == offered:
        return 2
    kind = offered.split("/", 1)[0]
    if media_range == f"{kind}/*":
        return 1
    return 0 if media_range == "*/*" else None


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered type the client prefers, the first offered on a tie or with no Accept
    header; None when the client accepts none of them (answer 406)."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    best: tuple[float, int] | None = None
    chosen = None
    for position, media in enumerate(offered):
        matches = [(s, q) for r, q in ranges if (s := _specificity(r, media)) is not None]
        if not matches:
            continue
        q = max(matches)[1]  # the most specific range decides
        if q > 0 and (best is None or (q, -position) > best):
            best, chosen = (q, -position), media
    return chosen


MAX_LANGUAGE_RANGES = 16
"""Language ranges read from one Accept-Language header; the rest are ignored."""


def accepted_languages(header: str | None) -> tuple[str, ...]:
    """The language ranges of an Accept-Language header, most preferred first (q-values,
    then order); `*` and ranges with q=0 are left out (the canon's default serves them)."""
    if not header:
        return ()
    ranked = [
        (-q, position, tag)
        for position, (tag, q) in enumerate(_ranges(header)[:MAX_LANGUAGE_RANGES])
        if q > 0 and tag != "*" and len(tag) <= 35
    ]
    return tuple(tag for _, _, tag in sorted(ranked))
