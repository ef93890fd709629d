"""Hypothesis strategies: random valid canons, written as Turtle by rdflib's serializer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from rdflib import RDF, SKOS, XSD, Graph, Literal, Namespace, URIRef

from jobframe.vocabulary import JF

C = Namespace("https://prop.example/canon/")


def J(name: str) -> URIRef:
    return URIRef(getattr(JF, name))


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=400,
)
"""Any printable unicode: quotes, backslashes, emoji, right-to-left, long."""


@dataclass(frozen=True)
class CanonSpec:
    function: str
    family: str
    code: str
    title: str
    source_label: str
    source_notation: str
    dimensions: tuple[tuple[str, str, str], ...]
    """(label, notation, statement) in display order."""
    responsibilities: tuple[str, ...]
    complexity: str | None
    knowledge: str | None


canon_specs = st.builds(
    CanonSpec,
    function=texts,
    family=texts,
    code=texts,
    title=texts,
    source_label=texts,
    source_notation=texts,
    dimensions=st.lists(st.tuples(texts, texts, texts), max_size=9).map(tuple),
    responsibilities=st.lists(texts, max_size=12).map(tuple),
    complexity=st.none() | texts,
    knowledge=st.none() | texts,
)


def graph_of(spec: CanonSpec) -> Graph:
    g = Graph()
    g.add((C.fn, RDF.type, J("JobFunction")))
    g.add((C.fn, SKOS.prefLabel, Literal(spec.function)))
    g.add((C.fam, RDF.type, J("JobFamily")))
    g.add((C.fam, SKOS.prefLabel, Literal(spec.family)))
    g.add((C.fam, J("function"), C.fn))
    g.add((C.src, RDF.type, J("Source")))
    g.add((C.src, SKOS.prefLabel, Literal(spec.source_label)))
    g.add((C.src, SKOS.notation, Literal(spec.source_notation)))
    g.add((C.track, RDF.type, J("Track")))
    g.add((C.track, SKOS.prefLabel, Literal("T")))
    g.add((C.lvl, RDF.type, J("Level")))
    g.add((C.lvl, SKOS.notation, Literal(spec.code)))
    g.add((C.lvl, SKOS.prefLabel, Literal(spec.title)))
    g.add((C.lvl, J("track"), C.track))
    g.add((C.lvl, J("rank"), Literal(1, datatype=XSD.integer)))
    for i, (label, notation, statement) in enumerate(spec.dimensions, start=1):
        dim, st_ = C[f"dim{i}"], C[f"st{i}"]
        g.add((dim, RDF.type, J("LevelDimension")))
        g.add((dim, SKOS.prefLabel, Literal(label)))
        g.add((dim, SKOS.notation, Literal(notation)))
        g.add((dim, J("displayOrder"), Literal(i, datatype=XSD.integer)))
        g.add((st_, RDF.type, J("DimensionStatement")))
        g.add((st_, J("level"), C.lvl))
        g.add((st_, J("dimension"), dim))
        g.add((st_, J("text"), Literal(statement)))
    g.add((C.role, RDF.type, J("RoleLevel")))
    g.add((C.role, J("family"), C.fam))
    g.add((C.role, J("level"), C.lvl))
    for i, text in enumerate(spec.responsibilities, start=1):
        r = C[f"r{i}"]
        g.add((r, RDF.type, J("Responsibility")))
        g.add((r, J("roleLevel"), C.role))
        g.add((r, J("order"), Literal(i, datatype=XSD.integer)))
        g.add((r, J("source"), C.src))
        g.add((r, J("text"), Literal(text)))
    for name, text in (
        ("ComplexityProblemSolving", spec.complexity),
        ("KnowledgeApplication", spec.knowledge),
    ):
        if text is not None:
            e = C[f"rubric-{name}"]
            g.add((e, RDF.type, J("RubricEntry")))
            g.add((e, J("roleLevel"), C.role))
            g.add((e, J("rubricDimension"), J(name)))
            g.add((e, J("source"), C.src))
            g.add((e, J("text"), Literal(text)))
    return g


def write(graph: Graph, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "canon.ttl").write_text(graph.serialize(format="turtle"), encoding="utf-8")
    return folder
