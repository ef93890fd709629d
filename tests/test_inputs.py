"""The bounded reader: every input stops at its byte bound and its wall-clock bound."""

from __future__ import annotations

import ast
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import jobframe
from jobframe.inputs import Bound, InputTooLarge, InputTooSlow, read_all, read_chunks


def test_an_input_within_its_bound_is_read_whole() -> None:
    data = b"x" * 200_000
    assert read_all(io.BytesIO(data).read, Bound("a file", 200_000, 5)) == data


def test_an_input_over_its_bytes_is_refused_before_much_more_is_read() -> None:
    source = io.BytesIO(b"x" * 10_000_000)
    with pytest.raises(InputTooLarge, match="over 1,000 bytes"):
        read_all(source.read, Bound("a file", 1_000, 5))
    assert source.tell() <= 1_001


def test_a_dribbling_input_is_stopped_at_the_deadline_of_the_whole_read() -> None:
    def dribble(size: int) -> bytes:
        time.sleep(0.05)
        return b"x"

    started = time.monotonic()
    with pytest.raises(InputTooSlow, match=r"longer than 0\.3 s"):
        read_all(dribble, Bound("an answer", 1_000_000, 0.3))
    assert time.monotonic() - started < 0.5


def test_each_read_is_told_the_time_left() -> None:
    lefts: list[float] = []
    chunks = read_chunks(io.BytesIO(b"abc").read, Bound("a file", 10, 5), lefts.append)
    assert b"".join(chunks) == b"abc"
    assert lefts and all(0 < left <= 5 for left in lefts)


def test_a_read_that_times_out_is_too_slow() -> None:
    def silent(size: int) -> bytes:
        raise TimeoutError

    with pytest.raises(InputTooSlow):
        read_all(silent, Bound("an answer", 10, 5))


# ------------------------------------------------------------ every read goes through here

PACKAGE = Path(jobframe.__file__).parent
READERS = {
    "open": "builtin open()",
    "fdopen": "os.fdopen",
    "read_bytes": "Path.read_bytes",
    "read_text": "Path.read_text",
    "urlopen": "urllib",
    "HTTPConnection": "http.client",
    "HTTPSConnection": "http.client",
    "create_connection": "a socket",
    "connect": "a socket",
    "ZipFile": "zipfile",
    "load_workbook": "openpyxl",
    "run": "subprocess",
    "Popen": "subprocess",
    "check_output": "subprocess",
    "FileResponse": "starlette, a file",
    "StaticFiles": "starlette, a folder",
    "Assets": "starlette's StaticFiles with our validators, a folder",
    "parse": "a parser given a path (pyoxigraph path=, rdflib Graph.parse)",
}
"""The calls that open or read a file, a URL or a process's output (`.open` is also
Path.open, os.open, tarfile.open and ZipFile.open)."""
TRUSTED = {
    ("frames/templates.py", "read_text"): "the package's bundled wording files",
    ("loading/snapshots.py", "read_bytes"): "the package's own modules and bundled shapes, "
    "digested for the snapshot key",
    ("loading/snapshots.py", "open"): "a snapshot the service wrote itself in its cache folder",
    ("checks/shapes.py", "parse"): "the bundled ontology/shapes.ttl",
    ("checks/terms.py", "parse"): "the bundled ontology/jobframe.ttl",
    ("web/app.py", "FileResponse"): "the bundled viewer page",
    ("web/app.py", "Assets"): "the bundled viewer's files and queries",
    ("sources/git.py", "run"): "git rev-parse and cat-file: a commit hash and one word",
    ("sources/git.py", "Popen"): "git archive, its output read through inputs.streamed",
    ("sources/git.py", "open"): "tarfile.open over inputs.streamed",
    ("interchange/xlsx.py", "ZipFile"): "the file inputs.opened checked, its directory read",
    ("interchange/xlsx.py", "load_workbook"): "the file inputs.opened checked, each sheet "
    "part read again through inputs.streamed",
}
"""Reads outside inputs.py, each with why it needs no bound: bundled files, files the
service wrote itself, and parsers handed a stream the bounded reader already holds."""
BOUNDED_MODULES = {
    "sources/endpoint_reads.py": "every SPARQL read, one exchange over inputs.read_chunks",
}
_SUBPROCESS = ("run", "Popen", "check_output")


def _is_write(call: ast.Call) -> bool:
    """open(..., "w"), Path.open("xb"): a writer, not a read."""
    modes = [*call.args[:2], *(k.value for k in call.keywords if k.arg == "mode")]
    return any(
        isinstance(m, ast.Constant)
        and isinstance(m.value, str)
        and set(m.value) & set("wax")
        and not set(m.value) & set("r+")
        for m in modes
    )


def _reads(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in READERS or _is_write(node):
            continue
        if name in _SUBPROCESS and getattr(getattr(func, "value", None), "id", "") != "subprocess":
            continue
        if name == "parse":
            by_path = any(k.arg in ("path", "location", "file") for k in node.keywords)
            on_graph = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
            on_graph = on_graph and getattr(func.value.func, "id", "") == "Graph"  # type: ignore[attr-defined]
            if not (by_path or on_graph):
                continue
        yield node.lineno, name


def _outside_reads() -> dict[tuple[str, str], list[int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module == "inputs.py" or module in BOUNDED_MODULES:
            continue
        for line, name in _reads(ast.parse(path.read_text("utf-8"))):
            found.setdefault((module, name), []).append(line)
    return found


def test_no_module_but_inputs_reads_a_file_a_url_or_a_process_outside_the_trusted_reads() -> None:
    untrusted = {
        f"{module}:{lines[0]} {READERS[name]}"
        for (module, name), lines in _outside_reads().items()
        if (module, name) not in TRUSTED
    }
    assert not untrusted, (
        "read through jobframe.inputs (opened/read_file/read_chunks/streamed with a Bound), "
        f"or add a trusted read with its reason: {sorted(untrusted)}"
    )


def test_every_trusted_read_is_still_made_and_says_why() -> None:
    found = _outside_reads()
    assert [k for k in TRUSTED if k not in found] == []
    assert all(TRUSTED.values())
