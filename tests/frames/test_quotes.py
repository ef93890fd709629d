"""Which kinds of node each frame quotes is read from the frame definitions, so a change to a
node re-renders exactly the frames whose text it can change."""

from __future__ import annotations

import pytest

from jobframe.canon import nodes
from jobframe.frames import FrameKind, frames_quoting, quoted_kinds

SMART, OKR, MBO, SCORECARD = FrameKind


@pytest.mark.parametrize(
    ("kind", "frames"),
    [
        (nodes.Responsibility, {SMART, OKR, MBO, SCORECARD}),
        (nodes.Source, {SMART, OKR, MBO, SCORECARD}),
        (nodes.Level, {SMART, OKR, MBO, SCORECARD}),
        (nodes.RoleLevel, {SMART, OKR, MBO, SCORECARD}),
        (nodes.DimensionStatement, {OKR, SCORECARD}),
        (nodes.LevelDimension, {OKR, SCORECARD}),
        (nodes.RubricEntry, {SMART, MBO}),
        (nodes.RubricDimension, {SMART, MBO}),
        (nodes.JobFamily, {SMART}),
        (nodes.JobFunction, {SMART}),
        (nodes.Track, set()),
        (nodes.ResponsibilityGroup, set()),
        (nodes.CanonAbout, set()),
    ],
)
def test_a_kind_of_node_is_quoted_by_the_frames_whose_templates_name_it(
    kind: type[nodes.CanonNode], frames: set[FrameKind]
) -> None:
    assert frames_quoting(kind) == frames


def test_the_smart_relevant_line_is_what_quotes_the_family_and_function() -> None:
    assert {nodes.JobFamily, nodes.JobFunction} <= quoted_kinds()[SMART]
    assert not {nodes.JobFamily, nodes.JobFunction} & quoted_kinds()[OKR]
