"""Compiling a validated canon index into the immutable canon model.

This is the only module that reads canon values out of the RDF data; everything downstream
works on `Canon`. It assumes the data passed the checks (see `checks/report.py`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from ..sources import TripleIndex
from ..vocabulary import JF, SKOS_NOTATION, SKOS_PREF_LABEL
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

N = TypeVar("N", bound=CanonNode)


def _by_label(nodes: dict[str, N]) -> tuple[N, ...]:
    return tuple(sorted(nodes.values(), key=lambda n: (n.label, n.iri)))


class _Reader:
    """Typed single-value access for data that passed the checks."""

    def __init__(self, index: TripleIndex) -> None:
        self.index = index

    def instances(self, cls: str) -> list[str]:
        return self.index.instances(cls)

    def text(self, subject: str, predicate: str) -> str | None:
        return self.index.text(subject, predicate)

    def required_text(self, subject: str, predicate: str) -> str:
        value = self.index.text(subject, predicate)
        assert value is not None, f"{subject} lacks {predicate}: the checks should have said so"
        return value

    def integer(self, subject: str, predicate: str) -> int:
        value = self.index.integer(subject, predicate)
        assert value is not None, f"{subject} lacks {predicate}"
        return value

    def ref(self, subject: str, predicate: str) -> str:
        value = self.index.ref(subject, predicate)
        assert value is not None, f"{subject} lacks {predicate}"
        return value


def compile_canon(index: TripleIndex, version: str) -> Canon:
    """Build the canon model; lists come out in the order frames and clients rely on."""
    r = _Reader(index)
    label, notation = SKOS_PREF_LABEL, SKOS_NOTATION

    functions = {
        s: JobFunction(iri=s, label=r.required_text(s, label)) for s in r.instances(JF.JobFunction)
    }
    families = {
        s: JobFamily(
            iri=s,
            label=r.required_text(s, label),
            function=functions[r.ref(s, JF.function)],
        )
        for s in r.instances(JF.JobFamily)
    }
    tracks = {
        s: Track(iri=s, label=r.required_text(s, label), notation=r.text(s, notation))
        for s in r.instances(JF.Track)
    }
    dimensions = {
        s: LevelDimension(
            iri=s,
            label=r.required_text(s, label),
            notation=r.required_text(s, notation),
            display_order=r.integer(s, JF.displayOrder),
        )
        for s in r.instances(JF.LevelDimension)
    }
    sources = {
        s: Source(iri=s, label=r.required_text(s, label), notation=r.required_text(s, notation))
        for s in r.instances(JF.Source)
    }
    rubric_dimensions = {
        s: RubricDimension(iri=s, label=r.required_text(s, label))
        for s in r.instances(JF.RubricDimension)
    }

    statements_of: dict[str, list[str]] = defaultdict(list)
    for s in r.instances(JF.DimensionStatement):
        statements_of[r.ref(s, JF.level)].append(s)

    levels: dict[str, Level] = {}
    for s in r.instances(JF.Level):
        code = r.required_text(s, notation)
        statements = []
        for st in statements_of[s]:
            dimension = dimensions[r.ref(st, JF.dimension)]
            statements.append(
                DimensionStatement(
                    iri=st,
                    label=f"{code} {dimension.label}",
                    dimension=dimension,
                    text=r.required_text(st, JF.text),
                )
            )
        statements.sort(key=lambda st: (st.dimension.display_order, st.iri))
        levels[s] = Level(
            iri=s,
            label=r.required_text(s, label),
            notation=code,
            track=tracks[r.ref(s, JF.track)],
            rank=r.integer(s, JF.rank),
            statements=tuple(statements),
        )

    parts_of: dict[str, list[str]] = defaultdict(list)
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
        for part in parts_of[s]:
            source = sources[r.ref(part, JF.source)]
            text = r.required_text(part, JF.text)
            if r.index.is_a(part, JF.Responsibility):
                order = r.integer(part, JF.order)
                responsibilities.append(
                    Responsibility(
                        iri=part,
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
                        iri=part,
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
                iri=s,
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
        triple_count=index.triple_count,
        version=version,
    )
