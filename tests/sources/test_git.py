"""`git:REV:PATH` names a canon folder as it was at a git revision; what git cannot give is a
finding naming the revision, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from jobframe.findings import CanonError, FindingKind
from jobframe.inputs import Bound
from jobframe.sources import GitRevision, git_folder, parse_git


def git(repo: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit has canon/a.ttl, and whose work tree has it edited."""
    repo = tmp_path / "repo"
    (repo / "canon" / "nested").mkdir(parents=True)
    (repo / "canon" / "a.ttl").write_text("first\n")
    (repo / "canon" / "nested" / "b.ttl").write_text("b\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    (repo / "canon" / "a.ttl").write_text("second\n")
    return repo


def test_parse_reads_revision_and_path() -> None:
    assert parse_git("git:main:canon") == GitRevision("main", "canon")
    assert parse_git("git:HEAD~1:data/canon/") == GitRevision("HEAD~1", "data/canon")
    assert parse_git("canon") is None
    assert parse_git("sparql+http://x/q") is None


@pytest.mark.parametrize("value", ["git:main", "git::canon", "git:main:", "git:--output=x:canon"])
def test_a_malformed_revision_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="git"):
        parse_git(value)


def test_the_folder_is_read_as_it_was_at_the_revision_and_removed_after(repo: Path) -> None:
    with git_folder(GitRevision("main", "canon", repo)) as folder:
        assert (folder / "a.ttl").read_text() == "first\n"
        assert (folder / "nested" / "b.ttl").read_text() == "b\n"
    assert not folder.exists()


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        (GitRevision("nope", "canon"), "unknown git revision 'nope'"),
        (GitRevision("main", "missing"), "no folder 'missing' at revision 'main'"),
        (GitRevision("main", "canon/a.ttl"), "no folder 'canon/a.ttl'"),
    ],
)
def test_what_git_cannot_give_is_a_source_finding(
    repo: Path, revision: GitRevision, message: str
) -> None:
    with (
        pytest.raises(CanonError) as raised,
        git_folder(GitRevision(revision.revision, revision.path, repo)),
    ):
        pass
    [finding] = raised.value.findings
    assert finding.kind is FindingKind.SOURCE
    assert message in finding.message
    assert finding.location.file == str(revision)


def test_outside_a_repository_is_a_finding(tmp_path: Path) -> None:
    with (
        pytest.raises(CanonError, match="not inside a git repository"),
        git_folder(GitRevision("main", "canon", tmp_path)),
    ):
        pass


def test_the_top_folder_is_named_git_head_dot(repo: Path) -> None:
    """Issue 20, finding 14: `git:HEAD:.` was "no folder '.' at revision 'HEAD'"."""
    with git_folder(parse_git("git:HEAD:.", repo) or GitRevision("", "")) as folder:
        assert (folder / "canon" / "a.ttl").read_text() == "first\n"
        assert (folder / "canon" / "nested" / "b.ttl").read_text() == "b\n"


def test_a_committed_file_over_the_bound_is_refused_before_it_is_written(repo: Path) -> None:
    """Issue 20, finding 8: a committed 2 GiB file was unpacked whole before any check."""
    (repo / "canon" / "big.ttl").write_bytes(b"# padding\n" * 300_000)  # 3,000,000 bytes
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "big")
    bound = Bound("a canon file of the git revision", 1_000_000, 30.0)
    with (
        pytest.raises(CanonError) as refused,
        git_folder(GitRevision("HEAD", "canon", repo), bound),
    ):
        pass
    [finding] = refused.value.findings
    assert "canon/big.ttl" in finding.message or "big.ttl" in finding.message
    assert "over 1,000,000 bytes" in finding.message


def test_only_the_turtle_files_of_the_revision_are_written(repo: Path) -> None:
    (repo / "canon" / "notes.bin").write_bytes(b"\0" * 2_000_000)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "notes")
    with git_folder(GitRevision("HEAD", "canon", repo)) as folder:
        assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["a.ttl", "b.ttl"]
