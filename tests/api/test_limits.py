"""The request limits: their defaults are the settings' defaults, and a service's settings
reach every limit."""

from __future__ import annotations

from jobframe.api import Limits
from jobframe.settings import Settings


def test_the_default_limits_are_the_documented_defaults() -> None:
    assert Limits.of() == Limits(
        max_depth=12,
        max_aliases=20,
        max_tokens=2000,
        max_query_cost=20_000,
        max_body_bytes=100_000,
        time_budget=10.0,
        production=False,
    )
    assert Limits.of() == Limits.of(Settings())


def test_every_limit_is_taken_from_the_settings() -> None:
    settings = Settings(
        max_depth=3,
        max_aliases=4,
        max_tokens=50,
        max_body_bytes=600,
        time_budget=0.5,
        production=True,
        max_query_cost=70,
    )
    assert Limits.of(settings) == Limits(
        max_depth=3,
        max_aliases=4,
        max_tokens=50,
        max_query_cost=70,
        max_body_bytes=600,
        time_budget=0.5,
        production=True,
    )
