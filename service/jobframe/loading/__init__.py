"""A checked canon ready to use: loaded once, restored from a snapshot when nothing changed,
and reloaded safely while it is served.

`load_canon` is what the CLI and the Python API call; `first_load` gives the snapshot a
service starts serving, and `CanonHolder` holds it and reloads it (from `watch`, `follow`,
an admin's request or the Python API). Every load checks the whole canon first and refuses
one with errors; what it checks is completed with what the frames omit (`full_check`).
"""

from .checking import CanonChecker, full_check
from .content import ShrinkPolicy, guarded
from .follower import follow
from .holder import CanonHolder
from .load import load_canon
from .served import (
    ReloadAttempt,
    ReloadTrigger,
    Served,
    first_load,
    now,
    probed_version,
    release_memory,
)
from .snapshots import checked
from .watcher import watch

__all__ = [
    "CanonChecker",
    "CanonHolder",
    "ReloadAttempt",
    "ReloadTrigger",
    "Served",
    "ShrinkPolicy",
    "checked",
    "first_load",
    "follow",
    "full_check",
    "guarded",
    "load_canon",
    "now",
    "probed_version",
    "release_memory",
    "watch",
]
