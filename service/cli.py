"""The `jobframe` command: serve the canon, print frames, export the GraphQL schema."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click

from .canon import Canon, NotFound
from .checking import CanonSource, check_canon, parse_source
from .dereference import DEFAULT_IRI_BASE
from .endpoint import Endpoint
from .findings import CanonError, Finding
from .frames.model import FrameKind
from .frames.rdf import frames_graph
from .frames.rules import build_frame, build_page
from .frames.text import frame_text, page_text
from .limits import Limits
from .loader import load_canon
from .observability import configure_logging
from .report import report_json, report_text
from .resources import DEFAULT_CANON_DIR
from .serving import Served


class _SourceType(click.ParamType[CanonSource]):
    """A canon folder, or a SPARQL endpoint written sparql+http(s)://…."""

    name = "PATH|sparql+URL"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> CanonSource:
        if isinstance(value, Path | Endpoint):
            return value
        try:
            return parse_source(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


_DEFAULT_LIMITS = Limits()
_LIMIT_OPTIONS: tuple[tuple[str, str, click.ParamType[float], str], ...] = (
    ("max_depth", "--max-depth", click.IntRange(min=1), "Deepest query (QUERY_TOO_DEEP beyond)."),
    ("max_aliases", "--max-aliases", click.IntRange(min=0), "Most aliases (TOO_MANY_ALIASES)."),
    ("max_tokens", "--max-tokens", click.IntRange(min=1), "Most tokens (TOO_MANY_TOKENS)."),
    ("max_body_bytes", "--max-body-bytes", click.IntRange(min=1), "Largest body (413)."),
    ("time_budget_seconds", "--time-budget", click.FloatRange(min=0), "Seconds per request."),
)
"""(Limits field, option, type, help): each also read from its JOBFRAME_* variable."""


def _limit_options(command: Callable[..., None]) -> Callable[..., None]:
    """The request-limit options of `serve`, named after the `Limits` fields they set."""
    for name, flag, kind, text in reversed(_LIMIT_OPTIONS):
        command = click.option(
            flag,
            name,
            default=getattr(_DEFAULT_LIMITS, name),
            show_default=True,
            type=kind,
            envvar=Limits.ENV[name],
            help=text,
        )(command)
    return click.option(
        "--production",
        "production",
        is_flag=True,
        envvar=Limits.ENV["production"],
        help="Turn off introspection and GraphiQL.",
    )(command)


_canon_option = click.option(
    "--canon",
    "source",
    type=_SourceType(),
    default=DEFAULT_CANON_DIR,
    envvar="JOBFRAME_CANON",
    show_default="the embedded canon/",
    help="Folder of canon Turtle files, or a SPARQL endpoint as sparql+http://host/query "
    "(or set JOBFRAME_CANON).",
)


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
@_canon_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--watch", "watch_files", is_flag=True, help="Reload when a canon file changes.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Worker processes, each serving the same canon.",
)
@click.option(
    "--cache-control",
    default="no-cache",
    show_default=True,
    envvar="JOBFRAME_CACHE_CONTROL",
    help="Cache-Control sent with GraphQL responses (or JOBFRAME_CACHE_CONTROL).",
)
@click.option(
    "--response-cache-mb",
    default=64,
    show_default=True,
    type=click.IntRange(min=0),
    envvar="JOBFRAME_RESPONSE_CACHE_MB",
    help="Memory for cached GraphQL responses per process; 0 turns the cache off.",
)
@click.option(
    "--iri-base",
    default=DEFAULT_IRI_BASE,
    show_default=True,
    envvar="JOBFRAME_IRI_BASE",
    help="Canon IRIs under this base resolve at /canon/… on the service.",
)
@_limit_options
def serve(
    source: CanonSource,
    host: str,
    port: int,
    watch_files: bool,
    workers: int,
    cache_control: str,
    response_cache_mb: int,
    iri_base: str,
    **limit_values: float | bool,
) -> None:
    """Serve the canon over GraphQL (GraphiQL at /graphql).

    A canon with errors stops the service before it starts (exit 1). POST /admin/reload
    reloads on demand when JOBFRAME_ADMIN_TOKEN is set; a reload that finds errors keeps
    the last good canon. With --workers, a reload request reaches one worker: use --watch
    so that every worker reloads.
    """
    import uvicorn

    from .server import Settings, build_app
    from .serving import first_load

    configure_logging()
    if watch_files and not isinstance(source, Path):
        raise click.UsageError(
            "--watch needs a canon folder; reload an endpoint with /admin/reload"
        )
    resolved = source.resolve() if isinstance(source, Path) else source
    limits = Limits(**limit_values)  # type: ignore[arg-type]
    settings = Settings(resolved, watch_files, cache_control, response_cache_mb, limits, iri_base)
    served = first_load(settings.canon)
    if not isinstance(served, Served):
        _refuse(source, served.errors)
    canon = served.canon
    click.echo(
        f"jobframe: serving {len(canon.role_levels)} role-levels from {source} "
        f"(version {canon.version}) on http://{host}:{port}/graphql"
        + (f" with {workers} workers" if workers > 1 else ""),
        err=True,
    )
    if workers == 1:
        uvicorn.run(
            build_app(settings, served), host=host, port=port, log_level="info", access_log=False
        )
    else:
        os.environ.update(settings.to_env())
        uvicorn.run(
            "service.server:worker_app",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="info",
            access_log=False,
        )


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
@_canon_option
def frame(family: str, level: str, kind: str, output: str, source: CanonSource) -> None:
    """Print the goal frames of FAMILY (label) at LEVEL (code)."""
    canon = _load(source)
    try:
        role = canon.role_level(family, level)
    except NotFound as error:
        raise click.ClickException(str(error)) from None
    page = build_page(role)
    frames = page.frames if kind == "all" else (build_frame(role, FrameKind(kind)),)
    if output != "text":
        click.echo(frames_graph(frames).serialize(format=output), nl=False)
    elif kind == "all":
        click.echo(page_text(page), nl=False)
    else:
        click.echo(frame_text(frames[0]), nl=False)


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
def check(source: CanonSource, output: str, strict: bool) -> None:
    """Check the canon: syntax, SHACL shapes, lineage and completeness.

    Exits 0 when clean, 1 on errors (with --strict, on warnings too).
    """
    report = check_canon(source)
    if output == "json":
        click.echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(report_text(report), nl=False)
    sys.exit(0 if report.passes(strict) else 1)


@main.command("export-schema")
def export_schema() -> None:
    """Print the GraphQL schema (SDL), as published in schema.graphql."""
    from .api.schema import schema

    click.echo(schema.as_str())


if __name__ == "__main__":
    main()
