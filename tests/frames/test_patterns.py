"""The pattern syntax of frame definitions: fixed wording, ⟨placeholders⟩ and {binding.attribute}
slots; a malformed pattern is refused when it is parsed, and `produced` tells a template's own
lines from any other line."""

from __future__ import annotations

import pytest

from jobframe.canon.nodes import JobFunction, Responsibility, Source
from jobframe.frames.model import Blank, Line, Placeholder, Quote, TemplateText
from jobframe.frames.patterns import Slot, Template

SOURCE = Source(iri="https://test.example/source/jfm", label="JFM", notation="jfm")


def responsibility(text: str) -> Responsibility:
    return Responsibility(
        iri="https://test.example/r1", label="r1", order=1, source=SOURCE, text=text
    )


def no_label(node: object) -> None:
    return None


def test_a_pattern_is_wording_placeholders_and_slots_in_order() -> None:
    template = Template.parse("t.kr", 'From ⟨baseline⟩ to ⟨target⟩ — "{responsibility.text}".')
    assert template.id == "t.kr"
    assert template.pattern == 'From ⟨baseline⟩ to ⟨target⟩ — "{responsibility.text}".'
    assert template.pieces == (
        "From ",
        Placeholder.BASELINE,
        " to ",
        Placeholder.TARGET,
        ' — "',
        Slot(("responsibility", "text")),
        '".',
    )
    assert template.slots == (Slot(("responsibility", "text")),)
    assert template.bindings == frozenset({"responsibility"})


def test_placeholders_at_the_edges_leave_no_empty_wording() -> None:
    template = Template.parse("t.target", "⟨target⟩ by ⟨date⟩")
    assert template.pieces == (Placeholder.TARGET, " by ", Placeholder.DATE)
    assert Template.parse("t.date", "⟨date⟩").pieces == (Placeholder.DATE,)


def test_a_slot_is_a_binding_then_an_attribute_path() -> None:
    template = Template.parse("t.r", "{role.family.function.label} and {complexity.text}")
    assert template.slots == (
        Slot(("role", "family", "function", "label")),
        Slot(("complexity", "text")),
    )
    assert template.bindings == frozenset({"role", "complexity"})


def test_a_pattern_of_one_bare_slot_has_no_template_id() -> None:
    assert Template.parse("t.heading", "{responsibility.text}").id is None
    assert Template.parse("t.two", "{responsibility.text}{statement.text}").id == "t.two"
    assert Template.parse("t.tail", "{responsibility.text}.").id == "t.tail"
    assert Template.parse("t.head", '"{responsibility.text}').id == "t.head"
    assert Template.parse("t.none", "⟨date⟩").id == "t.none"


@pytest.mark.parametrize(
    "pattern",
    [
        "Deliver: {responsibility}",
        "Deliver: {responsibility.text:>20}",
        "Deliver: {responsibility.text!r}",
        "Deliver: {responsibility.text!s:10}",
    ],
)
def test_a_slot_without_an_attribute_or_with_a_format_is_refused(pattern: str) -> None:
    slot = pattern.removeprefix("Deliver: {").removesuffix("}")
    name = slot.split(":")[0].split("!")[0]
    with pytest.raises(ValueError) as refused:
        Template.parse("t.bad", pattern)
    assert str(refused.value) == f"slot {{{name}}} in {pattern!r} must be {{binding.attribute}}"


def test_an_unknown_placeholder_is_refused_naming_it() -> None:
    pattern = "Reach ⟨target⟩ by ⟨deadline⟩"
    with pytest.raises(ValueError) as refused:
        Template.parse("t.bad", pattern)
    assert str(refused.value) == f"unknown placeholder ⟨deadline⟩ in {pattern!r}"


def test_a_slot_quotes_only_a_non_empty_string_of_a_canon_node() -> None:
    node = responsibility("Runs visits")
    assert Slot(("responsibility", "text")).resolve({"responsibility": node}) == (
        node,
        "Runs visits",
    )
    assert Slot(("responsibility", "source", "label")).resolve({"responsibility": node}) == (
        SOURCE,
        "JFM",
    )
    empty = responsibility("")
    assert Slot(("responsibility", "text")).resolve({"responsibility": empty}) is None
    assert Slot(("responsibility", "order")).resolve({"responsibility": node}) is None
    assert Slot(("responsibility", "no_such")).resolve({"responsibility": node}) is None
    assert Slot(("responsibility", "text")).resolve({"responsibility": None}) is None
    assert Slot(("responsibility", "text")).resolve({}) is None
    assert Slot(("source", "label")).resolve({"source": None}) is None


def test_a_slot_never_quotes_a_value_that_is_not_on_a_canon_node() -> None:
    class Lookalike:
        text = "not canon"

    assert Slot(("responsibility", "text")).resolve({"responsibility": Lookalike()}) is None  # type: ignore[dict-item]


def test_fill_quotes_the_canon_and_keeps_wording_and_placeholders() -> None:
    template = Template.parse("t.kr1", 'From ⟨baseline⟩: "{responsibility.text}"')
    node = responsibility("Runs visits")
    line = template.fill({"responsibility": node}, no_label)
    assert line is not None
    assert line.template == "t.kr1"
    assert line.text == 'From ⟨baseline⟩: "Runs visits"'
    assert [type(p) for p in line.parts] == [TemplateText, Blank, TemplateText, Quote, TemplateText]
    assert template.fill({"responsibility": responsibility("")}, no_label) is None
    assert template.missing({"responsibility": None}) == "responsibility"
    assert template.missing({"responsibility": node}) is None


def _line(template: Template) -> Line:
    line = template.fill({"responsibility": responsibility("Runs visits")}, no_label)
    assert line is not None
    return line


TEMPLATE = Template.parse("t.kr1", 'From ⟨baseline⟩ by ⟨date⟩: "{responsibility.text}"')


def test_a_template_recognises_the_lines_it_produced() -> None:
    assert TEMPLATE.produced(_line(TEMPLATE))


def test_a_line_of_another_template_is_not_produced_even_with_the_same_parts() -> None:
    line = _line(TEMPLATE)
    assert not TEMPLATE.produced(Line("t.other", line.parts))
    assert not TEMPLATE.produced(Line(None, line.parts))


def test_a_line_with_parts_missing_or_added_is_not_produced() -> None:
    parts = _line(TEMPLATE).parts
    assert not TEMPLATE.produced(Line("t.kr1", parts[:-1]))
    assert not TEMPLATE.produced(Line("t.kr1", (*parts, TemplateText("!"))))


@pytest.mark.parametrize(
    ("position", "replacement"),
    [
        (0, TemplateText("To ")),  # other wording
        (0, Blank(Placeholder.TARGET)),  # a blank where wording was
        (1, Blank(Placeholder.TARGET)),  # another placeholder
        (1, TemplateText("⟨baseline⟩")),  # a placeholder's text, not a typed blank
        (3, Blank(Placeholder.BASELINE)),
        (5, TemplateText("Runs visits")),  # wording where a quote was
    ],
)
def test_a_line_with_one_part_changed_is_not_produced(position: int, replacement: object) -> None:
    parts = list(_line(TEMPLATE).parts)
    assert len(parts) == 7
    parts[position] = replacement  # type: ignore[call-overload]
    assert not TEMPLATE.produced(Line("t.kr1", tuple(parts)))


def test_a_quote_stands_only_where_a_slot_is() -> None:
    parts = list(_line(TEMPLATE).parts)
    quote = parts[5]
    assert isinstance(quote, Quote)
    parts[0] = quote
    assert not TEMPLATE.produced(Line("t.kr1", tuple(parts)))


def test_a_bare_slot_template_recognises_only_a_single_quote() -> None:
    bare = Template.parse("t.heading", "{responsibility.text}")
    line = bare.fill({"responsibility": responsibility("Runs visits")}, no_label)
    assert line is not None and line.template is None
    assert bare.produced(line)
    assert not bare.produced(Line(None, (TemplateText("Runs visits"),)))
    function = JobFunction(iri="https://test.example/f", label="Ops")
    assert Slot(("role", "label")).resolve({"role": function}) == (function, "Ops")
