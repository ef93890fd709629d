"""Compiling a validated canon index into the immutable canon model.

This is the only module that reads canon values out of the RDF data, by the predicates of
`mapping.py`; everything downstream works on `Canon`. It assumes the data passed the checks
(see `checks/report.py`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypeVar

from ..sources import TripleIndex
from .canon import Canon
from .languages import DEFAULT_LANGUAGE, Values, pick
from .mapping import (
    CANON,
    DIMENSION_STATEMENT,
    JOB_FAMILY,
    JOB_FUNCTION,
    LEVEL,
    LEVEL_DIMENSION,
    RESPONSIBILITY,
    RESPONSIBILITY_GROUP,
    ROLE_LEVEL,
    RUBRIC_DIMENSION,
    RUBRIC_ENTRY,
    SOURCE_CLASS,
    TRACK,
    NodeClass,
    Value,
)
from .nodes import (
    CanonAbout,
    CanonNode,
    DimensionStatement,
    JobFamily,
    JobFunction,
    Level,
    LevelDimension,
    Responsibility,
    ResponsibilityGroup,
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
    """Typed single-value access for data that passed the checks.

    Quoted fields are read in the canon's default language (see `languages.pick`); every
    field with a tagged value or several values is kept in `literals` for other languages.
    """

    def __init__(self, index: TripleIndex) -> None:
        self.index = index
        self.literals: dict[str, dict[str, Values]] = {}
        about = index.instances(CANON.cls)
        declared = index.text(about[0], CANON["default_language"]) if about else None
        self.default = declared or DEFAULT_LANGUAGE

    def instances(self, node_class: NodeClass) -> list[str]:
        return self.index.instances(node_class.cls)

    def own(self, subject: str, node_class: NodeClass) -> dict[str, Any]:
        """The node's quoted fields (`label`, `notation`, `text`) with their `languages`, and
        its integers."""
        found: dict[str, Any] = {}
        languages = []
        for field in node_class.quoted():
            name = field.name
            literals = self.index.literals(subject, field.predicate)
            values = tuple(sorted(((v.language, v.value) for v in literals), key=_value_order))
            chosen = pick(values, self.default, self.default)
            if chosen is None:
                assert not field.required, f"{subject} lacks its {name}: the checks say so"
                continue
            if len(values) > 1 or chosen[0] is not None:
                self.literals.setdefault(subject, {})[name] = values
            tag, found[name] = chosen
            if tag is not None:
                languages.append((name, tag))
        found["languages"] = tuple(languages)
        for field in node_class.fields:
            if field.value is Value.INTEGER:
                found[field.name] = self.integer(subject, field.predicate)
        return found

    def text(self, subject: str, predicate: str) -> str | None:
        return self.index.text(subject, predicate)

    def integer(self, subject: str, predicate: str) -> int:
        value = self.index.integer(subject, predicate)
        assert value is not None, f"{subject} lacks {predicate}"
        return value

    def ref(self, subject: str, predicate: str) -> str:
        value = self.index.ref(subject, predicate)
        assert value is not None, f"{subject} lacks {predicate}"
        return value

    def text_ref(self, subject: str, predicate: str) -> str | None:
        """An optional reference (IRI) value."""
        return self.index.ref(subject, predicate)


def _value_order(value: tuple[str | None, str]) -> tuple[bool, str, str]:
    return (value[0] is not None, value[0] or "", value[1])


def compile_canon(index: TripleIndex, version: str) -> Canon:
    """Build the canon model; lists come out in the order frames and clients rely on."""
    r = _Reader(index)

    functions = {s: JobFunction(iri=s, **r.own(s, JOB_FUNCTION)) for s in r.instances(JOB_FUNCTION)}
    families = {
        s: JobFamily(
            iri=s, function=functions[r.ref(s, JOB_FAMILY["function"])], **r.own(s, JOB_FAMILY)
        )
        for s in r.instances(JOB_FAMILY)
    }
    tracks = {s: Track(iri=s, **r.own(s, TRACK)) for s in r.instances(TRACK)}
    dimensions = {
        s: LevelDimension(iri=s, **r.own(s, LEVEL_DIMENSION)) for s in r.instances(LEVEL_DIMENSION)
    }
    sources = {s: Source(iri=s, **r.own(s, SOURCE_CLASS)) for s in r.instances(SOURCE_CLASS)}
    rubric_dimensions = {
        s: RubricDimension(iri=s, **r.own(s, RUBRIC_DIMENSION))
        for s in r.instances(RUBRIC_DIMENSION)
    }
    groups = {
        s: ResponsibilityGroup(iri=s, **r.own(s, RESPONSIBILITY_GROUP))
        for s in r.instances(RESPONSIBILITY_GROUP)
    }

    statements_of: dict[str, list[str]] = defaultdict(list)
    for s in r.instances(DIMENSION_STATEMENT):
        statements_of[r.ref(s, DIMENSION_STATEMENT["level"])].append(s)

    levels: dict[str, Level] = {}
    for s in r.instances(LEVEL):
        own = r.own(s, LEVEL)
        generic: list[DimensionStatement] = []
        specific: list[DimensionStatement] = []
        for st in statements_of[s]:
            dimension = dimensions[r.ref(st, DIMENSION_STATEMENT["dimension"])]
            family_iri = r.text_ref(st, DIMENSION_STATEMENT["family"])
            family = families[family_iri] if family_iri is not None else None
            for_whom = f" ({family.label})" if family is not None else ""
            statement = DimensionStatement(
                iri=st,
                label=f"{own['notation']} {dimension.label}{for_whom}",
                dimension=dimension,
                family=family,
                **r.own(st, DIMENSION_STATEMENT),
            )
            (specific if family is not None else generic).append(statement)
        generic.sort(key=lambda st: (st.dimension.display_order, st.iri))
        specific.sort(
            key=lambda st: (
                st.family.label if st.family else "",
                st.dimension.display_order,
                st.iri,
            )
        )
        levels[s] = Level(
            iri=s,
            track=tracks[r.ref(s, LEVEL["track"])],
            statements=tuple(generic),
            family_statements=tuple(specific),
            **own,
        )

    parts_of: dict[str, list[str]] = defaultdict(list)
    for part_class in (RESPONSIBILITY, RUBRIC_ENTRY):
        for s in r.instances(part_class):
            parts_of[r.ref(s, part_class["role_level"])].append(s)

    role_levels = []
    for s in r.instances(ROLE_LEVEL):
        family = families[r.ref(s, ROLE_LEVEL["family"])]
        level = levels[r.ref(s, ROLE_LEVEL["level"])]
        name = f"{family.label} — {level.code}"
        responsibilities = []
        rubric = []
        for part in parts_of[s]:
            if r.index.is_a(part, RESPONSIBILITY.cls):
                own = r.own(part, RESPONSIBILITY)
                group = r.text_ref(part, RESPONSIBILITY["group"])
                responsibilities.append(
                    Responsibility(
                        iri=part,
                        label=f"{name} responsibility {own['order']}",
                        source=sources[r.ref(part, RESPONSIBILITY["source"])],
                        group=groups[group] if group is not None else None,
                        **own,
                    )
                )
            else:
                along = rubric_dimensions[r.ref(part, RUBRIC_ENTRY["dimension"])]
                rubric.append(
                    RubricEntry(
                        iri=part,
                        label=f"{name} {along.label} rubric",
                        dimension=along,
                        source=sources[r.ref(part, RUBRIC_ENTRY["source"])],
                        **r.own(part, RUBRIC_ENTRY),
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
                statements=for_family(level, family),
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
        groups=tuple(sorted(groups.values(), key=lambda g: (g.display_order, g.iri))),
        role_levels=tuple(
            sorted(
                role_levels,
                key=lambda rl: (rl.family.label, rl.level.track.label, rl.level.rank, rl.iri),
            )
        ),
        triple_count=index.triple_count,
        version=version,
        about=_about(r),
        literals=r.literals,
        default_language=r.default,
    )


def for_family(level: Level, family: JobFamily) -> tuple[DimensionStatement, ...]:
    """The level's statements for one family: its own statement replaces the generic one."""
    own = {
        st.dimension.iri: st
        for st in level.family_statements
        if st.family is not None and st.family.iri == family.iri
    }
    if not own:
        return level.statements
    generic = {st.dimension.iri: st for st in level.statements}
    merged = {**generic, **own}
    return tuple(sorted(merged.values(), key=lambda st: (st.dimension.display_order, st.iri)))


def _about(r: _Reader) -> CanonAbout | None:
    """The canon's `jf:Canon` node, if it has one (the checks allow at most one)."""
    found = r.instances(CANON)
    if not found:
        return None
    s = found[0]
    title = r.index.literals(s, CANON["label"])
    return CanonAbout(
        iri=s,
        label=title[0].value if title else "",
        default_language=r.default,
        source=r.text_ref(s, CANON["source"]),
        license=r.text_ref(s, CANON["license"]),
        attribution=r.text(s, CANON["attribution"]),
    )
