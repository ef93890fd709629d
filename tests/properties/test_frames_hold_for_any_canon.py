"""For any valid canon: every quote is verbatim from the node it cites, everything else is a
fixed template, no row lacks its canon field, and the text is the structured frame's."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from jobframe.canon.nodes import CanonNode
from jobframe.checks import check_canon
from jobframe.frames.model import Blank, Frame, FrameKind, Line, Quote, TemplateText
from jobframe.frames.rules import TEMPLATES, build_page
from tests.properties.canons import CanonSpec, canon_specs, graph_of, write

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_line_is_canon_or_template(line: Line, nodes: dict[str, CanonNode]) -> None:
    for source in line.sources:
        node = nodes[source.node.iri]
        assert node is source.node
        assert any(source.quote in (v or "") for v in (node.label, node.notation, node.text))
    if line.template is None:
        assert len(line.parts) == 1 and isinstance(line.parts[0], Quote)
    else:
        assert TEMPLATES[line.template].produced(line)


def assert_text_renders_the_structure(frame: Frame) -> None:
    text = frame.text
    position = 0
    for line in frame.lines:
        found = text.find(line.text, position)
        assert found >= 0, (line.text, text)
        position = found + len(line.text)
    assert bool(text) == bool(frame.sections)


def assert_rows_have_their_fields(spec: CanonSpec, page_frames: tuple[Frame, ...]) -> None:
    smart, okr, mbo, scorecard = page_frames
    n, d = len(spec.responsibilities), len(spec.dimensions)
    for frame in (smart, okr, mbo):
        rows = frame.sections[0].rows if frame.sections else ()
        assert len(rows) == n
    for row in smart.sections[0].rows if n else ():
        assert (row.field("Achievable") is not None) == (spec.complexity is not None)
    for i, row in enumerate(okr.sections[0].rows if n else ()):
        assert (row.field("KR2") is not None) == (i < d)
    for row in mbo.sections[0].rows if n else ():
        assert (row.field("Standard") is not None) == (spec.knowledge is not None)
    titles = [s.title for s in scorecard.sections]
    assert titles == [
        t for t, present in (("Internal process", n), ("Role calibration", d)) if present
    ]


@EXAMPLES
@given(spec=canon_specs)
def test_frames_hold_for_any_valid_canon(spec: CanonSpec) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = check_canon(write(graph_of(spec), Path(tmp)))
    assert report.canon is not None, [str(f) for f in report.errors]
    role = report.canon.role_levels[0]
    page = build_page(role)
    assert [f.kind for f in page.frames] == list(FrameKind)
    nodes = dict(report.canon.nodes)
    for line in (page.heading, page.breadcrumb):
        assert_line_is_canon_or_template(line, nodes)
    for frame in page.frames:
        for line in frame.lines:
            assert_line_is_canon_or_template(line, nodes)
            assert all(isinstance(p, Quote | TemplateText | Blank) for p in line.parts)
        assert_text_renders_the_structure(frame)
    assert_rows_have_their_fields(spec, page.frames)
