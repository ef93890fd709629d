"""`jobframe import` and `jobframe export`: a canon from and to the workbook layout."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..checks import CheckReport
from ..sources import CanonSource
from .base import canon_option, echo, load_or_exit, main
from .check_output import report_text

SHOWN_WARNINGS = 10
"""Warnings `jobframe import` prints of a canon it imported (`jobframe check` lists all)."""


@main.command("import")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The canon folder to write; replaced only when the imported canon passes its check.",
)
@click.option(
    "--from",
    "kind",
    type=click.Choice(["workbook", "onet"]),
    default="workbook",
    show_default=True,
    help="What WORKBOOK is: a workbook or CSV folder, or an O*NET database text release.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace an output folder of Turtle files that an earlier import did not write.",
)
def import_command(workbook: Path, out: Path, kind: str, force: bool) -> None:
    """Import WORKBOOK (.xlsx, or a folder of <sheet>.csv files) as a canon folder.

    Every problem of the workbook is printed with its cell (levels!B7) and a fix (exit 2);
    a canon that fails its check is reported as `jobframe check` does (exit 1). Either way
    the output folder is left as it was.
    """
    from ..interchange import (
        OnetError,
        OutputRefused,
        WorkbookError,
        import_canon,
        onet_tables,
        read_tables,
    )

    try:
        tables = onet_tables(workbook) if kind == "onet" else read_tables(workbook)
        report = import_canon(tables, out, force=force)
    except OutputRefused as error:
        raise click.UsageError(str(error)) from None
    except (WorkbookError, OnetError) as error:
        if isinstance(error, WorkbookError):
            problems = CheckReport(str(workbook), error.findings, None, 0)
            echo(report_text(problems), nl=False)
        else:
            echo(f"{error}\n\n{workbook}: {len(error.problems)} problems")
        echo(f"jobframe: nothing was imported; {out} is unchanged", err=True)
        sys.exit(2)
    if not report.passes():
        echo(report_text(report), nl=False)
        echo(f"jobframe: the canon fails its check; {out} is unchanged", err=True)
        sys.exit(1)
    for finding in report.warnings[:SHOWN_WARNINGS]:
        echo(str(finding))
    if len(report.warnings) > SHOWN_WARNINGS:
        more = len(report.warnings) - SHOWN_WARNINGS
        echo(f"… and {more} more warnings: `jobframe check --canon {out}` lists them all")
    assert report.canon is not None
    echo(
        f"{out}: imported {len(report.canon.role_levels)} role-levels from {workbook}"
        f" ({report.triple_count} triples, {len(report.warnings)} warnings,"
        f" version {report.canon.version})"
    )


@main.command("export")
@canon_option
@click.option(
    "--format",
    "output",
    type=click.Choice(["xlsx", "csv"]),
    default="xlsx",
    show_default=True,
    help="A workbook, or a folder of <sheet>.csv files (UTF-8).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The workbook file (xlsx) or the folder (csv) to write.",
)
def export_command(canon: CanonSource, output: str, out: Path) -> None:
    """Export the canon in the workbook layout that `jobframe import` reads."""
    from ..interchange import WorkbookError, canon_tables, write_tables

    loaded = load_or_exit(canon)
    try:
        write_tables(canon_tables(loaded), out, "csv" if output == "csv" else "xlsx")
    except WorkbookError as error:
        for finding in error.findings:
            echo(str(finding), err=True)
        sys.exit(2)
    echo(f"{out}: exported {len(loaded.role_levels)} role-levels from {canon}")
