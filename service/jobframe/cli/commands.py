"""The commands on one canon: serve it, print a role-level's frames, check it, export the schema."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import click

from ..canon import NotFound
from ..frames import FrameKind, RdfFormat, build_frame, build_page, serialize_frames
from ..loading import Served, ShrinkPolicy, first_load, full_check, guarded
from ..settings import SettingError, Settings
from ..sources import CanonSource
from .base import canon_option, echo, lang_option, load_or_exit, main, refuse, setting_options
from .check_output import report_json, report_text

RDF_CHOICES = {f.value: f for f in RdfFormat}
"""`frame --format` values other than `text`: every RDF format, by rdflib's name for it."""


@main.command()
@setting_options
def serve(**options: object) -> None:
    """Serve the canon: the viewer at /, GraphQL at /graphql (GraphiQL in a browser).

    A canon with errors, or with no role-levels (unless --allow-canon-shrink), stops the
    service before it starts (exit 1). POST /admin/reload
    reloads on demand when JOBFRAME_ADMIN_TOKEN is set; a reload that finds errors keeps
    the last good canon. With --workers, a reload request reaches one worker: use --watch
    so that every worker reloads.
    """
    from ..web import configure_logging, run

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
    kept = settings.reload_state_mb * 2**20
    served = first_load(settings.canon, kept, ShrinkPolicy.of(settings))
    if not isinstance(served, Served):
        refuse(source, served.errors)
    canon = served.canon
    echo(
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
    type=click.Choice(["text", *RDF_CHOICES]),
    default="text",
    show_default=True,
    help="Plain text, or the frame lines as RDF with their provenance edges.",
)
@lang_option("page")
@canon_option
def frame(
    family: str, level: str, kind: str, output: str, lang: str | None, canon: CanonSource
) -> None:
    """Print the goal frames of FAMILY (label) at LEVEL (code)."""
    try:
        role = load_or_exit(canon).role_level(family, level, lang=lang)
    except NotFound as error:
        raise click.ClickException(str(error)) from None
    page = build_page(role)
    frames = page.frames if kind == "all" else (build_frame(role, FrameKind(kind)),)
    if output != "text":
        rdf = serialize_frames(frames, RDF_CHOICES[output])
        echo(rdf, nl=not rdf.endswith("\n"))
    elif kind == "all":
        echo(page.text, nl=False)
    else:
        echo(frames[0].text, nl=False)


@main.command()
@canon_option
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
    """Check the canon: syntax, SHACL shapes, lineage, completeness, and that it has role-levels.

    Exits 0 when clean, 1 on errors (with --strict, on warnings too).
    """
    report = guarded(full_check(canon), None, ShrinkPolicy.of())  # no role-levels: an error
    if output == "json":
        echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        echo(report_text(report), nl=False)
    sys.exit(0 if report.passes(strict) else 1)


@main.command("export-schema")
def export_schema() -> None:
    """Print the GraphQL schema (SDL), as published in schema.graphql."""
    from ..api import default_schema

    echo(default_schema().as_str())
