"""What every resolver of one request sees: the canon the request started with."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.types import Info as StrawberryInfo

from ..canon import Canon


@dataclass(frozen=True, slots=True)
class Context:
    canon: Canon


Info = StrawberryInfo[Context, None]
