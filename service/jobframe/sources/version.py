"""A canon's version: a content hash of its triples.

Independent of file order, formatting and blank-node labels, so the same canon always has
the same version wherever and however it is loaded.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox


def _has_blank_nodes(ntriples: bytes) -> bool:
    """A blank node starts a line (subject) or follows the predicate's `> ` (object).

    Plain substring tests, fast on hundreds of megabytes; a literal that happens to hold
    `> _:` only costs a needless canonicalisation, never a wrong version.
    """
    return ntriples.startswith(b"_:") or b"\n_:" in ntriples or b"> _:" in ntriples


def canon_version(store: ox.Store) -> str:
    """SHA-256 (first 32 hex digits) of the sorted N-Triples of the canonicalised triples."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    assert data is not None, "dump without an output returns the bytes"
    if _has_blank_nodes(data):
        dataset = ox.Dataset(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        data = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in dataset).encode()
    lines = sorted(line for line in data.split(b"\n") if line)
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:32]
