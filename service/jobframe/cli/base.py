"""The `jobframe` command group and what its commands share: options read as settings rows,
the `--canon` option, loading a canon or exiting with its findings.

`serve`'s options are generated from the settings table (`settings.py`), so each has the
default, the `JOBFRAME_…` variable and the help the documentation shows. Everything a
command prints goes through `echo`, so no canon text, path or answer reaches a terminal
with its control characters (`formats.terminal_text`).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from ..canon import LANGUAGE_TAG, Canon
from ..findings import CanonError, Finding
from ..formats import Styled, terminal_text
from ..loading import load_canon
from ..settings import SETTINGS, Setting, SettingError, sparql_bounded
from ..sources import CanonSource, SparqlEndpoint

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


def setting_options(command: _F) -> _F:
    """Every row of the settings table that has a flag, in the table's order."""
    for setting in reversed(SETTINGS):
        if setting.flag is not None:
            command = _option(setting)(command)
    return command


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not LANGUAGE_TAG.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not a language tag such as en or pt-BR")
    return value


def lang_option(what: str) -> Callable[[_F], _F]:
    """`--lang TAG`, checked as a BCP 47 tag; `what` names what falls back whole."""
    return click.option(
        "--lang",
        default=None,
        metavar="TAG",
        callback=_language,
        help="Language of the canon text (a BCP 47 tag such as de): each value in it, else "
        f"untagged; the canon's default language for the whole {what} when it would mix "
        "languages.",
    )


def _row(name: str) -> Setting:
    return next(s for s in SETTINGS if s.name == name)


def sparql_options(command: _F) -> _F:
    """`--sparql-max-mb` and `--sparql-seconds` (and their variables), applied to every
    SPARQL endpoint the command is given, as `serve` applies them: `check` of a stalled
    store stops at the bound asked, not only at the default 120 s."""

    @functools.wraps(command)
    def bounded(*args: Any, sparql_max_mb: int, sparql_seconds: float, **kwargs: Any) -> Any:
        for name, value in kwargs.items():
            if isinstance(value, SparqlEndpoint):
                kwargs[name] = sparql_bounded(value, sparql_max_mb, sparql_seconds)
        return command(*args, **kwargs)

    for name in ("sparql_seconds", "sparql_max_mb"):
        bounded = _option(_row(name))(bounded)
    return bounded  # type: ignore[return-value]


def canon_option(command: _F) -> _F:
    """`--canon`, with the SPARQL read bounds."""
    return _option(_row("canon"))(sparql_options(command))


def echo(
    *parts: str | Styled, err: bool = False, nl: bool = True, color: bool | None = None
) -> None:
    """Print for a terminal, every part through `formats.terminal_text` (text a command
    already made with it is printed as it is): the one way a command prints."""
    click.echo(terminal_text(*parts), err=err, nl=nl, color=color)


def refuse(source: CanonSource, findings: tuple[Finding, ...]) -> NoReturn:
    echo(f"jobframe: the canon in {source} cannot be served:", err=True)
    for finding in findings:
        echo(f"  {finding}", err=True)
    sys.exit(1)


def load_or_exit(source: CanonSource) -> Canon:
    try:
        return load_canon(source)
    except CanonError as error:
        refuse(source, error.findings)


@click.group()
@click.version_option(package_name="jobframe")
def main() -> None:
    """JobFrame: goal frames derived verbatim from a job-architecture canon."""
