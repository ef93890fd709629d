"""The admin token must be hard to guess and sendable: a short one, or one a bearer header
cannot carry, stops `jobframe serve` before it listens, naming the variable and the rule
but never the token; the right token is compared in constant time and always reloads."""

from __future__ import annotations

import ast
import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx2
import pytest

from jobframe.loading import CanonHolder
from jobframe.settings import ADMIN_TOKEN_CHARACTERS, SettingError, Settings
from jobframe.web import admin
from tests.checks.corpus import BASE
from tests.conftest import serve_folder
from tests.servers import free_port, jobframe_serve
from tests.web.conftest import client_of

GOOD = "k3J9-x_Qz.7~Lm+P/w2="


def test_the_minimum_is_sixteen_characters() -> None:
    """16 characters hold 64 bits even in hex, the least OWASP asks of a session token."""
    assert ADMIN_TOKEN_CHARACTERS == 16


def serve(token: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`jobframe serve` with this token; a server that starts is stopped at the timeout."""
    env = {**os.environ, "JOBFRAME_ADMIN_TOKEN": token}
    command = [sys.executable, "-m", "jobframe.cli", "serve", "--port", str(free_port())]
    try:
        return subprocess.run(
            [*command, "--canon", str(BASE)], env=env, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired as expired:
        pytest.fail(f"serve started with the token {token!r}: {expired.stderr!r}")


@pytest.mark.parametrize(
    "token",
    [
        "x",
        "abcdefghijklmn5",
        "a 16-character token",
        "token-with-newline\n",
        "tökén-of-sixteen-characters",
    ],
)
def test_a_short_or_unsendable_admin_token_stops_serve_naming_the_variable_not_the_token(
    token: str, tmp_path: Path
) -> None:
    done = serve(token, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "JOBFRAME_ADMIN_TOKEN" in done.stderr
    assert "16 characters" in done.stderr and "RFC 6750" in done.stderr
    assert token.strip() not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("token", ["x" * 15, "sixteen chars ok", "tab\there-is-long"])
def test_settings_refuse_the_token_however_they_are_made(token: str) -> None:
    with pytest.raises(SettingError, match="JOBFRAME_ADMIN_TOKEN"):
        Settings(admin_token=token)
    with pytest.raises(SettingError, match="JOBFRAME_ADMIN_TOKEN") as refused:
        Settings.from_env({"JOBFRAME_ADMIN_TOKEN": token})
    assert token not in str(refused.value)


def test_a_token_of_sixteen_sendable_characters_is_accepted_and_unset_is_no_endpoint() -> None:
    assert Settings(admin_token="0123456789abcdef").admin_token == "0123456789abcdef"
    assert Settings(admin_token=GOOD).admin_token == GOOD
    assert Settings.from_env({"JOBFRAME_ADMIN_TOKEN": ""}).admin_token is None


def test_the_token_is_compared_by_hmac_compare_digest_and_nothing_else() -> None:
    """The only comparison in the endpoint involving the expected token is constant-time."""
    tree = ast.parse(inspect.getsource(admin.reload_handler))
    compared = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Compare) and not all(isinstance(o, ast.Is | ast.IsNot) for o in n.ops)
    ]
    names = {n.id for c in compared for n in ast.walk(c) if isinstance(n, ast.Name)}
    assert "expected" not in names and "given" not in names
    calls = [
        ast.unparse(n.func)
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and any(a for a in n.args if ast.unparse(a) == "expected")
    ]
    assert calls == ["hmac.compare_digest"]


def test_the_right_token_reloads_between_throttled_wrong_ones(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    client = client_of(CanonHolder(folder, serve_folder(folder)), admin_token=GOOD)
    wrong = {"Authorization": "Bearer " + GOOD[:-1]}
    statuses = [client.post("/admin/reload", headers=wrong).status_code for _ in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    right = client.post("/admin/reload", headers={"Authorization": f"bearer {GOOD}"})
    assert right.status_code == 200 and right.json()["succeeded"]


def test_a_forged_x_forwarded_for_does_not_escape_the_wrong_token_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """uvicorn trusted X-Forwarded-For from 127.0.0.1 by default, so a local client rotating
    the header got 401 for every guess, never 429 (outside attack); the limit counts the
    socket's peer."""
    monkeypatch.setenv("JOBFRAME_ADMIN_TOKEN", "abcdef0123456789abcdef")
    with jobframe_serve(tmp_path / "serve.log") as url:
        statuses = [
            httpx2.post(
                f"{url}/admin/reload",
                headers={
                    "Authorization": "Bearer wrong-token-wrong-token",
                    "X-Forwarded-For": f"10.0.0.{n}",
                },
            ).status_code
            for n in range(8)
        ]
    assert statuses[:5] == [401] * 5
    assert 429 in statuses[5:]
