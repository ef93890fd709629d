"""Every setting is one row of one table: the `serve` options, the workers' environment and
the documentation come from it, and a bad value names the variable it came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jobframe import settings as settings_module
from jobframe.cli import main
from jobframe.settings import SETTINGS, Setting, SettingError, Settings, cache_dir
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
        admin_token="s3cret-admin-token",
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


LIMITS = {
    "max_depth": Setting(
        name="max_depth",
        default=12,
        help="Deepest query (QUERY_TOO_DEEP beyond).",
        kind=int,
        flag="--max-depth",
        minimum=1,
        shown_default=None,
    ),
    "max_aliases": Setting(
        name="max_aliases",
        default=20,
        help="Most aliases (TOO_MANY_ALIASES beyond).",
        kind=int,
        flag="--max-aliases",
        minimum=0,
        shown_default=None,
    ),
    "max_tokens": Setting(
        name="max_tokens",
        default=2000,
        help="Most tokens (TOO_MANY_TOKENS beyond).",
        kind=int,
        flag="--max-tokens",
        minimum=1,
        shown_default=None,
    ),
    "max_body_bytes": Setting(
        name="max_body_bytes",
        default=100_000,
        help="Largest request body in bytes (BODY_TOO_LARGE, 413, beyond).",
        kind=int,
        flag="--max-body-bytes",
        minimum=1,
        shown_default=None,
    ),
    "time_budget": Setting(
        name="time_budget",
        default=10.0,
        help="Seconds of work per request (TIME_BUDGET_EXCEEDED beyond).",
        kind=float,
        flag="--time-budget",
        minimum=0,
        shown_default=None,
    ),
}


def test_the_limits_rows_hold_their_defaults_flags_and_minimums() -> None:
    table = settings_module._table()
    assert table == SETTINGS
    rows = {s.name: s for s in table}
    for name, row in LIMITS.items():
        assert rows[name] == row
    token = rows["admin_token"]
    assert (token.flag, token.kind, token.default, token.shown_default) == (
        None,
        str | None,
        None,
        "unset",
    )
    assert token.env == "JOBFRAME_ADMIN_TOKEN"


def test_a_row_is_a_field_with_its_default_and_metadata() -> None:
    row = settings_module._setting(5, "Help.", flag=False, minimum=1, shown="five")
    assert row.default == 5
    assert dict(row.metadata) == {"help": "Help.", "flag": False, "minimum": 1, "shown": "five"}
    plain = settings_module._setting("x", "Plain.")
    assert plain.default == "x"
    assert dict(plain.metadata) == {"help": "Plain.", "flag": True, "minimum": None, "shown": None}


ROWS = {s.name: s for s in SETTINGS}


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        *[("1", True), (" Yes ", True), ("TRUE", True), ("on", True)],
        *[("0", False), ("OFF", False), ("no", False), ("", False), ("False", False)],
    ],
)
def test_a_switch_reads_the_usual_words_in_any_case(raw: str, value: bool) -> None:
    assert ROWS["production"].parse(raw) is value


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("production", "ture", "expected one of 1, true, yes, on, 0, false, no, off"),
        ("max_depth", "twelve", "expected a whole number"),
        ("max_depth", "0", "must be at least 1"),
        ("time_budget", "10s", "expected a number"),
        ("time_budget", "-1", "must be at least 0"),
    ],
)
def test_a_bad_value_says_exactly_what_was_expected(name: str, raw: str, message: str) -> None:
    row = ROWS[name]
    with pytest.raises(SettingError) as refused:
        row.parse(raw)
    assert str(refused.value) == f"{row.env}={raw!r}: {message}"
    with pytest.raises(SettingError) as named:
        row.parse(raw, "--flag")
    assert str(named.value) == f"--flag={raw!r}: {message}"


def test_text_stays_text_and_only_an_optional_text_may_be_unset() -> None:
    assert ROWS["cache_control"].parse("") == ""
    assert ROWS["cache_control"].parse("public") == "public"
    assert ROWS["admin_token"].parse("") is None
    assert ROWS["admin_token"].parse("s3cret") == "s3cret"
    assert ROWS["max_tokens"].parse("2001") == 2001
    assert ROWS["time_budget"].parse("0.5") == 0.5


def test_from_env_reads_the_process_environment_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JOBFRAME_MAX_DEPTH", "7")
    assert Settings.from_env().max_depth == 7


def test_from_options_takes_flags_from_the_options_and_secrets_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JOBFRAME_ADMIN_TOKEN", "s3cret-admin-token")
    monkeypatch.setenv("JOBFRAME_MAX_DEPTH", "9")  # a flag's variable: read by click, not here
    settings = Settings.from_options({"max_tokens": 50})
    assert (settings.admin_token, settings.max_tokens, settings.max_depth) == (
        "s3cret-admin-token",
        50,
        12,
    )


def test_snapshots_go_where_the_variables_say(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("JOBFRAME_CACHE_DIR", "off")
    assert cache_dir() is None
    monkeypatch.setenv("JOBFRAME_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("JOBFRAME_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "jobframe"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "jobframe"
