"""`jobframe diff --format markdown`: a pull-request comment a reviewer can read when one
role-level changes or a thousand do.

A summary comes first (the counts, then a table of the role-levels whose frames change, at
most TABLE_ROWS of them), then the details folded in `<details>`: the changed nodes, then
each role-level's frame diffs. The whole comment stays under GitHub's limit for a comment
(MAX_CHARACTERS): details that do not fit are left out, with a note saying how many.
"""

from __future__ import annotations

from ..formats import markdown_cell, markdown_code_block, markdown_html_text, markdown_text
from .model import ChangeReport, NodeChange, RoleLevelChange
from .output import frame_names

MAX_CHARACTERS = 65_536
"""GitHub refuses a comment body longer than this (in characters)."""
TABLE_ROWS = 50
"""Role-levels named in the summary table; the rest are counted."""
NODE_ROWS = 200
"""Node values shown in the folded node table; the rest are counted."""
CELL_CHARACTERS = 300
"""A value longer than this is cut in a table cell (the diffs show it whole)."""
_NOTE_ROOM = 400
"""Characters kept free for the closing note."""


def _cell(text: str | None) -> str:
    return markdown_cell(text, CELL_CHARACTERS)


def _summary(report: ChangeReport, old: str, new: str) -> list[str]:
    changed = report.changed_role_levels
    counts = report.counts
    many = "role-level's frames change" if len(changed) == 1 else "role-levels' frames change"
    title = f"{len(changed)} {many}" if changed else "no frame changes"
    lines = [
        f"## Canon changes: {title}",
        "",
        f"{markdown_text(old)} (version {markdown_text(report.old_version)}) →"
        f" {markdown_text(new)} (version {markdown_text(report.new_version)});"
        f" frames compared in the canon's default language ({markdown_text(report.language)}).",
        "",
        "| | count |",
        "|---|---:|",
        f"| nodes added | {counts.added} |",
        f"| nodes removed | {counts.removed} |",
        f"| nodes changed | {counts.changed} |",
        f"| role-levels reached by the changes | {report.reached} |",
        f"| role-levels whose frames change | {len(changed)} |",
    ]
    if report.not_compared:
        lines.append(f"| role-levels reached, frames not compared | {len(report.not_compared)} |")
    if report.role_levels:
        lines += ["", "| role-level | change | frames that change |", "|---|---|---|"]
        for role in report.role_levels[:TABLE_ROWS]:
            frames = frame_names(role) if role.compared else "not compared"
            lines.append(f"| {_cell(role.label)} | {role.change.value} | {frames} |")
        more = len(report.role_levels) - TABLE_ROWS
        if more > 0:
            lines.append(f"| … and {more} more | | |")
    return lines


def _node_rows(node: NodeChange) -> list[str]:
    head = f"| {_cell(node.label)}<br>{_cell(node.iri)} | {node.kind} | {node.change.value} |"
    if not node.fields:
        return [f"{head} | | | |"]
    rows = []
    for n, f in enumerate(node.fields):
        start = head if n == 0 else "| | | |"
        rows.append(f"{start} {_cell(f.field)} | {_cell(f.old)} | {_cell(f.new)} |")
    return rows


def _nodes(report: ChangeReport, room: int) -> str:
    """The folded node table, as many rows as fit in `room` characters (and NODE_ROWS)."""
    counts = report.counts
    head = [
        "<details><summary>Nodes: "
        f"{counts.added} added, {counts.removed} removed, {counts.changed} changed</summary>",
        "",
        "| node | kind | change | value | old | new |",
        "|---|---|---|---|---|---|",
    ]
    rows: list[str] = []
    size = sum(len(line) + 1 for line in head) + 200
    shown = 0
    for node in report.nodes:
        more = _node_rows(node)
        cost = sum(len(line) + 1 for line in more)
        if len(rows) + len(more) > NODE_ROWS or size + cost > room:
            break
        rows += more
        size += cost
        shown += 1
    left = counts.total - shown
    tail = ["", f"… and {left} more nodes (`jobframe diff --format json` lists them all)."]
    return "\n".join([*head, *rows, *(tail if left else []), "", "</details>"])


def _details(role: RoleLevelChange) -> str:
    summary = markdown_html_text(f"{role.label}: {frame_names(role)}")
    diffs = "\n\n".join(markdown_code_block(frame.diff, "diff") for frame in role.frames)
    return f"<details><summary>{summary}</summary>\n\n{diffs}\n\n</details>"


def as_markdown(report: ChangeReport, old: str, new: str) -> str:
    """The comment, at most MAX_CHARACTERS long."""
    parts = ["\n".join(_summary(report, old, new))]
    budget = MAX_CHARACTERS - _NOTE_ROOM
    used = len(parts[0]) + 2
    if report.counts.total:
        nodes = _nodes(report, min(budget - used, budget // 4))
        parts.append(nodes)
        used += len(nodes) + 2
    compared = report.changed_role_levels
    shown = 0
    for role in compared:
        block = _details(role)
        if used + len(block) + 2 > budget:
            break
        parts.append(block)
        used += len(block) + 2
        shown += 1
    if shown < len(compared):
        parts.append(
            f"> The diffs of {len(compared) - shown} more role-levels are left out to stay "
            f"under GitHub's {MAX_CHARACTERS:,}-character limit for a comment: run "
            "`jobframe diff` locally, or with `--format json`, to see them all."
        )
    return "\n\n".join(parts) + "\n"
