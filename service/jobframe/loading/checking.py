"""A check completed with its canon's completeness: what is served, stored as a snapshot and
printed by `jobframe check`.

The check (`checks.Checker`) re-checks only what changed between two checks of one folder;
the completeness rows of role-levels that compile unchanged are reused here the same way.
"""

from __future__ import annotations

from ..checks import KEPT_BYTES, Checker, CheckReport
from ..frames import CanonReport, CompletenessRow, completed
from ..sources import CanonSource


def full_check(source: CanonSource) -> CanonReport:
    """Read, check and complete the whole canon; compile it only when nothing is an error."""
    return CanonChecker().check(source)


class CanonChecker:
    """A `Checker` whose reports are completed; not thread-safe, as the checker is not."""

    def __init__(self, kept_bytes: int = KEPT_BYTES) -> None:
        self.checker = Checker(kept_bytes)
        self._last: tuple[CheckReport, CanonReport] | None = None
        self._rows: dict[str, CompletenessRow] = {}
        """The completeness rows of the last canon compiled, by role-level IRI."""

    @property
    def kept_bytes(self) -> int:
        return self.checker.kept_bytes

    def forget(self) -> None:
        """Drop what was kept: the next check is a whole one."""
        self.checker.forget()
        self._last = None
        self._rows = {}

    def check(self, source: CanonSource) -> CanonReport:
        report = self.checker.check(source)
        if self._last is not None and self._last[0] is report:
            return self._last[1]  # the checker found not a byte changed
        done = completed(report, self._rows)
        if done.completeness:
            self._rows = {row.role_level.iri: row for row in done.completeness}
        self._last = (report, done)
        return done
