"""A small canon written to compare levels: two tracks (P1 to P4, M1 to M3), two families.

Field Operations is at P3, P4 and M3; Laboratory only at P3 (with a statement of its own at
M3 all the same). Level dimensions are shown Scope, Leadership, Autonomy (display order,
unlike their labels' or IRIs' order); P3 says nothing about Leadership. Texts at two levels
are either exactly the same or differ by one character (a final full stop), so exact
matching and fuzzy pairing give different answers.
"""

from __future__ import annotations

import re

from tests.conftest import ARCHITECTURE, PREFIXES

BASE = "https://test.example/canon/"


def _statement(level: str, slug: str, text: str, family: str | None = None) -> str:
    iri = f"<level/{level}/{slug}" + (f"/{family}>" if family else ">")
    scoped = f" jf:family <family/{family}> ;" if family else ""
    return (
        f"{iri} a jf:DimensionStatement ; jf:level <level/{level}> ;"
        f' jf:dimension <dimension/{slug}> ;{scoped} jf:text "{text}" .\n'
    )


def _role(family: str, level: str, responsibilities: tuple[str, ...], **rubric: str) -> str:
    role = f"<role/{family}/{level}>"
    out = [f"{role} a jf:RoleLevel ; jf:family <family/{family}> ; jf:level <level/{level}> .\n"]
    for n, text in enumerate(responsibilities, start=1):
        out.append(
            f"<role/{family}/{level}/r{n}> a jf:Responsibility ; jf:roleLevel {role} ;"
            f' jf:order {n} ; jf:source <source/jfm> ; jf:text "{text}" .\n'
        )
    for slug, text in rubric.items():
        term = {"cps": "ComplexityProblemSolving", "ka": "KnowledgeApplication"}[slug]
        out.append(
            f"<role/{family}/{level}/{slug}> a jf:RubricEntry ; jf:roleLevel {role} ;"
            f" jf:rubricDimension jf:{term} ; jf:source <source/jfm> ;"
            f' jf:text "{text}" .\n'
        )
    return "".join(out)


LEVELS = (
    PREFIXES
    + """
<family/lab> a jf:JobFamily ; skos:prefLabel "Laboratory" ; jf:function <function/ops> .
<track/M> a jf:Track ; skos:prefLabel "M" .
<level/P4> a jf:Level ; skos:notation "P4" ; skos:prefLabel "Lead Specialist" ;
    jf:track <track/P> ; jf:rank 4 .
<level/P1> a jf:Level ; skos:notation "P1" ; skos:prefLabel "Specialist" ;
    jf:track <track/P> ; jf:rank 1 .
<level/P2> a jf:Level ; skos:notation "P2" ; skos:prefLabel "Specialist II" ;
    jf:track <track/P> ; jf:rank 2 .
<level/M1> a jf:Level ; skos:notation "M1" ; skos:prefLabel "Team Lead" ;
    jf:track <track/M> ; jf:rank 1 .
<level/M2> a jf:Level ; skos:notation "M2" ; skos:prefLabel "Manager" ;
    jf:track <track/M> ; jf:rank 2 .
<level/M3> a jf:Level ; skos:notation "M3" ; skos:prefLabel "Senior Manager" ;
    jf:track <track/M> ; jf:rank 3 .
<dimension/scope> a jf:LevelDimension ; skos:prefLabel "Scope" ;
    skos:notation "scope" ; jf:displayOrder 1 .
<dimension/leadership> a jf:LevelDimension ; skos:prefLabel "Leadership" ;
    skos:notation "leadership" ; jf:displayOrder 2 .
<dimension/autonomy> a jf:LevelDimension ; skos:prefLabel "Autonomy" ;
    skos:notation "autonomy" ; jf:displayOrder 3 .
"""
    + _statement("P3", "scope", "Team projects")
    + _statement("P3", "autonomy", "Works independently")
    + _statement("P4", "scope", "Team projects")
    + _statement("P4", "scope", "All field programmes of one region", family="ops")
    + _statement("P4", "leadership", "Guides peers")
    + _statement("P4", "autonomy", "Works independently.")
    + _statement("M3", "scope", "Team projects")
    + _statement("M3", "leadership", "Leads a team")
    + _statement("M3", "leadership", "Leads the lab's team", family="lab")
    + _statement("M3", "autonomy", "Sets the team's direction")
    + "".join(_statement(lv, "scope", f"{lv} scope") for lv in ("P1", "P2", "M1", "M2"))
    + _role(
        "ops",
        "P3",
        ("Plans field visits", "Reports incidents"),
        cps="Solves hard problems.",
        ka="Applies deep knowledge.",
    )
    + _role(
        "ops",
        "P4",
        ("Coaches new staff", "Plans field visits", "Reports incidents."),
        cps="Solves hard problems.",
    )
    + _role(
        "ops", "M3", ("Leads the field team", "Plans field visits"), ka="Applies deep knowledge."
    )
    + _role("lab", "P3", ("Runs the lab",))
)
"""Turtle added to the conftest's ARCHITECTURE (function, Field Operations, JFM, P3)."""

CANON = (ARCHITECTURE, LEVELS)
"""The Turtle files of the comparison canon."""

GERMAN = (
    PREFIXES
    + """
<family/lab> skos:prefLabel "Labor"@de .
<role/lab/P3/r1> jf:text "Betreibt das Labor"@de .
<level/P3/scope> jf:text "Teamprojekte"@de .
<level/P3/autonomy> jf:text "Arbeitet selbstständig"@de .
<level/P4/scope> jf:text "Teamprojekte"@de .
<level/P4/leadership> jf:text "Leitet Kollegen an"@de .
<level/P4/autonomy> jf:text "Arbeitet selbstständig."@de .
"""
)
"""German for every text of Laboratory at P3 and P4."""


def english_tagged(turtle: str) -> str:
    """The Turtle with its texts (jf:text) tagged @en; names stay untagged."""
    return re.sub(r'(jf:text "[^"]*")', r"\1@en", turtle)


def iri(path: str) -> str:
    return BASE + path
