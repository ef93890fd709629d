"""The rows of a reference "Copy / print as text" block, read back from its plain-text layout,
so that the viewer's structured page can be compared with the golden file line by line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class GoldenRow:
    section: str | None
    number: int
    heading: str
    tag: str
    fields: dict[str, str] = field(default_factory=dict)


_SOURCE = r"  \[source: (?P<tag>.*)\]$"
_ROW = {
    "smart": re.compile(r"^(?P<n>\d+)\. (?P<heading>.*)" + _SOURCE),
    "okr": re.compile(r"^Objective (?P<n>\d+): (?P<heading>.*)" + _SOURCE),
    "mbo": re.compile(r"^(?P<n>\d+)\. Area: (?P<heading>.*)" + _SOURCE),
    "scorecard": re.compile(r"^  - (?P<heading>.*)  →  (?P<target>.*) " + _SOURCE),
}
_FIELDS = {
    "smart": [re.compile(r"^   (?P<name>[\w-]+):\s+(?P<text>.*)$")],
    "okr": [re.compile(r"^  (?P<name>KR\d+)\. (?P<text>.*)$")],
    "mbo": [
        re.compile(r"^   (?P<name>Standard): (?P<text>.*)$"),
        re.compile(r"^   Target:   (?P<Target>.*)   Due: (?P<Due>.*)$"),
    ],
    "scorecard": [],
}


def golden_rows(kind: str, text: str) -> list[GoldenRow]:
    """Every row of the block with its heading, source tag and named field lines."""
    rows: list[GoldenRow] = []
    section: str | None = None
    number = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        if row := _ROW[kind].match(line):
            number = int(row["n"]) if "n" in row.groupdict() else number + 1
            rows.append(GoldenRow(section, number, row["heading"], row["tag"]))
            if kind == "scorecard":
                rows[-1].fields["Target"] = row["target"]
            continue
        matched = [m for pattern in _FIELDS[kind] if (m := pattern.match(line))]
        if matched:
            found = matched[0].groupdict()
            if "name" in found:
                rows[-1].fields[found["name"]] = found["text"]
            else:
                rows[-1].fields.update(found)
        elif kind == "scorecard" and not line.startswith(" "):
            section, number = line, 0
        else:
            raise AssertionError(f"golden {kind} line not understood: {line!r}")
    return rows
