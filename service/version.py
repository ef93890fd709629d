"""A canon's version: a content hash of its triples.

Independent of file order, formatting and blank-node labels, so the same canon always has
the same version wherever and however it is loaded.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox


def canon_version(store: ox.Store) -> str:
    """SHA-256 (first 32 hex digits) of the sorted N-Triples of the canonicalised triples."""
    quads = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if any(
        isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads
    ):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    digest = hashlib.sha256()
    for line in sorted(f"{q.subject} {q.predicate} {q.object} ." for q in quads):
        digest.update(line.encode())
        digest.update(b"\n")
    return digest.hexdigest()[:32]
