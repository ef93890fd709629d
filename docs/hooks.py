"""MkDocs hooks: pages generated from the code, and a build that fails on an undocumented
public name (with `strict`, any warning fails it)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import griffe

from jobframe.settings import SETTINGS, Setting

log = logging.getLogger("mkdocs.hooks.jobframe")


def _default(setting: Setting) -> str:
    if setting.shown_default is not None:
        return setting.shown_default
    if isinstance(setting.default, bool):
        return "off" if not setting.default else "on"
    return f"`{setting.default}`"


def settings_table() -> str:
    """The settings page's table, one row per setting, in the table's order."""
    rows = [
        "| option | environment variable | default | what it does |",
        "| --- | --- | --- | --- |",
    ]
    for s in SETTINGS:
        flag = f"`{s.flag}`" if s.flag else "(environment only)"
        help_text = s.help.replace("|", "\\|")
        rows.append(f"| {flag} | `{s.env}` | {_default(s)} | {help_text} |")
    return "\n".join(rows)


def undocumented_public_names() -> list[str]:
    """Names in `jobframe.__all__` whose object has no docstring."""
    package = griffe.load("jobframe", search_paths=["service"])
    names: list[str] = package.exports or []  # type: ignore[assignment]
    return [n for n in names if n != "__version__" and not package[n].docstring]


def on_pre_build(config: Any) -> None:
    for name in undocumented_public_names():
        log.warning("jobframe.%s is public (in __all__) but has no docstring", name)


PROFILES = Path(__file__).resolve().parents[1] / "bench" / "profiles"
"""The benchmark profiles `bench/results.md` links to (`profiles/…`): published beside the
benchmarks page that includes it, so its links resolve on the site as they do in the repo."""


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    for profile in sorted(PROFILES.glob("*.md")):
        # Read from bench/profiles/<name>, published as profiles/<name>.
        path = f"profiles/{profile.name}"
        files.append(
            File(path, str(PROFILES.parent), config["site_dir"], config["use_directory_urls"])
        )
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return markdown.replace("<!-- settings-table -->", settings_table())
