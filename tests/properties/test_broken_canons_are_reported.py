"""Every mutation of the check corpus, applied at random places to random valid canons, is
reported by the check as an error with a location; the check never crashes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from jobframe.checks import check_canon
from tests.properties.canons import C, J, canon_specs, graph_of

MUTATIONS = (
    "syntax",
    "dangling",
    "drop",
    "duplicate order",
    "cycle",
    "unknown dimension",
    "level without code",
)
REQUIRED = (J("text"), SKOS.notation, SKOS.prefLabel, J("function"), J("level"), J("family"))


def mutate(graph: Graph, mutation: str, data: st.DataObject) -> Graph | str:
    """The mutated graph, or for `syntax` the mutated Turtle text."""
    pick = lambda items: data.draw(st.sampled_from(sorted(items)))  # noqa: E731
    if mutation == "syntax":
        text = graph.serialize(format="turtle")
        cut = data.draw(st.integers(0, len(text)))
        broken = text[:cut] + " <unclosed }{ " + text[cut:]
        assume(not _parses(broken))  # inside a string literal, the insertion is only more text
        return broken
    if mutation == "dangling":
        s, p, o = pick(
            t for t in graph if isinstance(t[2], URIRef) and t[1] != RDF.type and t[2].startswith(C)
        )
        graph.remove((s, p, o))
        graph.add((s, p, C[f"missing-{data.draw(st.integers(0, 999))}"]))
    elif mutation == "drop":
        graph.remove(pick(t for t in graph if t[1] in REQUIRED))
    elif mutation == "duplicate order":
        graph.set((C.r2, J("order"), Literal(1)))
    elif mutation == "cycle":
        graph.add((C.fam2, RDF.type, J("JobFamily")))
        graph.add((C.fam2, SKOS.prefLabel, Literal("loop")))
        graph.add((C.fam2, J("function"), C.fam))
        graph.set((C.fam, J("function"), C.fam2))
    elif mutation == "unknown dimension":
        statement = pick(graph.subjects(RDF.type, J("DimensionStatement")))
        graph.set((statement, J("dimension"), C["no-such-dimension"]))
    elif mutation == "level without code":
        graph.remove((C.lvl, SKOS.notation, None))
    return graph


def _parses(turtle: str) -> bool:
    try:
        Graph().parse(data=turtle, format="turtle")
    except Exception:  # any parser error: the text is broken, as the mutation meant
        return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spec=canon_specs.filter(lambda s: len(s.responsibilities) >= 2 and s.dimensions),
    mutation=st.sampled_from(MUTATIONS),
    data=st.data(),
)
def test_a_broken_canon_is_reported_and_never_crashes_the_check(
    spec: object, mutation: str, data: st.DataObject
) -> None:
    broken = mutate(graph_of(spec), mutation, data)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "canon.ttl"
        text = broken if isinstance(broken, str) else broken.serialize(format="turtle")
        path.write_text(text, encoding="utf-8")
        report = check_canon(Path(tmp))
    assert report.errors, f"{mutation} was not reported"
    assert report.canon is None
    for finding in report.errors:
        assert finding.kind and finding.hint
        assert finding.location.file or finding.location.node
