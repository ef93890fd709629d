"""The corpus of broken canons: each case is the base canon with some files replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BASE = CORPUS / "base"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and p.name not in ("base", "hostile"))


def assemble(case: str, into: Path) -> Path:
    """The base canon with the case's files laid over it, in a fresh folder."""
    shutil.copytree(BASE, into)
    for path in (CORPUS / case).glob("*.ttl"):
        shutil.copy(path, into / path.name)
    return into
