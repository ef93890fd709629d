"""Rows of the role-level sheets as nodes: role-levels, their responsibilities and their
leveling-rubric entries, each written to its role-level's file."""

from __future__ import annotations

from ..canon import NearNames
from ..findings import FindingKind
from ..vocabulary import JF
from .building import Builder, role_file
from .iris import RUBRICS, responsibility_iri, role_iri, rubric_iri
from .layout import Row, Table
from .problems import did_you_mean
from .turtle_writer import Ref


def role_levels(b: Builder) -> dict[tuple[str, str], str]:
    """(family name, level code) -> the role-level's IRI."""
    roles: dict[tuple[str, str], str] = {}
    seen: dict[object, str] = {}
    for t, r in b.rows("role_levels"):
        family, level = b.ref(t, r, "family", b.families), b.ref(t, r, "level", b.levels)
        if not (family and level) or not b.unique(
            seen, (family, level), t, r, "level", "role-level"
        ):
            continue
        name, code = b.value(t, r, "family"), b.value(t, r, "level")
        node = b.node(t, r, role_iri(name, code), JF.RoleLevel, role_file(name, code))
        if node:
            node.add(JF.family, Ref(family))
            node.add(JF.level, Ref(level))
            roles[(name, code)] = node.iri
    return roles


def parts(b: Builder, roles: dict[tuple[str, str], str]) -> None:
    """Responsibilities and rubric entries, each of a role-level."""
    for sheet in ("responsibilities", "rubric"):
        seen: dict[object, str] = {}
        for t, r in b.rows(sheet):
            family, level = b.ref(t, r, "family", b.families), b.ref(t, r, "level", b.levels)
            name, code = b.value(t, r, "family", False), b.value(t, r, "level", False)
            source = b.ref(t, r, "source", b.sources)
            b.value(t, r, "text")
            lang, group = b.lang(t, r), ""
            if sheet == "responsibilities":
                key: int | str | None = b.integer(t, r, "order")
                group = b.ref(t, r, "group", b.groups, required=False)
            else:
                key = _rubric(b, t, r)
            role = roles.get((name, code), "")
            if family and level and not role:
                b.problems.at(
                    t,
                    r,
                    "family",
                    f"no role-level `{name}` at `{code}` in sheet `role_levels`",
                    f"add the row `{name}`, `{code}` to sheet `role_levels`",
                    FindingKind.DANGLING,
                )
            if (
                not role
                or key is None
                or not b.unique(
                    seen,
                    (role, key),
                    t,
                    r,
                    "order" if isinstance(key, int) else "rubric",
                    (
                        f"responsibility with order {key} of this role-level"
                        if isinstance(key, int)
                        else f"`{key}` rubric entry of this role-level"
                    ),
                )
            ):
                continue
            file = role_file(name, code)
            if isinstance(key, int):
                node = b.node(t, r, responsibility_iri(name, code, key), JF.Responsibility, file)
                if node:
                    node.add(JF.order, key)
                    if group:
                        node.add(JF.group, Ref(group))
            else:
                node = b.node(t, r, rubric_iri(name, code, key), JF.RubricEntry, file)
                if node:
                    node.add(JF.rubricDimension, Ref(RUBRICS[key][0]))
            if node:
                node.add(JF.roleLevel, Ref(role))
                node.add(JF.source, Ref(source))
                b.texts(node, t, r, lang)


def _rubric(b: Builder, t: Table, r: Row) -> str | None:
    """The rubric a `rubric` cell names: `complexity` or `knowledge`."""
    written = b.value(t, r, "rubric")
    key = written.casefold()
    if not written or key in RUBRICS:
        return key or None
    b.problems.at(
        t,
        r,
        "rubric",
        f"`rubric` must be `complexity` or `knowledge`, not `{written}`",
        did_you_mean(key, NearNames(RUBRICS).closest(key, 1)) or "write complexity or knowledge",
    )
    return None
