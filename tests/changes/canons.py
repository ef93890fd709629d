"""Small canons for comparing: Field Operations P3 (three responsibilities, two dimensions),
Laboratory P3 with its own Scope statement, and Fleet P3 with the level's generic ones."""

from __future__ import annotations

from pathlib import Path

from jobframe.canon import Canon
from jobframe.loading import load_canon
from tests.conftest import ARCHITECTURE, PREFIXES, dimensions, role_level, write_canon

OTHERS = (
    PREFIXES
    + """
<family/lab> a jf:JobFamily ; skos:prefLabel "Laboratory" ; jf:function <function/ops> .
<family/fleet> a jf:JobFamily ; skos:prefLabel "Fleet" ; jf:function <function/ops> .
<level/P3/scope/lab> a jf:DimensionStatement ; jf:level <level/P3> ;
    jf:dimension <dimension/scope> ; jf:family <family/lab> ;
    jf:text "Owns the lab programme of one site" .
<role/lab/P3> a jf:RoleLevel ; jf:family <family/lab> ; jf:level <level/P3> .
<role/lab/P3/r1> a jf:Responsibility ; jf:roleLevel <role/lab/P3> ; jf:order 1 ;
    jf:source <source/jfm> ; jf:text "Runs the lab" .
<role/fleet/P3> a jf:RoleLevel ; jf:family <family/fleet> ; jf:level <level/P3> .
<role/fleet/P3/r1> a jf:Responsibility ; jf:roleLevel <role/fleet/P3> ; jf:order 1 ;
    jf:source <source/jfm> ; jf:text "Keeps the fleet running" .
"""
)
FILES = (ARCHITECTURE, dimensions("Scope", "Autonomy"), role_level(3), OTHERS)
"""part0.ttl … part3.ttl: architecture, levels, Field Operations P3, the other families."""

OPS = "https://test.example/canon/role/ops/P3"
LAB = "https://test.example/canon/role/lab/P3"
FLEET = "https://test.example/canon/role/fleet/P3"


def write(folder: Path, *edits: tuple[str, str], extra: str = "") -> Path:
    """The canon in `folder`, each (old, new) text replaced once in whichever file has it,
    and `extra` Turtle in a file of its own."""
    texts = list(FILES)
    for old, new in edits:
        hits = [i for i, text in enumerate(texts) if old in text]
        assert len(hits) == 1, f"{old!r} is in {len(hits)} files"
        texts[hits[0]] = texts[hits[0]].replace(old, new, 1)
    if extra:
        texts.append(PREFIXES + extra)
    return write_canon(folder, *texts)


def load(folder: Path, *edits: tuple[str, str], extra: str = "") -> Canon:
    return load_canon(write(folder, *edits, extra=extra))
