"""The `jobframe` command: serve the canon, print frames, check a canon, import and export
workbooks, export the schema. Each module adds its commands to the one group, `main`."""

from . import commands, workbooks
from .base import main

__all__ = ["commands", "main", "workbooks"]
