"""O*NET as a starting canon: an O*NET database text release as the workbook layout's tables.

`onet_tables(folder)` returns the same `Tables` a workbook import reads, so the canon is
written and checked exactly as an imported workbook is. SOC major groups become functions,
occupations with a Job Zone families, Job Zones levels (with their Experience, Education,
Job Training and SVP Range as statements), each occupation at its Job Zone a role-level, and
its task statements its responsibilities. Every text is a cell of the release, unaltered;
reading and checking the release is `onet_release.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import zip_longest
from pathlib import Path

from ..findings import Location
from .layout import Row, Table, Tables
from .onet_release import (
    OCCUPATIONS,
    TASKS,
    ZONE_TEXTS,
    ZONES,
    OnetError,
    OnetProblem,
    Release,
    Task,
    read_release,
)
from .soc_major_groups import SOC_MAJOR_GROUPS

__all__ = ["OnetError", "OnetProblem", "onet_tables"]

RUNNING_NAMES: tuple[str, ...] = ("experience", "education", "job training", "SVP range")
"""Each level dimension's name in running text ("this level's SVP range bar"), in the order
of `ZONE_TEXTS`, which is their display order. SVP stays upper case: it is an acronym."""
TASK_GROUPS: tuple[str, ...] = ("Core", "Supplemental")
"""Task Types that become responsibility groups, in display and responsibility order; tasks of
any other type (`n/a`) have no group and come last."""
TRACK = "Job Zone"
SOURCE = "O*NET"
"""The source of every responsibility, as its tag shows it: "O*NET responsibility (JZ4)"."""
LANG = "en"
HOME = "https://www.onetcenter.org/database.html"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = (
    "This canon includes information from the O*NET {release} Database by the U.S. Department"
    " of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0"
    " license. O*NET® is a trademark of USDOL/ETA."
)
"""The credit the release's CC BY 4.0 licence asks for (its text used verbatim)."""


def onet_tables(folder: Path) -> Tables:
    """The workbook tables of the O*NET text release in `folder`.

    Raises `OnetError` naming file:line for every missing file, missing column, malformed
    line or inconsistent value, all at once. Occupations come in O*NET-SOC code order; an
    occupation's tasks Core, then Supplemental, then unrated, each by Task ID.
    """
    return _tables(read_release(folder), folder)


def responsibility_order(task: Task) -> tuple[int, int]:
    """Core, then Supplemental, then unrated; by Task ID within each: stable across imports."""
    group = TASK_GROUPS.index(task.type) if task.type in TASK_GROUPS else len(TASK_GROUPS)
    return group, task.id


def _table(
    sheet: str,
    header: tuple[str, ...],
    rows: Iterable[tuple[str, ...]],
    origins: Iterable[Location] = (),
) -> Table:
    """A sheet of the release's rows; `origins`, where given, the file line of each row, so
    that a finding about one (a task text the checks refuse) names that line."""
    return Table(
        sheet,
        header,
        tuple(
            Row(number, dict(zip(header, cells, strict=True)), origin)
            for number, (cells, origin) in enumerate(zip_longest(rows, origins), start=2)
        ),
    )


def _group(task: Task) -> str:
    return task.type if task.type in TASK_GROUPS else ""


def _tables(release: Release, folder: Path) -> Tables:
    families = list(release.occupations.values())
    level = {code: f"JZ{zone}" for code, zone in release.zones.items()}
    about = (
        ("title", f"O*NET {release.number} occupations by Job Zone"),
        ("default_lang", LANG),
        ("source", HOME),
        ("license", LICENSE),
        ("attribution", ATTRIBUTION.format(release=release.number)),
    )
    tasks = [
        (f, n, t)
        for f in families
        for n, t in enumerate(
            sorted(release.tasks.get(f.code, ()), key=responsibility_order), start=1
        )
    ]
    responsibilities = (
        (f.title, level[f.code], str(n), SOURCE, t.text, _group(t), LANG) for f, n, t in tasks
    )
    task_lines = (Location(file=str(folder / TASKS), line=t.line) for _, _, t in tasks)
    occupation_lines = (Location(file=str(folder / OCCUPATIONS), line=f.line) for f in families)
    functions = sorted({f.code[:2] for f in families})
    reference = release.reference
    dimensions = tuple(zip(ZONE_TEXTS, RUNNING_NAMES, strict=True))
    tables = (
        _table("canon", ("key", "value"), about),
        _table("functions", ("function", "lang"), ((SOC_MAJOR_GROUPS[g], LANG) for g in functions)),
        _table(
            "families",
            ("family", "function", "description", "lang"),
            ((f.title, SOC_MAJOR_GROUPS[f.code[:2]], f.description, LANG) for f in families),
            occupation_lines,
        ),
        _table(
            "levels",
            ("code", "title", "track", "rank", "lang"),
            ((f"JZ{z}", reference[z]["Name"], TRACK, z, LANG) for z in ZONES),
        ),
        _table(
            "dimensions",
            ("name", "running_name", "display_order", "lang"),
            ((name, running, str(n), LANG) for n, (name, running) in enumerate(dimensions, 1)),
        ),
        _table(
            "level_statements",
            ("level", "dimension", "text", "family", "lang"),
            ((f"JZ{z}", d, reference[z][d], "", LANG) for z in ZONES for d in ZONE_TEXTS),
        ),
        _table("role_levels", ("family", "level"), ((f.title, level[f.code]) for f in families)),
        _table(
            "groups",
            ("group", "display_order", "lang"),
            ((g, str(n), LANG) for n, g in enumerate(TASK_GROUPS, 1)),
        ),
        _table(
            "responsibilities",
            ("family", "level", "order", "source", "text", "group", "lang"),
            responsibilities,
            task_lines,
        ),
        _table("rubric", ("family", "level", "rubric", "source", "text"), ()),
        _table("sources", ("name", "notation"), ((SOURCE, f"O*NET {release.number}"),)),
    )
    return {t.sheet: t for t in tables}
