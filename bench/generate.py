"""Deterministic synthetic canons of N role-levels, shaped like the shipped canon.

    python -m bench.generate N FOLDER

writes FOLDER/architecture.ttl, FOLDER/levels.ttl and FOLDER/role-levels/*.ttl: ten levels
(M1-M5, P1-P5) with six dimension statements each, N/10 families in N/100 functions, and
per role-level five responsibilities and both rubric entries. Same N, same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """@base <https://bench.example/canon/> .
@prefix jf:   <https://jobframe.example/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

"""
DIMENSIONS = ("Scope", "Autonomy", "Complexity", "Impact", "Decision rights", "Leadership")
LEVELS = tuple((track, rank) for track in ("M", "P") for rank in range(1, 6))
ROLE_LEVELS_PER_FILE = 1000


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def architecture(families: int) -> str:
    out = [HEADER, '<source/jfm> a jf:Source ; skos:prefLabel "JFM" ; skos:notation "jfm" .\n']
    for f in range(max(1, families // 10)):
        out.append(f"<function/f{f}> a jf:JobFunction ; skos:prefLabel {_q(f'Function {f}')} .\n")
    for fam in range(families):
        out.append(
            f"<family/fam{fam}> a jf:JobFamily ; skos:prefLabel {_q(f'Family {fam}')} ;"
            f" jf:function <function/f{fam // 10}> .\n"
        )
    return "".join(out)


def levels() -> str:
    out = [HEADER]
    for track in ("M", "P"):
        out.append(f"<track/{track}> a jf:Track ; skos:prefLabel {_q(track)} .\n")
    for order, name in enumerate(DIMENSIONS, start=1):
        slug = name.lower().replace(" ", "-")
        out.append(
            f"<dimension/{slug}> a jf:LevelDimension ; skos:prefLabel {_q(name)} ;"
            f" skos:notation {_q(name.lower())} ; jf:displayOrder {order} .\n"
        )
    for track, rank in LEVELS:
        code = f"{track}{rank}"
        out.append(
            f"<level/{code}> a jf:Level ; skos:notation {_q(code)} ;"
            f" skos:prefLabel {_q(f'Level {code}')} ; jf:track <track/{track}> ; jf:rank {rank} .\n"
        )
        for name in DIMENSIONS:
            slug = name.lower().replace(" ", "-")
            out.append(
                f"<level/{code}/{slug}> a jf:DimensionStatement ; jf:level <level/{code}> ;"
                f" jf:dimension <dimension/{slug}> ; jf:text {_q(f'{code} {name} statement')} .\n"
            )
    return "".join(out)


def role_level(index: int) -> str:
    fam, (track, rank) = index // len(LEVELS), LEVELS[index % len(LEVELS)]
    code = f"{track}{rank}"
    role = f"<role/fam{fam}/{code}>"
    out = [f"{role} a jf:RoleLevel ; jf:family <family/fam{fam}> ; jf:level <level/{code}> .\n"]
    for n in range(1, 6):
        text = f"Responsibility {n} of family {fam} at {code}, with “quotes” — and dashes"
        out.append(
            f"<role/fam{fam}/{code}/responsibility/{n}> a jf:Responsibility ;"
            f" jf:roleLevel {role} ; jf:order {n} ; jf:source <source/jfm> ; jf:text {_q(text)} .\n"
        )
    for slug, term in (("cps", "ComplexityProblemSolving"), ("ka", "KnowledgeApplication")):
        out.append(
            f"<role/fam{fam}/{code}/rubric/{slug}> a jf:RubricEntry ; jf:roleLevel {role} ;"
            f" jf:rubricDimension jf:{term} ; jf:source <source/jfm> ;"
            f" jf:text {_q(f'{term} rubric text for family {fam} at {code}.')} .\n"
        )
    return "".join(out)


def generate(role_levels: int, folder: Path) -> Path:
    """Write a canon of `role_levels` role-levels (a multiple of ten) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    families = max(1, role_levels // len(LEVELS))
    (folder / "architecture.ttl").write_text(architecture(families), encoding="utf-8")
    (folder / "levels.ttl").write_text(levels(), encoding="utf-8")
    parts = folder / "role-levels"
    parts.mkdir(exist_ok=True)
    for start in range(0, role_levels, ROLE_LEVELS_PER_FILE):
        stop = min(start + ROLE_LEVELS_PER_FILE, role_levels)
        body = "".join(role_level(i) for i in range(start, stop))
        (parts / f"part{start // ROLE_LEVELS_PER_FILE:04d}.ttl").write_text(
            HEADER + body, encoding="utf-8"
        )
    return folder


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
