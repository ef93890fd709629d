"""The `jobframe` command: serve the canon, print frames, compare two levels, compare two
canons (diff), check a canon, import and export workbooks, export the schema. Each module
adds its commands to the one group, `main`."""

from . import commands, compare, diff, workbooks
from .base import main

__all__ = ["commands", "compare", "diff", "main", "workbooks"]
