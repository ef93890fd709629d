"""Making the hostile-canon corpus (tests/corpus/hostile/canons.json) on disk: what cannot be
committed — a FIFO, links, a 17 MB literal, a file name that is not UTF-8, a sparse file
over the size bound — is made here."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from jobframe.sources.turtle import MAX_FILE_BYTES
from tests.checks.corpus import BASE, CORPUS

HOSTILE = CORPUS / "hostile"
CASES: dict[str, dict[str, Any]] = {
    name: case
    for name, case in json.loads((HOSTILE / "canons.json").read_text("utf-8")).items()
    if not name.startswith("_")
}


def make(name: str, into: Path) -> Path:
    """The base canon with the hostile case added, in `into` (a fresh folder)."""
    folder = Path(shutil.copytree(BASE, into))
    spec = CASES[name]["make"]
    if "sparse_over_bound" in spec:  # a sparse file: no disk is used
        with (folder / spec["sparse_over_bound"]).open("wb") as big:
            big.truncate(MAX_FILE_BYTES + 1)
    if "fifo" in spec:
        os.mkfifo(folder / spec["fifo"])
    for link, target in spec.get("links", []):
        (folder / link).symlink_to(target)
    if "outside_file" in spec:
        elsewhere = into.parent / f"{into.name}-elsewhere.ttl"
        elsewhere.write_text("<a> <b> <c> .\n", "utf-8")
        (folder / spec["outside_file"]).symlink_to(elsewhere)
    if "outside_folder" in spec:
        elsewhere = into.parent / f"{into.name}-elsewhere"
        elsewhere.mkdir()
        (elsewhere / "more.ttl").write_text("<a> <b> <c> .\n", "utf-8")
        (folder / spec["outside_folder"]).symlink_to(elsewhere, target_is_directory=True)
    if "raw_name" in spec:
        raw = spec["raw_name"].encode("ascii").decode("unicode_escape").encode("latin-1")
        (Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))).write_bytes(spec["text"].encode())
    elif "file" in spec:
        (folder / spec["file"]).write_bytes(_text(spec).encode(spec.get("encoding", "utf-8")))
    return folder


def _text(spec: dict[str, Any]) -> str:
    opening, times = spec.get("repeat", ["", 0])
    closing, closing_times = spec.get("then_repeat", ["", 0])
    return (
        spec["text"]
        + opening * times
        + spec.get("middle", "")
        + closing * closing_times
        + spec.get("end", "")
    )
