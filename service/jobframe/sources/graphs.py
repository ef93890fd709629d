"""Canon files kept in one store between reads, each in its own named graph.

Reading the files again parses only those whose bytes changed: an unchanged file keeps its
graph and its findings, an edited one has its graph's differing triples removed and added,
a deleted one drops its graph. Each read
says which triples changed, so the checks can re-check only the nodes they touch. The
canon's triples are the union of the graphs (`graphs` lists them in file order).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..findings import Finding
from .turtle import digests_digest, load_file, read_file

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]


@dataclass(frozen=True, slots=True)
class _Kept:
    """What a read kept of one file: its graph, the digest of its bytes (None when it could
    not be read) and its findings."""

    graph: ox.NamedNode
    base: str
    digest: bytes | None
    findings: tuple[Finding, ...]
    size: int
    """Bytes read."""


@dataclass(frozen=True, slots=True)
class FileChanges:
    """The triples one read added to or removed from the canon's files; `everything` when
    there was no earlier read to compare with."""

    triples: frozenset[Triple] = field(default_factory=frozenset)
    everything: bool = False

    @property
    def subjects(self) -> frozenset[str]:
        """The keys (`TripleIndex` keys: IRI or `_:id`) of the subjects of changed triples."""
        return frozenset(_key(s) for s, _, _ in self.triples)

    @property
    def blank(self) -> bool:
        """Whether a changed triple has a blank node, whose label differs on every parse."""
        return any(
            isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode) for s, _, o in self.triples
        )


def _key(term: ox.NamedNode | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


class FileGraphs:
    """The store of a canon's files, one named graph per file, read again at each `read`."""

    def __init__(self) -> None:
        self.store = ox.Store()
        self._kept: dict[Path, _Kept] = {}
        self._order: list[Path] = []
        self._graphs = 0
        self._read_before = False
        self.worn = 0
        """Bytes of text whose triples were removed from the store since it was made."""

    @property
    def graphs(self) -> list[ox.NamedNode]:
        """The files' graphs, in the order of the files last read."""
        return list(dict.fromkeys(self._kept[path].graph for path in self._order))

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every file's findings, in file order, as `read_turtle` gives them."""
        return tuple(f for path in self._order for f in self._kept[path].findings)

    @property
    def content(self) -> str:
        """`content_digest` of exactly the bytes parsed: the snapshot key of what was read."""
        kept = [(path, self._kept[path].digest) for path in self._order]
        return digests_digest((path, digest) for path, digest in kept if digest is not None)

    @property
    def fingerprint(self) -> tuple[tuple[Path, bytes | None], ...]:
        """Each file and the digest of its bytes (None when unreadable), in order: equal
        fingerprints mean equal reads, to the last byte and finding."""
        return tuple((path, self._kept[path].digest) for path in self._order)

    def read(self, files: list[Path]) -> FileChanges:
        """Read the files again; parse only those whose bytes changed since the last read."""
        old = self._kept
        new: dict[Path, _Kept] = {}
        changed: set[bytes] = set()
        for path in files:
            if path in new:  # listed twice: read once, as the store holds each triple once
                continue
            data, found = read_file(path)
            digest = None if data is None else hashlib.sha256(data).digest()
            base = "" if data is None else path.resolve().as_uri()
            before = old.get(path)
            same = before is not None and before.digest == digest and before.base == base
            if same and before is not None and data is not None:
                new[path] = before  # the same bytes from the same place: the same triples
                continue
            size = 0 if data is None else len(data)
            if before is not None and data is not None and self._read_before:
                edited = self._edit(before.graph, path, data)
                if edited is not None:
                    lines, parsed = edited
                    changed |= lines
                    self.worn += sum(map(len, lines))
                    new[path] = _Kept(before.graph, base, digest, (*found, *parsed), size)
                    continue
            self._graphs += 1
            graph = ox.NamedNode(f"urn:jobframe:file:{self._graphs}")
            if data is not None:
                found = (*found, *load_file(self.store, path, data, graph))
            removed = set() if before is None else self._drop(before)
            if self._read_before:
                changed |= removed ^ self._lines(graph)
            new[path] = _Kept(graph, base, digest, found, size)
        for path, kept in old.items():
            if path not in new:
                changed |= self._drop(kept)
        self._kept = new
        self._order = list(files)
        everything = not self._read_before
        self._read_before = True
        triples = ox.parse(b"\n".join(changed), format=ox.RdfFormat.N_TRIPLES)
        return FileChanges(
            frozenset((t.subject, t.predicate, t.object) for t in triples), everything
        )

    @property
    def worn_out(self) -> bool:
        """Whether the store holds more removed triples than live ones (in bytes of text):
        pyoxigraph's memory store keeps what is removed, so a reader that keeps the files
        should then read them into a new one."""
        return self.worn > sum(kept.size for kept in self._kept.values())

    def _edit(
        self, graph: ox.NamedNode, path: Path, data: bytes
    ) -> tuple[set[bytes], tuple[Finding, ...]] | None:
        """Turn the file's graph into what its new bytes say, removing and adding only the
        triples that differ: the changed lines and the parsing's findings. None when either
        version has blank nodes (labelled anew at each parse): the graph is replaced."""
        parsed = ox.Store()
        found = load_file(parsed, path, data, ox.DefaultGraph())
        new, old = _lines(parsed, ox.DefaultGraph()), self._lines(graph)
        if _blank(new) or _blank(old):
            return None
        gone, came = old - new, new - old
        for t in ox.parse(b"\n".join(gone), format=ox.RdfFormat.N_TRIPLES):
            self.store.remove(ox.Quad(t.subject, t.predicate, t.object, graph))
        if came:
            self.store.load(b"\n".join(came), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        return gone | came, found

    def _drop(self, kept: _Kept) -> set[bytes]:
        """The graph's lines (when a later read compares), removed from the store."""
        lines = self._lines(kept.graph) if self._read_before else set()
        if self.store.contains_named_graph(kept.graph):
            self.store.remove_graph(kept.graph)
        self.worn += kept.size
        return lines

    def _lines(self, graph: ox.NamedNode) -> set[bytes]:
        return _lines(self.store, graph)


def _lines(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> set[bytes]:
    """The graph's triples as N-Triples lines: compared as bytes, parsed back when changed."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    return set(data.split(b"\n")) - {b""} if data else set()


def _blank(lines: set[bytes]) -> bool:
    """Whether a line may hold a blank node (a literal holding `_:` only costs a replace)."""
    return any(line.startswith(b"_:") or b"> _:" in line for line in lines)
