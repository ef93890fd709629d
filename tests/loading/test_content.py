"""A canon that lost its content is refused at every load: the first one, every reload
(watch, sync, admin alike: they all reload through the holder) and `jobframe check`.

Issue 20, finding 3: an emptied store or folder passed the check with 0 errors and was
served (roleLevels 1 -> 0, every query NOT_FOUND)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from click.testing import CliRunner

from bench.generate import HEADER, architecture, levels, role_level
from jobframe.checks import CheckReport
from jobframe.cli import main
from jobframe.loading import CanonHolder, Served, ShrinkPolicy, first_load
from jobframe.settings import Settings
from tests.checks.corpus import BASE

ROLE_LEVELS = 10


def canon_of_ten(folder: Path) -> Path:
    """Ten role-levels of one family, one file each, so removing files removes them."""
    (folder / "role-levels").mkdir(parents=True)
    (folder / "architecture.ttl").write_text(architecture(1), encoding="utf-8")
    (folder / "levels.ttl").write_text(levels(), encoding="utf-8")
    for index in range(ROLE_LEVELS):
        part = folder / "role-levels" / f"part{index}.ttl"
        part.write_text(HEADER + role_level(index), encoding="utf-8")
    return folder


def remove_role_levels(folder: Path, count: int) -> None:
    for path in sorted((folder / "role-levels").glob("*.ttl"))[:count]:
        path.unlink()


def holder_of(folder: Path, policy: ShrinkPolicy | None = None) -> CanonHolder:
    served = first_load(folder)
    assert isinstance(served, Served), served
    return CanonHolder(folder, served, policy)


def reload(holder: CanonHolder, trigger: str = "admin") -> tuple[bool, list[str]]:
    attempt = asyncio.run(asyncio.wait_for(holder.reload(trigger), timeout=60))
    return attempt.succeeded, [f.kind.value for f in attempt.errors]


def test_a_reload_of_a_canon_left_without_role_levels_is_refused_and_the_last_good_kept(
    tmp_path: Path,
) -> None:
    folder = canon_of_ten(tmp_path / "canon")
    holder = holder_of(folder)
    served = holder.current.canon
    remove_role_levels(folder, ROLE_LEVELS)
    assert reload(holder) == (False, ["lost"])
    assert holder.current.canon is served and len(served.role_levels) == ROLE_LEVELS
    [finding] = holder.current.last_reload.errors
    assert "no role-levels, where 10 are served" in finding.message
    assert "--allow-canon-shrink" in finding.hint
    assert finding.location.file == str(folder)


def test_a_reload_removing_more_than_the_allowed_share_is_refused_and_one_within_it_passes(
    tmp_path: Path,
) -> None:
    folder = canon_of_ten(tmp_path / "canon")
    holder = holder_of(folder)
    trash = tmp_path / "removed"
    shutil.copytree(folder / "role-levels", trash)
    remove_role_levels(folder, 6)
    assert reload(holder, "watch") == (False, ["lost"])
    message = holder.current.last_reload.errors[0].message
    assert "remove 6 of the 10 role-levels served (60%, over the 50%" in message
    assert "--max-canon-shrink" in holder.current.last_reload.errors[0].hint

    shutil.copy(trash / "part0.ttl", folder / "role-levels")  # 5 of 10 removed: allowed
    assert reload(holder, "sync") == (True, [])
    assert len(holder.current.canon.role_levels) == 5


def test_the_share_is_counted_in_role_levels_removed_not_in_the_count_left(
    tmp_path: Path,
) -> None:
    """A canon whose role-levels were all replaced (a changed IRI base, another canon
    loaded into the store) removes every served role-level, whatever it holds instead."""
    folder = canon_of_ten(tmp_path / "canon")
    holder = holder_of(folder)
    for path in (folder / "role-levels").glob("*.ttl"):
        path.write_text(path.read_text("utf-8").replace("bench.example", "other.example"))
    (folder / "architecture.ttl").write_text(
        architecture(1).replace("bench.example", "other.example"), encoding="utf-8"
    )
    (folder / "levels.ttl").write_text(levels().replace("bench.example", "other.example"))
    succeeded, kinds = reload(holder)
    assert (succeeded, kinds) == (False, ["lost"])
    assert "remove 10 of the 10" in holder.current.last_reload.errors[0].message


def test_an_operator_may_allow_the_canon_to_shrink_and_set_the_share(tmp_path: Path) -> None:
    folder = canon_of_ten(tmp_path / "canon")
    allowing = holder_of(folder, ShrinkPolicy.of(Settings(allow_canon_shrink=True)))
    strict = holder_of(folder, ShrinkPolicy.of(Settings(max_canon_shrink=10)))
    remove_role_levels(folder, 2)
    assert reload(strict) == (False, ["lost"])
    remove_role_levels(folder, ROLE_LEVELS)
    assert reload(allowing) == (True, [])
    assert allowing.current.canon.role_levels == ()


def test_the_first_load_of_a_canon_without_role_levels_is_refused_unless_allowed(
    tmp_path: Path,
) -> None:
    folder = canon_of_ten(tmp_path / "canon")
    remove_role_levels(folder, ROLE_LEVELS)
    refused = first_load(folder)
    assert isinstance(refused, CheckReport) and refused.canon is None
    assert [f.kind.value for f in refused.errors] == ["lost"]
    assert "the canon has no role-levels" in refused.errors[0].message
    allowed = first_load(folder, policy=ShrinkPolicy.of(Settings(allow_canon_shrink=True)))
    assert isinstance(allowed, Served) and allowed.canon.role_levels == ()


def test_jobframe_check_and_serve_refuse_a_canon_without_role_levels(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BASE, tmp_path / "canon"))
    (folder / "role.ttl").unlink()
    checked = CliRunner().invoke(main, ["check", "--canon", str(folder)])
    assert checked.exit_code == 1, checked.output
    assert "error [lost] the canon has no role-levels" in checked.output
    served = CliRunner().invoke(main, ["serve", "--canon", str(folder), "--host", "256.0.0.1"])
    assert served.exit_code == 1, served.output
    assert "[lost] the canon has no role-levels" in served.output
