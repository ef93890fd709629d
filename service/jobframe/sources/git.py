"""A canon folder as it was at a git revision, written `git:REV:PATH` (`git:main:canon`).

For comparing a canon with an earlier version of itself (`jobframe diff`): the folder is
read from the repository with `git archive`, streamed through the bounded reader (only its
`*.ttl` files are written, none over the bound) into a temporary folder, which is then read like
any canon folder and removed afterwards. PATH is relative to the repository's top folder,
as in `git show REV:PATH`. An unknown revision or a path that is not a folder there is a
finding naming them, never a traceback.
"""

from __future__ import annotations

import posixpath
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..findings import CanonError, Finding, FindingKind, Location, Severity
from ..inputs import GIT_FILE, Bound, InputRefused, InputTooLarge, read_chunks, streamed

SCHEME = "git:"


@dataclass(frozen=True, slots=True)
class GitRevision:
    """A folder of a git repository at a revision; `repository` is any folder inside it."""

    revision: str
    path: str
    repository: Path = Path()

    def __str__(self) -> str:
        return f"{SCHEME}{self.revision}:{self.path}"


def parse_git(value: str, repository: Path = Path()) -> GitRevision | None:
    """The revision a `git:REV:PATH` value names, or None for any other value.

    ValueError when it is malformed: REV and PATH are both needed (`git:HEAD:.` for the top
    folder), and REV may not start with `-` (git would read it as an option).
    """
    if not value.startswith(SCHEME):
        return None
    revision, colon, path = value.removeprefix(SCHEME).partition(":")
    if not revision or not colon or not path:
        raise ValueError(f"{value!r}: a git revision is git:REV:PATH, such as git:main:canon")
    if revision.startswith("-"):
        raise ValueError(f"{value!r}: a revision may not start with '-'")
    return GitRevision(revision, path.rstrip("/") or ".", repository)


def _git(revision: GitRevision, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(revision.repository), *arguments], capture_output=True, check=False
        )
    except OSError as error:
        raise _refused(revision, f"cannot run git: {error}", "install git") from None


@contextmanager
def git_folder(revision: GitRevision, bound: Bound = GIT_FILE) -> Iterator[Path]:
    """The revision's folder written to a temporary folder, removed when the block ends.

    CanonError (a SOURCE finding) when git cannot give it: not a repository, an unknown
    revision, or no folder at that path in that revision.
    """
    if _git(revision, "rev-parse", "--git-dir").returncode != 0:
        raise _refused(
            revision,
            f"{revision.repository.resolve()} is not inside a git repository",
            "run the command inside the repository, or name a folder instead",
        )
    commit = _git(revision, "rev-parse", "--verify", "--quiet", f"{revision.revision}^{{commit}}")
    if commit.returncode != 0:
        raise _refused(
            revision,
            f"unknown git revision {revision.revision!r}",
            "name a branch, tag or commit the repository has (git fetch it first in CI)",
        )
    tree = f"{commit.stdout.decode().strip()}:{_tree_path(revision.path)}"
    kind = _git(revision, "cat-file", "-t", tree)
    if kind.returncode != 0 or kind.stdout.strip() != b"tree":
        raise _refused(
            revision,
            f"no folder {revision.path!r} at revision {revision.revision!r}",
            "give the canon folder's path from the repository's top folder, as in git:main:canon",
        )
    folder = Path(tempfile.mkdtemp(prefix="jobframe-git-"))
    try:
        _extract(revision, tree, folder, bound)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _tree_path(path: str) -> str:
    """The path as git names it in `REV:PATH`: the top folder `.` is the empty path (git
    reads `REV:.` as relative to the working directory, which `git -C` makes no sense of)."""
    normal = posixpath.normpath(path)
    return "" if normal == "." else normal


def _extract(revision: GitRevision, tree: str, into: Path, bound: Bound) -> None:
    """`git archive` of the tree, streamed: only its `*.ttl` files are written, each checked
    against the bound from its header and again while it streams (so nothing over the bound
    reaches the disk), the whole archive bounded in bytes and time alike. A link, or a
    name that would land outside `into`, is never written."""
    command = ["git", "-C", str(revision.repository), "archive", "--format=tar", tree]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as git:
        assert git.stdout is not None
        stream = git.stdout
        whole = Bound("the revision's archive", bound.max_bytes * 4, bound.seconds)
        try:
            with tarfile.open(fileobj=streamed(stream.read, whole), mode="r|") as archive:
                for member in archive:
                    _write(archive, member, into, bound)
        except (tarfile.TarError, InputRefused) as failed:
            git.kill()
            raise _refused(revision, f"cannot unpack the revision: {failed}", _SMALLER) from None
        error = git.stderr.read().decode(errors="replace") if git.stderr else ""
    if git.returncode != 0:
        raise _refused(revision, f"git archive failed: {error.strip()}", "check the repository")


_SMALLER = "keep each canon file of the revision within the bound, or compare folders"


def _write(archive: tarfile.TarFile, member: tarfile.TarInfo, into: Path, bound: Bound) -> None:
    name = posixpath.normpath(member.name)
    if not member.isfile() or not name.endswith(".ttl") or name.startswith(("/", "..")):
        return
    what = Bound(f"{bound.what} {name}", bound.max_bytes, bound.seconds)
    if member.size > what.max_bytes:
        raise InputTooLarge(what)
    source = archive.extractfile(member)
    assert source is not None
    target = into / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as out:
        for chunk in read_chunks(source.read, what):
            out.write(chunk)


def _refused(revision: GitRevision, message: str, hint: str) -> CanonError:
    finding = Finding(
        FindingKind.SOURCE, Severity.ERROR, Location(file=str(revision)), message, hint
    )
    return CanonError((finding,))
