"""The canon every comparison here starts from."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobframe.canon import Canon
from tests.changes.canons import load


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> Canon:
    return load(tmp_path_factory.mktemp("before"))


@pytest.fixture
def after(tmp_path: Path) -> Path:
    """Where a test writes its edited canon."""
    return tmp_path / "after"
