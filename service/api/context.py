"""What every resolver of one request sees: the snapshot being served when the request began."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.types import Info as StrawberryInfo

from ..canon import Canon
from ..serving import Served


@dataclass(frozen=True, slots=True)
class Context:
    served: Served

    @property
    def canon(self) -> Canon:
        return self.served.canon


Info = StrawberryInfo[Context, None]
