"""The package's modules, imported, for tests that check a rule over all of them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import jobframe


def modules() -> list[ModuleType]:
    """Every module of the package but a `__main__`, which runs the CLI when imported."""
    return [
        importlib.import_module(found.name)
        for found in pkgutil.walk_packages(jobframe.__path__, "jobframe.")
        if not found.name.endswith(".__main__")
    ]


def classes() -> list[type]:
    """Every class defined in the package, once (where it is defined, not re-exported)."""
    return [
        value
        for module in modules()
        for _, value in inspect.getmembers(module, inspect.isclass)
        if value.__module__ == module.__name__
    ]
