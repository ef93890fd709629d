"""Every setting of a running service, in one table: name, default, flag, variable, help.

`jobframe serve`'s options, the worker processes' environment and the settings page of the
documentation are all generated from `Settings`; nothing else names a default or a
`JOBFRAME_…` variable. A bad value is an error naming the variable or flag it came from.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_type_hints

from .errors import JobFrameError
from .resources import DEFAULT_CANON_DIR
from .sources import (
    SPARQL_ANSWER_BYTES,
    SPARQL_ANSWER_SECONDS,
    CanonSource,
    SparqlEndpoint,
    parse_source,
)

DEFAULT_IRI_BASE = "https://jobframe.example/canon/"
"""The IRI base of the shipped canon: IRIs under it resolve at `/canon/…`."""


ADMIN_TOKEN_CHARACTERS = 16
"""The shortest admin token: 16 characters hold 64 bits even in hex, the least entropy OWASP
asks of a session token ("Insufficient Session-ID Length"); every guess is compared, so
only the token's length bounds guessing."""
_BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
"""RFC 6750 section 2.1's b64token: what an `Authorization: Bearer` header can carry."""


class SettingError(JobFrameError, ValueError):
    """A setting's value cannot be used; the message names the variable and the value."""


def sparql_bounded(source: CanonSource, max_mb: int, seconds: float) -> CanonSource:
    """The source with the SPARQL read bounds of `--sparql-max-mb` and `--sparql-seconds`
    (a folder is returned as it is): `serve` and every command reading a canon apply them."""
    if not isinstance(source, SparqlEndpoint):
        return source
    return dataclasses.replace(source, max_bytes=max_mb * 2**20, seconds=seconds)


@dataclass(frozen=True, slots=True)
class Setting:
    """One row of the table: what a maintainer reads in `--help` and in the docs."""

    name: str
    default: Any
    help: str
    kind: Any
    """The value's type: int, float, bool, str, str | None or CanonSource."""
    flag: str | None
    """The `serve` option; None for a setting read only from the environment (secrets)."""
    minimum: float | None
    shown_default: str | None
    """How the docs and `--help` show a default that is not a plain value."""

    @property
    def env(self) -> str:
        return "JOBFRAME_" + self.name.upper()

    def parse(self, raw: str, origin: str | None = None) -> Any:
        """The typed value of a raw string; SettingError names `origin` (the variable)."""
        where = origin or self.env
        try:
            value = _parse(self.kind, raw)
        except ValueError as error:
            raise SettingError(f"{where}={raw!r}: {error}") from None
        if self.minimum is not None and value < self.minimum:
            raise SettingError(f"{where}={raw!r}: must be at least {self.minimum:g}")
        return value

    def unparse(self, value: Any) -> str:
        """The string that `parse` reads back as `value`."""
        if isinstance(value, bool):
            return "1" if value else "0"
        return "" if value is None else str(value)


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def _parse(kind: Any, raw: str) -> Any:
    if kind is bool:
        lowered = raw.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(f"expected one of {', '.join(_TRUE + _FALSE[:-1])}")
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise ValueError("expected a whole number") from None
    if kind is float:
        try:
            return float(raw)
        except ValueError:
            raise ValueError("expected a number") from None
    if kind == CanonSource:
        return parse_source(raw)
    return raw or None if kind == (str | None) else raw


def _setting(
    default: Any,
    help: str,
    *,
    flag: bool = True,
    minimum: float | None = None,
    shown: str | None = None,
) -> Any:
    return dataclasses.field(
        default=default,
        metadata={"help": help, "flag": flag, "minimum": minimum, "shown": shown},
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """What `jobframe serve` runs with. Each field is a setting; its metadata is its row."""

    canon: CanonSource = _setting(
        DEFAULT_CANON_DIR,
        "Folder of canon Turtle files, or a SPARQL endpoint as sparql+http://host/query.",
        shown="the embedded canon/",
    )
    host: str = _setting("127.0.0.1", "Interface to listen on.")
    port: int = _setting(8000, "Port to listen on.", minimum=0)
    watch: bool = _setting(False, "Reload when a canon file changes.")
    workers: int = _setting(1, "Worker processes, each serving the same canon.", minimum=1)
    sync_interval: float = _setting(
        2.0,
        "Seconds between checks of the canon source's version; a replica reloads when it "
        "changed, so replicas agree within this plus one reload. 0 turns it off.",
        minimum=0,
    )
    max_canon_shrink: float = _setting(
        50.0,
        "Largest share, in percent, of the served role-levels a reload may remove; one that "
        "removes more, or leaves none, is refused (a `lost` finding) and the last good canon "
        "kept. Half: an edit removes a few role-levels, a wiped or half-loaded store most or "
        "all of them.",
        minimum=0,
    )
    allow_canon_shrink: bool = _setting(
        False,
        "Accept a canon that lost its content: one with no role-levels (at startup too), or "
        "a reload removing more than --max-canon-shrink.",
    )
    reload_state_mb: int = _setting(
        256,
        "Canons of up to this many MiB of Turtle keep their check in the serving process, so "
        "a reload after an edit re-reads and re-checks only what changed; it holds the "
        "canon's RDF store and index (about 5.5 GB at 150 MiB of Turtle, against 0.7 GB "
        "without). 0 keeps nothing: every reload checks the whole canon.",
        minimum=0,
    )
    sparql_max_mb: int = _setting(
        SPARQL_ANSWER_BYTES // 2**20,
        "MiB a SPARQL endpoint's CONSTRUCT answer may hold; a larger one is a refused load "
        "or reload (a `source` finding), stopped while it streams, never held.",
        minimum=1,
    )
    sparql_seconds: float = _setting(
        SPARQL_ANSWER_SECONDS,
        "Seconds for a SPARQL endpoint's whole CONSTRUCT answer, not per socket read (the "
        "version query: 10 s, or this if less); a slower one is a refused load or reload.",
        minimum=0.1,
    )
    shutdown_seconds: int = _setting(
        10,
        "Seconds SIGTERM lets requests in flight finish before they are cancelled; a reload "
        "or a source read is abandoned, so the process ends within this plus 2 s (an "
        "operation running in a worker thread ends at its --time-budget).",
        minimum=0,
    )
    cache_control: str = _setting("no-cache", "Cache-Control sent with GraphQL responses.")
    response_cache_mb: int = _setting(
        64, "Memory for cached GraphQL responses per process; 0 turns the cache off.", minimum=0
    )
    parse_cache_mb: int = _setting(
        32,
        "MiB of parsed GraphQL documents kept per process, each counted as its AST nodes "
        "(about 400 bytes each with their tokens); 0 keeps none.",
        minimum=0,
    )
    validation_cache_mb: int = _setting(
        8,
        "MiB of GraphQL validation results kept per process (a refused document's AST "
        "counted with its errors); 0 keeps none.",
        minimum=0,
    )
    plan_cache_mb: int = _setting(
        32,
        "MiB of compiled GraphQL plans kept per process, each counted with the operation it "
        "was compiled from; 0 keeps none.",
        minimum=0,
    )
    iri_base: str = _setting(
        DEFAULT_IRI_BASE, "Canon IRIs under this base resolve at /canon/… on the service."
    )
    default_language: str | None = _setting(
        None,
        "Language of frames when a request names none (no `lang`, no Accept-Language the canon "
        "has), as a BCP 47 tag.",
        shown="the canon's jf:defaultLanguage, else en",
    )
    production: bool = _setting(False, "Turn off introspection and GraphiQL.")
    max_depth: int = _setting(12, "Deepest query (QUERY_TOO_DEEP beyond).", minimum=1)
    """The deepest query the schema needs is 10 levels."""
    max_aliases: int = _setting(20, "Most aliases (TOO_MANY_ALIASES beyond).", minimum=0)
    max_tokens: int = _setting(2000, "Most tokens (TOO_MANY_TOKENS beyond).", minimum=1)
    """A frames page is about 200 tokens."""
    max_query_cost: int = _setting(
        20_000,
        "Largest estimated query cost, from the canon's list sizes (QUERY_TOO_COSTLY beyond).",
        minimum=1,
    )
    max_body_bytes: int = _setting(
        100_000, "Largest request body in bytes (BODY_TOO_LARGE, 413, beyond).", minimum=1
    )
    time_budget: float = _setting(
        10.0, "Seconds of work per request (TIME_BUDGET_EXCEEDED beyond).", minimum=0
    )
    header_timeout: float = _setting(
        10.0,
        "Seconds a connection may take to send a request's headers (408 and closed beyond).",
        minimum=0.1,
    )
    body_timeout: float = _setting(
        30.0,
        "Seconds a request may take to send its body after its headers (408 and closed beyond).",
        minimum=0.1,
    )
    admin_token: str | None = _setting(
        None,
        "Bearer token for POST /admin/reload; unset, that route answers 404. At least "
        f"{ADMIN_TOKEN_CHARACTERS} characters of letters, digits and -._~+/= (RFC 6750), "
        "random. A secret: environment only, never a flag or a log line.",
        flag=False,
        shown="unset",
    )
    cache_dir: str | None = _setting(
        None,
        "Folder for checked-canon snapshots; `off` never stores one.",
        flag=False,
        shown="$XDG_CACHE_HOME/jobframe, else ~/.cache/jobframe",
    )

    def __post_init__(self) -> None:
        """An admin token must be guessable by no one and sendable by the admin (refused
        here, so every way of making settings refuses it); an endpoint canon carries its
        read bounds, so every read of it is bounded so."""
        token = self.admin_token
        if token is not None and not (
            len(token) >= ADMIN_TOKEN_CHARACTERS and _BEARER_TOKEN.fullmatch(token)
        ):
            raise SettingError(
                f"JOBFRAME_ADMIN_TOKEN: must be at least {ADMIN_TOKEN_CHARACTERS} characters "
                "of a bearer token (RFC 6750: letters, digits, -._~+/ and a trailing =), such "
                "as python -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        object.__setattr__(
            self, "canon", sparql_bounded(self.canon, self.sparql_max_mb, self.sparql_seconds)
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from `JOBFRAME_…` variables, defaults for the rest; SettingError if bad."""
        return cls(**_read(os.environ if environ is None else environ, SETTINGS))

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Settings:
        """Settings from `serve`'s options; the environment-only rows from the environment."""
        return cls(**options, **_read(os.environ, [s for s in SETTINGS if s.flag is None]))

    def to_env(self) -> dict[str, str]:
        """The variables that make `from_env` give these settings (for worker processes)."""
        return {s.env: s.unparse(getattr(self, s.name)) for s in SETTINGS}


def _read(environ: Mapping[str, str], rows: Iterable[Setting]) -> dict[str, Any]:
    """The typed value of each row whose variable is set."""
    return {s.name: s.parse(environ[s.env]) for s in rows if s.env in environ}


def _table() -> tuple[Setting, ...]:
    kinds = get_type_hints(Settings)
    rows = []
    for spec in dataclasses.fields(Settings):
        meta = spec.metadata
        rows.append(
            Setting(
                name=spec.name,
                default=spec.default,
                help=meta["help"],
                kind=kinds[spec.name],
                flag="--" + spec.name.replace("_", "-") if meta["flag"] else None,
                minimum=meta["minimum"],
                shown_default=meta["shown"],
            )
        )
    return tuple(rows)


SETTINGS: tuple[Setting, ...] = _table()
"""The table, in the order `--help` and the docs list it."""


def cache_dir() -> Path | None:
    """Where snapshots go, read when needed (so a test may set it); None when `off`."""
    configured = os.environ.get(_BY_NAME["cache_dir"].env)
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "jobframe"


_BY_NAME = {s.name: s for s in SETTINGS}
