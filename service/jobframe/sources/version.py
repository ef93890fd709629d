"""A canon's version: a content hash of its triples.

Independent of file order, formatting and blank-node labels, so the same canon always has
the same version wherever and however it is loaded. A canon without blank nodes is hashed
as its sorted N-Triples; blank nodes are first named by what surrounds them, in work
bounded by rounds x triples whatever their shape.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from heapq import merge

import pyoxigraph as ox

from .graphs import Triple

MAX_ROUNDS = 16
"""Most rounds of colour refinement. It stops sooner when a round splits no class: after one
round for rings and cliques of look-alike blank nodes, after about their depth for trees.
Each round hashes only the blank nodes still alike, so the work grows with the rounds and
the triples only: a list repeating one item a million times (4 MB) takes about 30 s."""

Term = int | str
"""A blank node, by its index, or any other term in N-Triples form."""


def _has_blank_nodes(ntriples: bytes) -> bool:
    """A blank node starts a line (subject) or follows the predicate's `> ` (object).

    Plain substring tests, fast on hundreds of megabytes; a literal that happens to hold
    `> _:` only costs a needless labelling, never a wrong version.
    """
    return ntriples.startswith(b"_:") or b"\n_:" in ntriples or b"> _:" in ntriples


Graph = ox.NamedNode | ox.DefaultGraph


def canon_version(store: ox.Store, graphs: Sequence[Graph] | None = None) -> str:
    """SHA-256 (first 32 hex digits) of the sorted N-Triples, blank nodes named by `_labelled`.

    Of the default graph, or of the union of `graphs`, each triple once."""
    return VersionLines(store, graphs).version()


FEW_LINES = 256
"""Changed lines `VersionLines.update` inserts one by one; more are merged in one pass."""


class VersionLines:
    """The sorted N-Triples lines a version hashes, kept so that the version of an edited
    canon costs its changed triples and one hash, not a sort of them all (`update`)."""

    def __init__(self, store: ox.Store, graphs: Sequence[Graph] | None = None) -> None:
        parts = [ox.DefaultGraph()] if graphs is None else graphs
        dumps = [store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) for graph in parts]
        data = b"".join(dump for dump in dumps if dump is not None)
        self.blank = _has_blank_nodes(data)
        """Whether blank nodes were named by colour: `update` cannot follow such a canon."""
        if self.blank:
            data = _labelled(store, parts)
        lines = data.split(b"\n")
        self.lines = sorted({*lines} - {b""} if len(parts) > 1 else [x for x in lines if x])

    def update(self, store: ox.Store, triples: Iterable[Triple]) -> None:
        """Follow changed triples (of a canon without blank nodes): each line is kept when a
        graph of the store still holds its triple, dropped otherwise."""
        assert not self.blank, "a canon with blank nodes is read whole again"
        lines = self.lines
        changed = {
            f"{s} {p} {o} .".encode(): next(iter(store.quads_for_pattern(s, p, o, None)), None)
            is not None
            for s, p, o in triples
        }
        if len(changed) > FEW_LINES:  # one pass over all lines, not one insertion each
            kept = [line for line in lines if line not in changed]
            added = sorted(line for line, there in changed.items() if there)
            self.lines = list(merge(kept, added))
            return
        for line, held in changed.items():
            at = bisect_left(lines, line)
            there = at < len(lines) and lines[at] == line
            if held and not there:
                lines.insert(at, line)
            elif there and not held:
                del lines[at]

    def version(self) -> str:
        return hashlib.sha256(b"\n".join(self.lines)).hexdigest()[:32]


def _labelled(store: ox.Store, graphs: Sequence[Graph]) -> bytes:
    """N-Triples with each blank node named by its colour after Weisfeiler-Lehman refinement.

    A blank node's first colour is a hash of its triples with IRIs and literals; each round
    hashes its colour with its triples to other blank nodes, named by their colours, until a
    round splits no class or after MAX_ROUNDS. This replaces RDFC-1.0, which is exponential
    on look-alike blank nodes: a ring of 2,000 or a clique of 30 did not finish in 30 s, and
    a ring or a list of 20,000 crashed the process.

    The price: two canons can share a version when they differ only in how look-alike blank
    nodes link to each other. Refinement cannot tell one ring of six look-alike nodes from
    two rings of three, nor, after MAX_ROUNDS, where a different node sits in a long run of
    look-alike ones (a list of 100 "x" holding one "y" at place 40 or 41). Every triple is
    still hashed, duplicates kept, so such canons hold the same triples up to blank-node
    labels and as many blank nodes of each label. That is acceptable: a canon needs no blank
    nodes (the vocabulary and the shipped canon have none), and the version only names what
    is served (ETags, the response cache), so at worst an answer outlives a reload between
    two such canons, which only their author could arrange, and who controls what is served.
    """
    index: dict[str, int] = {}
    edges: list[tuple[Term, str, Term]] = []
    quads = (q for graph in graphs for q in store.quads_for_pattern(None, None, None, graph))
    for s, p, o in dict.fromkeys((q.subject, q.predicate, q.object) for q in quads):
        ends = [
            index.setdefault(term.value, len(index))
            if isinstance(term, ox.BlankNode)
            else str(term)
            for term in (s, o)
        ]
        edges.append((ends[0], str(p), ends[1]))
    named: list[list[str]] = [[] for _ in index]
    linked: list[list[tuple[str, int]]] = [[] for _ in index]
    for subject, predicate, obj in edges:
        for me, mark, other in ((subject, ">", obj), (obj, "<", subject)):
            if isinstance(me, int):
                if isinstance(other, int):
                    linked[me].append((f"{mark} {predicate} ", other))
                else:
                    named[me].append(f"{mark} {predicate} {other}")
    colours = [_digest(sorted(own)) for own in named]
    alike = _alike(colours, range(len(colours)))
    for _ in range(MAX_ROUNDS):
        classes = len({colours[b] for b in alike})
        refined = [(b, _digest([colours[b], *_links(linked[b], colours)])) for b in alike]
        for b, colour in refined:
            colours[b] = colour
        if len({colour for _, colour in refined}) == classes:
            break
        alike = _alike(colours, alike)

    def name(term: Term) -> str:
        return f"_:{colours[term]}" if isinstance(term, int) else term

    return "".join(f"{name(s)} {p} {name(o)} .\n" for s, p, o in edges).encode()


def _links(links: list[tuple[str, int]], colours: list[str]) -> list[str]:
    """A blank node's triples to other blank nodes, each named by its colour, sorted."""
    return sorted([edge + colours[other] for edge, other in links])


def _alike(colours: list[str], nodes: Iterable[int]) -> list[int]:
    """The nodes whose colour another node shares: only they can still be told apart."""
    nodes = list(nodes)
    shared = Counter(colours[b] for b in nodes)
    return [b for b in nodes if shared[colours[b]] > 1]


def _digest(parts: list[str]) -> str:
    """A colour: a hash of lines that hold no newline (N-Triples escapes them in literals)."""
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
