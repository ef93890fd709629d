"""`jobframe diff OLD NEW`: what a canon change does to the frames managers see, for review.

Both canons are read and checked at once (each in its own worker; a large one in a child
process, as the service does). Exit status: 0 when no frame changes, 1 when frames change,
2 when a canon cannot be read or fails its checks (reported as `jobframe check` does).
"""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import click

from ..changes import as_json, as_markdown, as_text, compare_canons
from ..checks import CheckReport
from ..findings import CanonError, Finding
from ..loading import checked
from ..sources import CanonSource, GitRevision, git_folder, parse_git, parse_source
from .base import echo, main, sparql_options
from .check_output import report_text

DiffSource = CanonSource | GitRevision
NO_FRAME_CHANGES, FRAMES_CHANGE, ERROR = 0, 1, 2
COLOURS = {"auto": None, "always": True, "never": False}


class _Source(click.ParamType[DiffSource]):
    name = "PATH|sparql+URL|git:REV:PATH"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> DiffSource:
        if not isinstance(value, str):
            return value  # type: ignore[return-value]
        try:
            return parse_git(value) or parse_source(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


def read(source: DiffSource) -> CheckReport:
    """The check report of a canon; a git revision's folder is read from a temporary copy
    and its findings name `git:REV:PATH/file.ttl`."""
    if not isinstance(source, GitRevision):
        return checked(source)
    try:
        with git_folder(source) as folder:
            return _renamed(checked(folder, snapshot=False), folder, source)
    except CanonError as error:
        return CheckReport(str(source), error.findings, None, 0)


def _renamed(report: CheckReport, folder: Path, source: GitRevision) -> CheckReport:
    prefix = str(folder)

    def rename(finding: Finding) -> Finding:
        file = finding.location.file
        if file is None or not file.startswith(prefix):
            return finding
        shown = f"{source}{file.removeprefix(prefix)}"
        return replace(finding, location=replace(finding.location, file=shown))

    return replace(report, source=str(source), findings=tuple(map(rename, report.findings)))


@main.command()
@click.argument("old", type=_Source())
@click.argument("new", type=_Source())
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Text (coloured on a terminal), Markdown for a pull-request comment, or JSON.",
)
@click.option(
    "--color",
    type=click.Choice(list(COLOURS)),
    default="auto",
    show_default=True,
    help="Colour the text: on a terminal only (auto), always, or never.",
)
@sparql_options
def diff(old: DiffSource, new: DiffSource, output: str, color: str) -> None:
    """Compare two canons: nodes added, removed and changed, and the frames that change.

    OLD and NEW are canon folders, SPARQL endpoints (sparql+http://…), or a canon folder at
    a git revision: git:REV:PATH, such as git:main:canon (PATH from the repository's top
    folder). Each role-level whose frames change gets a unified diff of each changed
    frame's plain text, in the canon's default language.

    Exits 0 when no frame changes, 1 when frames change, 2 when either canon cannot be
    read or fails its checks (reported as `jobframe check` reports it).
    """
    colour = COLOURS[color]
    with ThreadPoolExecutor(max_workers=2) as pool:
        before, after = pool.map(read, (old, new))
    failed = [r for r in (before, after) if r.canon is None]
    for report in failed:
        echo(f"jobframe diff: the canon in {report.source} has errors:", err=True)
        echo(report_text(report), nl=False, err=True, color=colour)
    if failed:
        sys.exit(ERROR)
    assert before.canon is not None and after.canon is not None
    changes = compare_canons(before.canon, after.canon)
    if output == "json":
        body = json.dumps(as_json(changes, str(old), str(new)), indent=2, ensure_ascii=False)
        echo(body)
    elif output == "markdown":
        echo(as_markdown(changes, str(old), str(new)), nl=False)
    else:
        echo(as_text(changes, str(old), str(new)), nl=False, color=colour)
    sys.exit(FRAMES_CHANGE if changes.frames_change else NO_FRAME_CHANGES)
