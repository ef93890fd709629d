"""The `jobframe` command: serve the canon, print frames, check a canon, export the schema.

`serve`'s options are generated from the settings table (`settings.py`), so each has the
default, the `JOBFRAME_…` variable and the help the documentation shows.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .canon import LANGUAGE_TAG, Canon, NotFound
from .checks import CheckReport, check_canon, report_json, report_text
from .findings import CanonError, Finding
from .frames import FrameKind, build_frame, build_page, serialize_frames
from .loading import Served, first_load, load_canon
from .settings import SETTINGS, Setting, SettingError, Settings
from .sources import CanonSource

_F = TypeVar("_F", bound=Callable[..., Any])


class _SettingType(click.ParamType[object]):
    """Reads an option's value as its settings row does, so a flag and its variable agree."""

    def __init__(self, setting: Setting) -> None:
        self.setting = setting
        self.name = (
            "PATH|sparql+URL"
            if setting.kind == CanonSource
            else getattr(setting.kind, "__name__", "str")
        )

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        if not isinstance(value, str):
            return value
        try:
            return self.setting.parse(value, self.setting.flag)
        except SettingError as error:
            self.fail(str(error), param, ctx)


def _option(setting: Setting) -> Callable[[_F], _F]:
    """The `serve` option of one row of the settings table, also read from its variable."""
    assert setting.flag is not None
    shown = setting.shown_default or True
    if setting.kind is bool:
        return click.option(
            setting.flag,
            setting.name,
            is_flag=True,
            envvar=setting.env,
            show_envvar=True,
            help=setting.help,
        )
    return click.option(
        setting.flag,
        setting.name,
        default=setting.default,
        show_default=shown,
        type=_SettingType(setting),
        envvar=setting.env,
        show_envvar=True,
        help=setting.help,
    )


def _setting_options(command: _F) -> _F:
    """Every row of the settings table that has a flag, in the table's order."""
    for setting in reversed(SETTINGS):
        if setting.flag is not None:
            command = _option(setting)(command)
    return command


_canon_option = _option(next(s for s in SETTINGS if s.name == "canon"))


def _refuse(source: CanonSource, findings: tuple[Finding, ...]) -> NoReturn:
    click.echo(f"jobframe: the canon in {source} cannot be served:", err=True)
    for finding in findings:
        click.echo(f"  {finding}", err=True)
    sys.exit(1)


def _load(source: CanonSource) -> Canon:
    try:
        return load_canon(source)
    except CanonError as error:
        _refuse(source, error.findings)


@click.group()
@click.version_option(package_name="jobframe")
def main() -> None:
    """JobFrame: goal frames derived verbatim from a job-architecture canon."""


@main.command()
@_setting_options
def serve(**options: object) -> None:
    """Serve the canon: the viewer at /, GraphQL at /graphql (GraphiQL in a browser).

    A canon with errors stops the service before it starts (exit 1). POST /admin/reload
    reloads on demand when JOBFRAME_ADMIN_TOKEN is set; a reload that finds errors keeps
    the last good canon. With --workers, a reload request reaches one worker: use --watch
    so that every worker reloads.
    """
    from .web import configure_logging, run

    configure_logging()
    try:
        settings = Settings.from_options(options)
    except SettingError as error:
        raise click.UsageError(str(error)) from None
    source = settings.canon
    if settings.watch and not isinstance(source, Path):
        raise click.UsageError(
            "--watch needs a canon folder; reload an endpoint with /admin/reload"
        )
    if isinstance(source, Path):
        settings = replace(settings, canon=source.resolve())
    served = first_load(settings.canon)
    if not isinstance(served, Served):
        _refuse(source, served.errors)
    canon = served.canon
    click.echo(
        f"jobframe: serving {len(canon.role_levels)} role-levels from {source} "
        f"(version {canon.version}) on http://{settings.host}:{settings.port}/graphql"
        + (f" with {settings.workers} workers" if settings.workers > 1 else ""),
        err=True,
    )
    run(settings, served)


@main.command()
@click.argument("family")
@click.argument("level")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in FrameKind] + ["all"]),
    default="all",
    show_default=True,
    help="Which frame; `all` prints the whole page, headings included.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "turtle", "json-ld"]),
    default="text",
    show_default=True,
    help="Plain text, or the frame lines as RDF with their provenance edges.",
)
@click.option(
    "--lang",
    default=None,
    metavar="TAG",
    help="Language of the canon text (a BCP 47 tag such as de): each value in it, else "
    "untagged; the canon's default language for the whole page when it would mix languages.",
)
@_canon_option
def frame(
    family: str, level: str, kind: str, output: str, lang: str | None, canon: CanonSource
) -> None:
    """Print the goal frames of FAMILY (label) at LEVEL (code)."""
    if lang is not None and not LANGUAGE_TAG.fullmatch(lang):
        raise click.BadParameter(
            f"{lang!r} is not a language tag such as en or pt-BR", param_hint="--lang"
        )
    try:
        role = _load(canon).role_level(family, level, lang=lang)
    except NotFound as error:
        raise click.ClickException(str(error)) from None
    page = build_page(role)
    frames = page.frames if kind == "all" else (build_frame(role, FrameKind(kind)),)
    if output != "text":
        click.echo(serialize_frames(frames, output), nl=output == "json-ld")
    elif kind == "all":
        click.echo(page.text, nl=False)
    else:
        click.echo(frames[0].text, nl=False)


@main.command()
@_canon_option
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Readable text (coloured on a terminal) or JSON for tools.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
def check(canon: CanonSource, output: str, strict: bool) -> None:
    """Check the canon: syntax, SHACL shapes, lineage and completeness.

    Exits 0 when clean, 1 on errors (with --strict, on warnings too).
    """
    report = check_canon(canon)
    if output == "json":
        click.echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(report_text(report), nl=False)
    sys.exit(0 if report.passes(strict) else 1)


@main.command("export-schema")
def export_schema() -> None:
    """Print the GraphQL schema (SDL), as published in schema.graphql."""
    from .api import schema

    click.echo(schema.as_str())


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
    from .interchange import (
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
            problems = CheckReport(str(workbook), error.findings, None, (), 0)
            click.echo(report_text(problems), nl=False)
        else:
            click.echo(f"{error}\n\n{workbook}: {len(error.problems)} problems")
        click.echo(f"jobframe: nothing was imported; {out} is unchanged", err=True)
        sys.exit(2)
    if not report.passes():
        click.echo(report_text(report), nl=False)
        click.echo(f"jobframe: the canon fails its check; {out} is unchanged", err=True)
        sys.exit(1)
    for finding in report.warnings[:SHOWN_WARNINGS]:
        click.echo(str(finding))
    if len(report.warnings) > SHOWN_WARNINGS:
        more = len(report.warnings) - SHOWN_WARNINGS
        click.echo(f"… and {more} more warnings: `jobframe check --canon {out}` lists them all")
    assert report.canon is not None
    click.echo(
        f"{out}: imported {len(report.canon.role_levels)} role-levels from {workbook}"
        f" ({report.triple_count} triples, {len(report.warnings)} warnings,"
        f" version {report.canon.version})"
    )


@main.command("export")
@_canon_option
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
    from .interchange import WorkbookError, canon_tables, write_tables

    loaded = _load(canon)
    try:
        write_tables(canon_tables(loaded), out, "csv" if output == "csv" else "xlsx")
    except WorkbookError as error:
        for finding in error.findings:
            click.echo(str(finding), err=True)
        sys.exit(2)
    click.echo(f"{out}: exported {len(loaded.role_levels)} role-levels from {canon}")


if __name__ == "__main__":
    main()
