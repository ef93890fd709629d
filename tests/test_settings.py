"""Every setting is one row of one table: the `serve` options, the workers' environment and
the documentation come from it, and a bad value names the variable it came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jobframe.cli import main
from jobframe.settings import SETTINGS, SettingError, Settings
from jobframe.sources import SparqlEndpoint


def test_settings_reach_workers_through_the_environment() -> None:
    settings = Settings(
        canon=Path("/srv/canon"),
        host="0.0.0.0",
        port=9000,
        watch=True,
        workers=3,
        cache_control="public, max-age=60",
        response_cache_mb=0,
        iri_base="https://example.org/ja/",
        production=True,
        max_depth=7,
        max_aliases=3,
        max_tokens=99,
        max_body_bytes=512,
        time_budget=1.5,
        admin_token="s3cret",
        cache_dir="off",
    )
    assert Settings.from_env(settings.to_env()) == settings
    assert Settings.from_env(Settings().to_env()) == Settings()


def test_an_endpoint_canon_survives_the_round_trip() -> None:
    settings = Settings(canon=SparqlEndpoint("http://127.0.0.1:7878/query"))
    assert Settings.from_env(settings.to_env()).canon == settings.canon


@pytest.mark.parametrize(
    "variable,value,says",
    [
        ("JOBFRAME_PRODUCTION", "ture", "expected one of"),
        ("JOBFRAME_WATCH", "maybe", "expected one of"),
        ("JOBFRAME_MAX_DEPTH", "twelve", "expected a whole number"),
        ("JOBFRAME_MAX_DEPTH", "0", "must be at least 1"),
        ("JOBFRAME_TIME_BUDGET", "10s", "expected a number"),
        ("JOBFRAME_CANON", "sparql+ftp://host/query", "sparql+http"),
    ],
)
def test_a_bad_value_is_an_error_naming_the_variable(variable: str, value: str, says: str) -> None:
    with pytest.raises(SettingError) as error:
        Settings.from_env({variable: value})
    assert str(error.value).startswith(f"{variable}={value!r}: ")
    assert says in str(error.value)


def test_serve_refuses_a_bad_variable_before_loading_anything() -> None:
    result = CliRunner(env={"JOBFRAME_MAX_DEPTH": "lots"}).invoke(main, ["serve"])
    assert result.exit_code == 2
    assert "JOBFRAME_MAX_DEPTH" in result.output or "--max-depth" in result.output
    assert "lots" in result.output


def test_every_setting_with_a_flag_is_a_serve_option_with_its_variable() -> None:
    serve = main.commands["serve"]  # type: ignore[attr-defined]
    options = {p.name: p for p in serve.params}
    for setting in SETTINGS:
        if setting.flag is None:
            assert setting.name not in options, f"{setting.name} is environment-only"
            continue
        option = options[setting.name]
        assert setting.flag in option.opts
        assert option.envvar == setting.env
        if setting.kind is not bool:
            assert option.default == setting.default


def test_secrets_are_never_flags() -> None:
    token = next(s for s in SETTINGS if s.name == "admin_token")
    assert token.flag is None
