"""`jobframe diff` on the shipped canon and on the O*NET canon: one edit reaches exactly the
role-levels that quote the edited text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jobframe.canon import Canon
from jobframe.changes import compare_canons
from jobframe.frames import FrameKind
from jobframe.interchange import import_canon, onet_tables
from jobframe.loading import load_canon
from jobframe.resources import DEFAULT_CANON_DIR
from tests.interchange.test_onet import ONET


def _edited(folder: Path, into: Path, old: str, new: str) -> Canon:
    shutil.copytree(folder, into)
    hits = [p for p in into.rglob("*.ttl") if old in p.read_text("utf-8")]
    assert len(hits) == 1, hits
    hits[0].write_text(hits[0].read_text("utf-8").replace(old, new, 1), encoding="utf-8")
    return load_canon(into)


def test_an_edit_of_the_shipped_canon_reaches_its_role_level(canon: Canon, tmp_path: Path) -> None:
    role = canon.role_level("Clinical Trials Operations", "M5")
    text = role.responsibilities[0].text
    edited = _edited(DEFAULT_CANON_DIR, tmp_path / "canon", f'"{text}"', f'"{text} (edited)"')
    report = compare_canons(canon, edited)
    assert [n.iri for n in report.nodes] == [role.responsibilities[0].iri]
    [changed] = report.role_levels
    assert changed.iri == role.iri
    assert [f.kind for f in changed.frames] == list(FrameKind)


@pytest.fixture(scope="module")
def onet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ONET.is_dir():
        pytest.skip(f"the O*NET release is not at {ONET}; set JOBFRAME_ONET_DIR")
    out = tmp_path_factory.mktemp("onet") / "canon"
    import_canon(onet_tables(ONET), out)
    return out


@pytest.mark.slow
def test_a_job_zone_statement_edit_reaches_every_occupation_in_that_zone(
    onet: Path, tmp_path: Path
) -> None:
    before = load_canon(onet)
    old = "Some of these occupations may require a high school diploma or GED certificate."
    after = _edited(onet, tmp_path / "canon", old, "A high school diploma may be required.")
    report = compare_canons(before, after)
    zone = {r.iri for r in before.role_levels if r.level.code == "JZ1"}
    assert len(zone) > 10
    assert {r.iri for r in report.role_levels} == zone
    assert report.reached == len(zone)
    assert {f.kind for r in report.role_levels for f in r.frames} == {
        FrameKind.OKR,
        FrameKind.SCORECARD,
    }
