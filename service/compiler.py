"""Compiling a validated RDF graph into the immutable canon model.

This is the only module that reads canon values out of rdflib; everything downstream
works on `Canon`. It assumes the graph passed SHACL validation (see `shapes.py`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from .canon import Canon
from .nodes import (
    CanonNode,
    DimensionStatement,
    JobFamily,
    JobFunction,
    Level,
    LevelDimension,
    Responsibility,
    RoleLevel,
    RubricDimension,
    RubricEntry,
    Source,
    Track,
)
from .vocabulary import JF

N = TypeVar("N", bound=CanonNode)


def _by_label(nodes: dict[str, N]) -> tuple[N, ...]:
    return tuple(sorted(nodes.values(), key=lambda n: (n.label, n.iri)))


class _Reader:
    """Typed single-value access to a graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def instances(self, cls: URIRef) -> list[URIRef]:
        return sorted(s for s in self.graph.subjects(RDF.type, cls) if isinstance(s, URIRef))

    def text(self, subject: Node, predicate: URIRef) -> str | None:
        value = self.graph.value(subject, predicate)
        return str(value) if isinstance(value, Literal) else None

    def required_text(self, subject: Node, predicate: URIRef) -> str:
        value = self.text(subject, predicate)
        assert value is not None, f"{subject} lacks {predicate}: validation should have said so"
        return value

    def integer(self, subject: Node, predicate: URIRef) -> int:
        value = self.graph.value(subject, predicate)
        assert isinstance(value, Literal), f"{subject} lacks {predicate}"
        return int(value.toPython())

    def ref(self, subject: Node, predicate: URIRef) -> str:
        value = self.graph.value(subject, predicate)
        assert isinstance(value, URIRef), f"{subject} lacks {predicate}"
        return str(value)


def compile_canon(graph: Graph) -> Canon:
    """Build the canon model; lists come out in the order frames and clients rely on."""
    r = _Reader(graph)
    label, notation = SKOS.prefLabel, SKOS.notation

    functions = {
        str(s): JobFunction(iri=str(s), label=r.required_text(s, label))
        for s in r.instances(JF.JobFunction)
    }
    families = {
        str(s): JobFamily(
            iri=str(s),
            label=r.required_text(s, label),
            function=functions[r.ref(s, JF.function)],
        )
        for s in r.instances(JF.JobFamily)
    }
    tracks = {
        str(s): Track(iri=str(s), label=r.required_text(s, label), notation=r.text(s, notation))
        for s in r.instances(JF.Track)
    }
    dimensions = {
        str(s): LevelDimension(
            iri=str(s),
            label=r.required_text(s, label),
            notation=r.required_text(s, notation),
            display_order=r.integer(s, JF.displayOrder),
        )
        for s in r.instances(JF.LevelDimension)
    }
    sources = {
        str(s): Source(
            iri=str(s), label=r.required_text(s, label), notation=r.required_text(s, notation)
        )
        for s in r.instances(JF.Source)
    }
    rubric_dimensions = {
        str(s): RubricDimension(iri=str(s), label=r.required_text(s, label))
        for s in r.instances(JF.RubricDimension)
    }

    statements_of: dict[str, list[URIRef]] = defaultdict(list)
    for s in r.instances(JF.DimensionStatement):
        statements_of[r.ref(s, JF.level)].append(s)

    levels: dict[str, Level] = {}
    for s in r.instances(JF.Level):
        code = r.required_text(s, notation)
        statements = []
        for st in statements_of[str(s)]:
            dimension = dimensions[r.ref(st, JF.dimension)]
            statements.append(
                DimensionStatement(
                    iri=str(st),
                    label=f"{code} {dimension.label}",
                    dimension=dimension,
                    text=r.required_text(st, JF.text),
                )
            )
        statements.sort(key=lambda st: (st.dimension.display_order, st.iri))
        levels[str(s)] = Level(
            iri=str(s),
            label=r.required_text(s, label),
            notation=code,
            track=tracks[r.ref(s, JF.track)],
            rank=r.integer(s, JF.rank),
            statements=tuple(statements),
        )

    parts_of: dict[str, list[URIRef]] = defaultdict(list)
    for cls in (JF.Responsibility, JF.RubricEntry):
        for s in r.instances(cls):
            parts_of[r.ref(s, JF.roleLevel)].append(s)

    role_levels = []
    for s in r.instances(JF.RoleLevel):
        family = families[r.ref(s, JF.family)]
        level = levels[r.ref(s, JF.level)]
        name = f"{family.label} — {level.code}"
        responsibilities = []
        rubric = []
        for part in parts_of[str(s)]:
            source = sources[r.ref(part, JF.source)]
            text = r.required_text(part, JF.text)
            if (part, RDF.type, JF.Responsibility) in graph:
                order = r.integer(part, JF.order)
                responsibilities.append(
                    Responsibility(
                        iri=str(part),
                        label=f"{name} responsibility {order}",
                        order=order,
                        source=source,
                        text=text,
                    )
                )
            else:
                along = rubric_dimensions[r.ref(part, JF.rubricDimension)]
                rubric.append(
                    RubricEntry(
                        iri=str(part),
                        label=f"{name} {along.label} rubric",
                        dimension=along,
                        source=source,
                        text=text,
                    )
                )
        responsibilities.sort(key=lambda x: (x.order, x.iri))
        rubric.sort(key=lambda x: (x.dimension.label, x.iri))
        role_levels.append(
            RoleLevel(
                iri=str(s),
                label=name,
                family=family,
                level=level,
                responsibilities=tuple(responsibilities),
                rubric=tuple(rubric),
            )
        )

    return Canon(
        functions=_by_label(functions),
        families=_by_label(families),
        tracks=tuple(sorted(tracks.values(), key=lambda t: (t.label, t.iri))),
        levels=tuple(sorted(levels.values(), key=lambda lv: (lv.track.label, lv.rank, lv.iri))),
        dimensions=tuple(sorted(dimensions.values(), key=lambda d: (d.display_order, d.iri))),
        sources=_by_label(sources),
        rubric_dimensions=_by_label(rubric_dimensions),
        role_levels=tuple(
            sorted(
                role_levels,
                key=lambda rl: (rl.family.label, rl.level.track.label, rl.level.rank, rl.iri),
            )
        ),
        triple_count=len(graph),
    )
