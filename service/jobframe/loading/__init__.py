"""A checked canon ready to use: loaded once, restored from a snapshot when nothing changed.

`load_canon` is what the CLI and the Python API call; `first_load` gives the snapshot a
service starts serving. Both check the whole canon first and refuse one with errors.
"""

from .content import ShrinkPolicy, guarded
from .load import load_canon
from .served import ReloadAttempt, Served, first_load, now, probed_version, release_memory
from .snapshots import checked

__all__ = [
    "ReloadAttempt",
    "Served",
    "ShrinkPolicy",
    "checked",
    "first_load",
    "guarded",
    "load_canon",
    "now",
    "probed_version",
    "release_memory",
]
