"""GraphQL types of goal frames: the page, each frame, and its sections, rows and lines with
their provenance.

A frame names the role-level it belongs to (`Frame.roleLevel`) lazily: `nodes.py` holds
`RoleLevel`, whose fields return these types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from ...frames import FrameKind, Placeholder, RdfFormat, model, serialize_frames
from ..limits.cost_directives import PAGE_TEXT, RDF, TEXT
from .interfaces import CanonNode, wrap

if TYPE_CHECKING:  # `nodes.py` imports this module: RoleLevel is named lazily, never imported
    from .nodes import RoleLevel

strawberry.enum(Placeholder, description="A blank for the manager to fill in.")
strawberry.enum(FrameKind, description="The four goal frames.")
strawberry.enum(RdfFormat, description="RDF serialisations a frame can be exported in.")


@strawberry.type(description="A canon value a frame line uses, and the node it was quoted from.")
class Provenance:
    model: strawberry.Private[model.Provenance]

    @strawberry.field(description="The source tag the page shows for it, where it shows one.")
    def label(self) -> str | None:
        return self.model.label

    @strawberry.field(
        description="The exact text quoted; always a substring of the node's label, "
        "notation or text."
    )
    def quote(self) -> str:
        return self.model.quote

    @strawberry.field(description="The canon node quoted (prov:wasQuotedFrom).")
    def node(self) -> CanonNode:
        return wrap(self.model.node)

    @strawberry.field(
        description="The language tag of the quoted value (BCP 47, such as en or de-CH); "
        "null when the canon gives the value without one."
    )
    def language(self) -> str | None:
        return self.model.language


@strawberry.type(description="Fixed wording of the line's template.")
class TemplateText:
    text: str = strawberry.field(description="The wording.")


@strawberry.type(description="Verbatim canon text inside a line.")
class Quotation:
    model: strawberry.Private[model.Quote]

    @strawberry.field(description="The quoted text.")
    def text(self) -> str:
        return self.model.text

    @strawberry.field(description="Where the quoted text comes from.")
    def source(self) -> Provenance:
        return Provenance(model=self.model.provenance)


@strawberry.type(description="A typed placeholder inside a line.")
class PlaceholderText:
    placeholder: Placeholder = strawberry.field(description="Which blank this is.")
    text: str = strawberry.field(description="How the blank is shown, such as ⟨target⟩.")


LinePart = Annotated[
    TemplateText | Quotation | PlaceholderText,
    strawberry.union("LinePart", description="A piece of a line, in reading order."),
]


@strawberry.type(
    description="One line of a frame: verbatim canon text, or a fixed template wrapping it."
)
class FrameLine:
    model: strawberry.Private[model.Line]

    @strawberry.field(description="The line as shown.")
    def text(self) -> str:
        return self.model.text

    @strawberry.field(
        description="Identifier of the template the line was built from; null when the line "
        "is nothing but verbatim canon text."
    )
    def template(self) -> str | None:
        return self.model.template

    @strawberry.field(description="Template wording, quotes and placeholders, in reading order.")
    def parts(self) -> list[LinePart]:
        parts: list[LinePart] = []
        for part in self.model.parts:
            if isinstance(part, model.Quote):
                parts.append(Quotation(model=part))
            elif isinstance(part, model.Blank):
                parts.append(PlaceholderText(placeholder=part.placeholder, text=part.text))
            else:
                parts.append(TemplateText(text=part.text))
        return parts

    @strawberry.field(
        description="One entry per canon value the line uses; empty for a line that is only "
        "a template."
    )
    def sources(self) -> list[Provenance]:
        return [Provenance(model=s) for s in self.model.sources]


@strawberry.type(description="A named line of a row, such as Specific, KR2 or Standard.")
class FrameField:
    model: strawberry.Private[model.Field]

    @strawberry.field(description="The field's name as the page shows it.")
    def name(self) -> str:
        return self.model.name

    @strawberry.field(description="The field's line.")
    def line(self) -> FrameLine:
        return FrameLine(model=self.model.line)


@strawberry.type(description="A goal, objective, area or scorecard measure.")
class FrameRow:
    model: strawberry.Private[model.Row]

    @strawberry.field(description="Position of the row in its section, from 1.")
    def number(self) -> int:
        return self.model.number

    @strawberry.field(description="The row's heading line (the responsibility or measure).")
    def heading(self) -> FrameLine:
        return FrameLine(model=self.model.heading)

    @strawberry.field(description="The source tag shown beside the heading.")
    def source_tag(self) -> str | None:
        return self.model.tag

    @strawberry.field(
        description="The heading's canon value the source tag names; link the tag to its"
        " `node.url`. Null exactly when `sourceTag` is."
    )
    def tag_source(self) -> Provenance | None:
        tagged = self.model.tagged
        return None if tagged is None else Provenance(model=tagged)

    @strawberry.field(description="The row's fields, only those the canon backs.")
    def fields(self) -> list[FrameField]:
        return [FrameField(model=f) for f in self.model.fields]


@strawberry.type(description="A group of rows; scorecard sections are its perspectives.")
class FrameSection:
    model: strawberry.Private[model.Section]

    @strawberry.field(description="The section's title; null for a frame's only section.")
    def title(self) -> str | None:
        return self.model.title

    @strawberry.field(description="The rows, in canon order.")
    def rows(self) -> list[FrameRow]:
        return [FrameRow(model=r) for r in self.model.rows]


@strawberry.type(description="One goal frame of a role-level, derived verbatim from the canon.")
class Frame:
    model: strawberry.Private[model.Frame]

    @strawberry.field(description="Which frame this is.")
    def kind(self) -> FrameKind:
        return self.model.kind

    @strawberry.field(description="The frame's heading, such as `SMART goals`.")
    def title(self) -> str:
        return self.model.title

    @strawberry.field(description="The sentence under the heading.")
    def intro(self) -> str:
        return self.model.intro

    @strawberry.field(description="The role-level the frame was derived for.")
    def role_level(self) -> Annotated[RoleLevel, strawberry.lazy("jobframe.api.types.nodes")]:
        return cast("RoleLevel", wrap(self.model.role_level))

    @strawberry.field(description="Sections with their rows; sections without rows are left out.")
    def sections(self) -> list[FrameSection]:
        return [FrameSection(model=s) for s in self.model.sections]

    @strawberry.field(description="Every line of the frame, in reading order.")
    def lines(self) -> list[FrameLine]:
        return [FrameLine(model=line) for line in self.model.lines]

    @strawberry.field(
        description="The frame as plain text (the page's “Copy / print as text”).",
        directives=[TEXT],
    )
    def text(self) -> str:
        return self.model.text

    @strawberry.field(
        description="The frame's lines as RDF, with prov:wasQuotedFrom edges.", directives=[RDF]
    )
    def rdf(self, format: RdfFormat = RdfFormat.TURTLE) -> str:
        return serialize_frames([self.model], format)


@strawberry.type(description="A role-level's goal-templates page: header lines and four frames.")
class GoalPage:
    model: strawberry.Private[model.Page]

    @strawberry.field(description="The page heading.")
    def heading(self) -> FrameLine:
        return FrameLine(model=self.model.heading)

    @strawberry.field(description="Function · family · level code — title.")
    def breadcrumb(self) -> FrameLine:
        return FrameLine(model=self.model.breadcrumb)

    @strawberry.field(description="The notice saying how the frames are made.")
    def notice(self) -> str:
        return self.model.notice

    @strawberry.field(description="The four frames, in page order.")
    def frames(self) -> list[Frame]:
        return [Frame(model=f) for f in self.model.frames]

    @strawberry.field(description="The whole page as plain text.", directives=[PAGE_TEXT])
    def text(self) -> str:
        return self.model.text
