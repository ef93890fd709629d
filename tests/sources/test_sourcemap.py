"""Locating canon text: where a subject is described and where a term is used, by file and
line, through prefixes, a base, full IRIs and a byte-order mark; strings and comments that
mention a term are no use of it."""

from __future__ import annotations

from pathlib import Path

from jobframe.findings import Location
from jobframe.sources import SourceMap

JF = "https://jobframe.example/ontology#"
TEXT = """\
@base <https://test.example/canon/> .
@prefix jf: <https://jobframe.example/ontology#> .
# jf:Typo in a comment
<a> jf:text \"\"\"a long text
that says jf:Typo\"\"\" ;
    a jf:Typo .
jf:own a <https://jobframe.example/ontology#Typo> .
<b> jf:text 'jf:Typo' ;
    <https://jobframe.example/ontology#Typo> 1 ; jf:Typo.
"""


def test_a_term_is_located_where_it_is_used_not_where_it_is_quoted(tmp_path: Path) -> None:
    path = tmp_path / "a.ttl"
    path.write_text(TEXT, "utf-8")
    uses = SourceMap([path]).uses({JF + "Typo", JF + "Absent"})
    assert uses == {JF + "Typo": {str(path): [6, 7, 9, 9]}, JF + "Absent": {}}


def test_a_node_is_located_at_its_first_use_of_a_term_after_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "a.ttl"
    path.write_text(TEXT, "utf-8")
    places = SourceMap([path])
    uses = places.uses({JF + "Typo"})[JF + "Typo"]
    b = "https://test.example/canon/b"
    assert places.locate_use(b, uses) == Location(file=str(path), line=9, node=b)
    assert places.locate(JF + "own") == Location(file=str(path), line=7, node=JF + "own")
    nowhere = "https://test.example/canon/nowhere"
    assert places.locate_use(nowhere, uses).line == 6


def test_a_file_with_a_byte_order_mark_is_located_as_without(tmp_path: Path) -> None:
    path = tmp_path / "a.ttl"
    path.write_bytes(b"\xef\xbb\xbf<https://test.example/canon/a> a <urn:x> .\n")
    node = "https://test.example/canon/a"
    assert SourceMap([path]).locate(node) == Location(file=str(path), line=1, node=node)
