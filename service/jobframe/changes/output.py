"""`jobframe diff` output as text (coloured on a terminal) and as JSON for tools.

The JSON shape is documented in docs/diff.md; every key is always present. The text is
made by `formats.terminal_text`: canon text and sources keep no control character, and only
the colours added here are styled.
"""

from __future__ import annotations

from typing import Any

from ..formats import Shown, Styled, terminal_text
from ..frames import FRAMES
from .model import Change, ChangeReport, FieldChange, NodeChange, RoleLevelChange

MARKS = {Change.ADDED: "+", Change.REMOVED: "-", Change.CHANGED: "~"}
_COLOURS = {Change.ADDED: "green", Change.REMOVED: "red", Change.CHANGED: "yellow"}


def summary(report: ChangeReport) -> str:
    """One sentence of counts: what a log line, a heading or a metric says."""
    counts = report.counts
    changed = len(report.changed_role_levels)
    text = (
        f"{counts.added} nodes added, {counts.removed} removed, {counts.changed} changed; "
        f"{changed} role-level{'' if changed == 1 else 's'} with changed frames"
    )
    if report.not_compared:
        text += f", {len(report.not_compared)} more reached but not compared"
    return text


def as_json(report: ChangeReport, old: str, new: str) -> dict[str, Any]:
    """The whole report as JSON-ready values."""
    return {
        "old": {"source": old, "version": report.old_version},
        "new": {"source": new, "version": report.new_version},
        "language": report.language,
        "framesChange": report.frames_change,
        "complete": report.complete,
        "counts": counts_json(report),
        "nodes": [node_json(n) for n in report.nodes],
        "roleLevels": [role_level_json(r) for r in report.role_levels],
    }


def counts_json(report: ChangeReport) -> dict[str, int]:
    """The counts alone: what `POST /admin/reload` answers with."""
    counts = report.counts
    return {
        "nodesAdded": counts.added,
        "nodesRemoved": counts.removed,
        "nodesChanged": counts.changed,
        "roleLevelsReached": report.reached,
        "roleLevelsChanged": len(report.changed_role_levels),
        "roleLevelsNotCompared": len(report.not_compared),
    }


def node_json(node: NodeChange) -> dict[str, Any]:
    return {
        "iri": node.iri,
        "kind": node.kind,
        "label": node.label,
        "change": node.change.value,
        "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in node.fields],
    }


def role_level_json(role: RoleLevelChange) -> dict[str, Any]:
    return {
        "iri": role.iri,
        "label": role.label,
        "change": role.change.value,
        "compared": role.compared,
        "frames": [{"kind": f.kind.value, "diff": f.diff} for f in role.frames],
    }


def frame_names(role: RoleLevelChange) -> str:
    """`SMART goals, OKRs` — the frames that change, by their titles."""
    return ", ".join(FRAMES[f.kind].title for f in role.frames)


Line = list[str | Styled]
"""One line of text, as parts `terminal_text` escapes and styles."""


def as_text(report: ChangeReport, old: str, new: str) -> Shown:
    """The report for a terminal: counts, the nodes, then each role-level's frame diffs."""
    lines: list[Line] = [
        [Styled(f"Canon changes from {old} to {new}", bold=True)],
        [
            f"versions {report.old_version} → {report.new_version}; "
            f"frames compared in the default language ({report.language})"
        ],
        [summary(report)],
    ]
    if report.nodes:
        lines += [[], [Styled("Nodes", bold=True)]]
        for node in report.nodes:
            lines += _node_text(node)
    if len(report.nodes) < report.counts.total:
        lines.append([f"  … and {report.counts.total - len(report.nodes)} more nodes"])
    if report.role_levels:
        lines += [[], [Styled("Role-levels whose frames change", bold=True)]]
        for role in report.role_levels:
            lines += _role_level_text(role)
    return terminal_text(*(part for line in lines for part in (*line, "\n")))


def _mark(change: Change) -> Styled:
    return Styled(MARKS[change], fg=_COLOURS[change], bold=True)


def _node_text(node: NodeChange) -> list[Line]:
    lines: list[Line] = [[_mark(node.change), f" {node.kind} {node.label}  <{node.iri}>"]]
    for f in node.fields:
        lines += _field_text(f)
    return lines


def _field_text(field: FieldChange) -> list[Line]:
    if field.old is not None and field.new is not None:
        return [
            [f"    {field.field}:"],
            [Styled(f"      - {field.old}", fg="red")],
            [Styled(f"      + {field.new}", fg="green")],
        ]
    value, colour = (field.new, "green") if field.new is not None else (field.old, "red")
    return [[Styled(f"    {field.field}: {value}", fg=colour)]]


def _role_level_text(role: RoleLevelChange) -> list[Line]:
    mark = _mark(role.change)
    if not role.compared:
        return [[mark, f" {role.label}  <{role.iri}>: reached, frames not compared"]]
    lines: list[Line] = [
        [mark, " ", Styled(role.label, bold=True), f"  <{role.iri}>: {frame_names(role)}"]
    ]
    for frame in role.frames:
        lines += [[_diff_line(line)] for line in frame.diff.rstrip("\n").split("\n")]
    return lines


def _diff_line(line: str) -> str | Styled:
    if line.startswith(("---", "+++")):
        return Styled(line, bold=True)
    if line.startswith("@@"):
        return Styled(line, fg="cyan")
    if line.startswith("+"):
        return Styled(line, fg="green")
    if line.startswith("-"):
        return Styled(line, fg="red")
    return line
