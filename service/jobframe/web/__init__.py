"""The web service: serving, GraphQL over HTTP with its caching and limits,
observability, canon node pages and the viewer (`viewer/`, static files)."""

from .app import create_app
from .observability import configure_logging
from .workers import run

__all__ = ["configure_logging", "create_app", "run"]
