"""A reload that meets a hostile canon file is refused with the file named, and the last good
canon goes on being served: the hostile-canon corpus, through the running service."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from jobframe.findings import printable
from jobframe.loading import CanonHolder, Served, first_load
from tests.checks.corpus import BASE
from tests.checks.hostile import CASES, make


@pytest.mark.parametrize("name", CASES)
def test_a_reload_meeting_a_hostile_file_keeps_the_last_good_canon(
    name: str, tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    served = first_load(folder)
    assert isinstance(served, Served)
    holder = CanonHolder(folder, served)
    shutil.rmtree(folder)
    make(name, folder)
    attempt = asyncio.run(asyncio.wait_for(holder.reload("test"), timeout=60))
    assert not attempt.succeeded
    assert holder.current.canon is served.canon
    named = {printable(Path(f.location.file or "").name) for f in attempt.errors}
    assert CASES[name]["expect"]["file"] in named
