"""What every resolver of one request sees: the snapshot being served when the request began."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.types import Info as StrawberryInfo

from ..canon import Canon
from ..loading import Served
from ..settings import DEFAULT_IRI_BASE


@dataclass(frozen=True, slots=True)
class Context:
    served: Served
    iri_base: str = DEFAULT_IRI_BASE
    """Canon IRIs under this base resolve at `/canon/…` (see `urls.py`)."""
    language: str | None = None
    """The language a role-level's frames are in when the query names none: the request's
    Accept-Language matched against the canon, else the configured default (None: the
    canon's own default)."""

    @property
    def canon(self) -> Canon:
        return self.served.canon


Info = StrawberryInfo[Context, None]
