"""Reading an O*NET database text release: the files the O*NET import needs, checked line by line.

Four tab-separated UTF-8 files (and the Read Me, for the release number) are read with the
csv module, no quote character (cells such as `Conduct "head counts"` keep their quotes).
Every problem is collected with its file and line before anything is refused, so one run
reports them all. What the release means as a canon is `onet.py`'s job.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import JobFrameError
from ..inputs import ONET_FILE, InputRefused, read_file
from .iris import slug
from .soc_major_groups import SOC_MAJOR_GROUPS

OCCUPATIONS = "Occupation Data.txt"
JOB_ZONES = "Job Zones.txt"
JOB_ZONE_REFERENCE = "Job Zone Reference.txt"
TASKS = "Task Statements.txt"
READ_ME = "Read Me.txt"

CODE = "O*NET-SOC Code"
ZONE = "Job Zone"
ZONE_TEXTS: tuple[str, ...] = ("Experience", "Education", "Job Training", "SVP Range")
"""The columns of Job Zone Reference that say what a Job Zone means."""
COLUMNS: Mapping[str, tuple[str, ...]] = {
    OCCUPATIONS: (CODE, "Title", "Description"),
    JOB_ZONES: (CODE, ZONE),
    JOB_ZONE_REFERENCE: (ZONE, "Name", *ZONE_TEXTS),
    TASKS: (CODE, "Task ID", "Task", "Task Type"),
}
"""The columns read from each file (a release may have more; they are ignored)."""
ZONES: tuple[str, ...] = ("1", "2", "3", "4", "5")
TASK_TYPES: tuple[str, ...] = ("Core", "Supplemental", "n/a")
"""Every Task Type of a release; `n/a`: O*NET has not rated the task Core or Supplemental."""

SHOWN_PROBLEMS = 50
"""An `OnetError` message lists this many problems; `.problems` holds all of them."""

_NOT_A_RELEASE = "{}: give the folder of an O*NET database text release"
_RELEASE = re.compile(r"O\*NET (\d+(?:\.\d+)*) Database")
_SOC_CODE = re.compile(r"\d\d-\d{4}\.\d\d")


@dataclass(frozen=True, slots=True)
class OnetProblem:
    """Why a release cannot be imported: the file, the line (None: the whole file), and what
    is wrong there."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{place}: {self.message}"


class OnetError(JobFrameError, ValueError):
    """The folder is not an importable O*NET text release; carries every problem found."""

    def __init__(self, problems: tuple[OnetProblem, ...]) -> None:
        self.problems = problems
        shown = [str(p) for p in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            shown.append(f"… and {len(problems) - SHOWN_PROBLEMS} more problems")
        super().__init__("\n".join(shown))


@dataclass(frozen=True, slots=True)
class Occupation:
    """An occupation of Occupation Data (`line` is where)."""

    line: int
    code: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Task:
    """A task statement of Task Statements, with its Task ID and Task Type."""

    id: int
    text: str
    type: str
    line: int
    """Where in Task Statements."""


@dataclass(frozen=True, slots=True)
class Release:
    """What the O*NET import reads of a release, consistent across its files."""

    number: str
    """The release number, such as 26.3."""
    occupations: Mapping[str, Occupation]
    """The occupations with a Job Zone, by O*NET-SOC code in code order."""
    zones: Mapping[str, str]
    """O*NET-SOC code -> its Job Zone ("1" to "5"), in code order."""
    reference: Mapping[str, Mapping[str, str]]
    """Job Zone -> its Name and its texts (`ZONE_TEXTS`)."""
    tasks: Mapping[str, tuple[Task, ...]]
    """O*NET-SOC code -> its tasks in file order, for the occupations with a Job Zone (the
    tasks of others have no level to be responsibilities at)."""


_Line = tuple[int, Mapping[str, str]]
"""A data line of a release file: its line number and the cells of the columns read."""


def read_release(folder: Path) -> Release:
    """The release in `folder`, or `OnetError` naming file:line for every missing file,
    missing column, malformed line or inconsistent value, all at once."""
    if not folder.is_dir():
        raise OnetError((OnetProblem(str(folder), None, _NOT_A_RELEASE.format("no folder")),))
    problems: list[OnetProblem] = []
    read = {name: _read_tsv(folder, name, columns, problems) for name, columns in COLUMNS.items()}
    files = {name: lines for name, lines in read.items() if lines is not None}
    number = _release_number(folder, problems)
    if number is None or len(files) < len(read):
        raise OnetError(tuple(problems))  # checks across files would only repeat these
    occupations = _occupations(files[OCCUPATIONS], problems)
    zones = _job_zones(files[JOB_ZONES], occupations, problems)
    reference = _job_zone_reference(files[JOB_ZONE_REFERENCE], problems)
    tasks = _tasks(files[TASKS], zones, problems)
    _unique_titles(occupations, zones, problems)
    if problems:
        raise OnetError(tuple(problems))
    return Release(number, {c: occupations[c] for c in zones}, zones, reference, tasks)


def _read_tsv(
    folder: Path, name: str, columns: tuple[str, ...], problems: list[OnetProblem]
) -> list[_Line] | None:
    """The named columns of each data line; cells keep their text, only surrounding white
    space removed (the layout's promise; the 26.3 files have none). None when the file or
    one of the columns is missing, or it is not UTF-8."""
    text = _read_text(folder, name, problems)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    lines: list[_Line] = []
    try:
        header = next(reader, [])
        missing = [c for c in columns if c not in header]
        if missing:
            problems.append(
                OnetProblem(
                    name,
                    1,
                    f"no column {', '.join(repr(c) for c in missing)} in the header"
                    f" {header!r}: is this an O*NET database text release?",
                )
            )
            return None
        at = [header.index(c) for c in columns]
        for cells in reader:
            if not cells:
                continue
            if len(cells) != len(header):
                problems.append(
                    OnetProblem(
                        name,
                        reader.line_num,
                        f"{len(cells)} tab-separated fields where the header has {len(header)}",
                    )
                )
                continue
            lines.append(
                (reader.line_num, {c: cells[i].strip() for c, i in zip(columns, at, strict=True)})
            )
    except csv.Error as error:
        problems.append(OnetProblem(name, reader.line_num, f"unreadable line: {error}"))
    return lines


def _read_text(folder: Path, name: str, problems: list[OnetProblem]) -> str | None:
    """The file as text (a byte-order mark dropped), read once through the bounded reader
    (`ONET_FILE`), or None with a problem saying why."""
    path = folder / name
    try:
        data = read_file(path, ONET_FILE)
    except FileNotFoundError:
        problems.append(OnetProblem(name, None, _NOT_A_RELEASE.format(f"missing from {folder}")))
        return None
    except InputRefused as refused:
        problems.append(OnetProblem(name, None, f"{refused}; not read"))
        return None
    except OSError as error:
        problems.append(OnetProblem(name, None, f"cannot be read: {error.strerror or error}"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(OnetProblem(name, line, f"not UTF-8 (byte {error.start}): {error.reason}"))
        return None


def _release_number(folder: Path, problems: list[OnetProblem]) -> str | None:
    """The release number the Read Me names ("O*NET 26.3 Database"), for the attribution."""
    text = _read_text(folder, READ_ME, problems)
    if text is None:
        return None
    found = _RELEASE.search(text)
    if found is None:
        problems.append(
            OnetProblem(READ_ME, None, "does not name its release as 'O*NET <number> Database'")
        )
        return None
    return found.group(1)


def _occupations(lines: list[_Line], problems: list[OnetProblem]) -> dict[str, Occupation]:
    found: dict[str, Occupation] = {}
    for number, cells in lines:
        code, title = cells[CODE], cells["Title"]
        if not _soc_code(OCCUPATIONS, number, code, problems):
            continue
        if code in found:
            problems.append(
                OnetProblem(OCCUPATIONS, number, f"{code} again (first at line {found[code].line})")
            )
        elif not title:
            problems.append(OnetProblem(OCCUPATIONS, number, f"{code} has no Title"))
        else:
            found[code] = Occupation(number, code, title, cells["Description"])
    return found


def _soc_code(file: str, number: int, code: str, problems: list[OnetProblem]) -> bool:
    """Whether `code` is an O*NET-SOC code of a known SOC major group; else a problem."""
    if not _SOC_CODE.fullmatch(code):
        problems.append(
            OnetProblem(file, number, f"{code!r} is not an O*NET-SOC code (11-1011.00)")
        )
        return False
    if code[:2] not in SOC_MAJOR_GROUPS:
        problems.append(
            OnetProblem(file, number, f"{code}: {code[:2]} is not a SOC 2018 major group")
        )
        return False
    return True


def _job_zones(
    lines: list[_Line], occupations: Mapping[str, Occupation], problems: list[OnetProblem]
) -> dict[str, str]:
    """O*NET-SOC code -> Job Zone, in code order."""
    found: dict[str, tuple[int, str]] = {}
    for number, cells in lines:
        code, zone = cells[CODE], cells[ZONE]
        if not _soc_code(JOB_ZONES, number, code, problems):
            continue
        if zone not in ZONES:
            problems.append(
                OnetProblem(JOB_ZONES, number, f"{code}: Job Zone {zone!r} is not 1 to 5")
            )
        elif code in found:
            problems.append(
                OnetProblem(JOB_ZONES, number, f"{code} again (first at line {found[code][0]})")
            )
        elif code not in occupations:
            problems.append(OnetProblem(JOB_ZONES, number, f"{code} is not in {OCCUPATIONS}"))
        else:
            found[code] = (number, zone)
    return {code: found[code][1] for code in sorted(found)}


def _job_zone_reference(
    lines: list[_Line], problems: list[OnetProblem]
) -> dict[str, Mapping[str, str]]:
    """Job Zone -> its row (Name and the four dimension texts)."""
    found: dict[str, Mapping[str, str]] = {}
    for number, cells in lines:
        zone = cells[ZONE]
        empty = [c for c in ("Name", *ZONE_TEXTS) if not cells[c]]
        if zone not in ZONES:
            problems.append(
                OnetProblem(JOB_ZONE_REFERENCE, number, f"Job Zone {zone!r} is not 1 to 5")
            )
        elif zone in found:
            problems.append(OnetProblem(JOB_ZONE_REFERENCE, number, f"Job Zone {zone} again"))
        elif empty:
            problems.append(
                OnetProblem(
                    JOB_ZONE_REFERENCE, number, f"Job Zone {zone}: empty {', '.join(empty)}"
                )
            )
        else:
            found[zone] = cells
    named = {cells[ZONE] for _, cells in lines}
    problems.extend(
        OnetProblem(JOB_ZONE_REFERENCE, None, f"no row for Job Zone {zone}")
        for zone in ZONES
        if zone not in named
    )
    return found


def _tasks(
    lines: list[_Line], zones: Mapping[str, str], problems: list[OnetProblem]
) -> dict[str, tuple[Task, ...]]:
    """O*NET-SOC code -> its tasks in file order, for occupations with a Job Zone."""
    found: dict[str, list[Task]] = {}
    ids: dict[int, int] = {}
    for number, cells in lines:
        code, task_id, text, kind = cells[CODE], cells["Task ID"], cells["Task"], cells["Task Type"]
        if not (task_id.isascii() and task_id.isdigit()):
            problems.append(OnetProblem(TASKS, number, f"Task ID {task_id!r} is not a number"))
        elif int(task_id) in ids:
            problems.append(
                OnetProblem(
                    TASKS, number, f"Task ID {task_id} again (first at line {ids[int(task_id)]})"
                )
            )
        elif kind not in TASK_TYPES:
            problems.append(
                OnetProblem(
                    TASKS, number, f"Task Type {kind!r} is not one of {', '.join(TASK_TYPES)}"
                )
            )
        elif not text:
            problems.append(OnetProblem(TASKS, number, f"Task ID {task_id} has no Task text"))
        else:
            ids[int(task_id)] = number
            if code in zones:
                found.setdefault(code, []).append(Task(int(task_id), text, kind, number))
    return {code: tuple(tasks) for code, tasks in found.items()}


def _unique_titles(
    occupations: Mapping[str, Occupation], zones: Mapping[str, str], problems: list[OnetProblem]
) -> None:
    """A family's IRI is derived from its name: two occupations whose titles make one IRI
    (the same but for case or punctuation) would be one family."""
    seen: dict[str, Occupation] = {}
    for code in zones:
        occupation = occupations[code]
        first = seen.setdefault(slug(occupation.title), occupation)
        if first is not occupation:
            problems.append(
                OnetProblem(
                    OCCUPATIONS,
                    occupation.line,
                    f"{code} {occupation.title!r} and {first.code} {first.title!r} (line"
                    f" {first.line}) would be one family: their names differ only in case or"
                    " punctuation",
                )
            )
