"""GraphQL types for maintainers: the served canon's version, findings, completeness, reloads."""

from __future__ import annotations

from datetime import datetime

import strawberry

from ... import findings as fnd
from ... import frames, loading
from ..context import Info
from ..limits.cost_directives import PAGED
from ..replica import replica_specific
from .changes import CanonChanges
from .interfaces import CanonNode, wrap
from .nodes import CanonAbout, RoleLevel
from .pagination import Connection, paginate

strawberry.enum(fnd.Severity, description="An error stops a canon from being served.")


@strawberry.type(description="A problem found in the canon, with where it is and how to fix it.")
class Finding:
    model: strawberry.Private[fnd.Finding]

    @strawberry.field(description="What kind of check found it (syntax, shapes, cycle, …).")
    def kind(self) -> str:
        return self.model.kind.value

    @strawberry.field(description="How bad it is.")
    def severity(self) -> fnd.Severity:
        return self.model.severity

    @strawberry.field(
        description="The Turtle file where it applies, where known: relative to the canon"
        " folder, or only its name when it lies outside (the full path is in the log)."
    )
    def file(self, info: Info) -> str | None:
        file = self.model.location.file
        return None if file is None else fnd.shown_file(file, info.context.served.report.source)

    @strawberry.field(description="The line in that file, where known.")
    def line(self) -> int | None:
        return self.model.location.line

    @strawberry.field(description="The column in that line, where known (syntax errors).")
    def column(self) -> int | None:
        return self.model.location.column

    @strawberry.field(description="The IRI of the node it concerns, where there is one.")
    def node_iri(self) -> str | None:
        return self.model.location.node

    @strawberry.field(description="The node it concerns, when the served canon holds it.")
    def node(self, info: Info) -> CanonNode | None:
        iri = self.model.location.node
        node = info.context.canon.nodes.get(iri) if iri is not None else None
        return wrap(node) if node is not None else None

    @strawberry.field(description="What is wrong.")
    def message(self) -> str:
        return self.model.message

    @strawberry.field(description="A one-line fix.")
    def hint(self) -> str:
        return self.model.hint


@strawberry.type(description="A role-level's canon fields and the frame lines it will omit.")
class CompletenessRow:
    model: strawberry.Private[frames.CompletenessRow]

    @strawberry.field(description="The role-level.")
    def role_level(self) -> RoleLevel:
        return RoleLevel(model=self.model.role_level)

    @strawberry.field(description="How many responsibilities it has.")
    def responsibilities(self) -> int:
        return self.model.responsibilities

    @strawberry.field(description="How many dimension statements its level has.")
    def dimension_statements(self) -> int:
        return self.model.statements

    @strawberry.field(description="Rubric dimensions the frames read that it has an entry for.")
    def rubric_present(self) -> list[str]:
        return [name for name, present in self.model.rubric if present]

    @strawberry.field(description="Rubric dimensions the frames read that it lacks.")
    def rubric_missing(self) -> list[str]:
        return [name for name, present in self.model.rubric if not present]

    @strawberry.field(description="Each omission, as `frame: n of m rows have no X line (no …)`.")
    def omissions(self) -> list[str]:
        return [frames.omission_text(o) for o in self.model.omissions]


@strawberry.type(description="One attempt to load or reload the canon.")
class ReloadAttempt:
    model: strawberry.Private[loading.ReloadAttempt]

    @strawberry.field(description="When it ended.")
    def at(self) -> datetime:
        replica_specific("ReloadAttempt.at")
        return self.model.at

    @strawberry.field(
        description="What started it: startup, watch, admin, or sync (this replica saw the "
        "source change)."
    )
    def trigger(self) -> str:
        return self.model.trigger

    @strawberry.field(description="Whether the new canon is now served.")
    def succeeded(self) -> bool:
        return self.model.succeeded

    @strawberry.field(description="The version loaded; null when the attempt failed.")
    def version(self) -> str | None:
        return self.model.version

    @strawberry.field(description="Why a failed attempt was refused.")
    def errors(self) -> list[Finding]:
        return [Finding(model=f) for f in self.model.errors]

    @strawberry.field(
        description="What a successful reload changed from the canon served before it: "
        "nodes added, removed and changed, and the role-levels whose frames changed. Null "
        "for the startup load and for a refused reload."
    )
    def changes(self) -> CanonChanges | None:
        found = self.model.changes
        return CanonChanges(model=found) if found is not None else None


@strawberry.type(description="The canon being served, for a maintainers' UI.")
class CanonStatus:
    model: strawberry.Private[loading.Served]

    @strawberry.field(description="Content hash of the canon's triples; also the ETag.")
    def version(self) -> str:
        return self.model.canon.version

    @strawberry.field(description="When this canon was loaded.")
    def loaded_at(self) -> datetime:
        replica_specific("CanonStatus.loadedAt")
        return self.model.loaded_at

    @strawberry.field(description="How many triples it holds, vocabulary included.")
    def triple_count(self) -> int:
        return self.model.canon.triple_count

    @strawberry.field(
        description="The canon's description of itself (title, default language, source, "
        "licence, attribution), if it has a jf:Canon node."
    )
    def about(self) -> CanonAbout | None:
        about = self.model.canon.about
        return CanonAbout(model=about) if about is not None else None

    @strawberry.field(description="The canon's default language (a BCP 47 tag).")
    def default_language(self) -> str:
        return self.model.canon.default_language

    @strawberry.field(
        description="Every language tag its text uses, the default first; empty when its "
        "text is untagged."
    )
    def languages(self) -> list[str]:
        return list(self.model.canon.languages)

    @strawberry.field(
        description="Warnings about the served canon (a canon with errors is never served).",
        directives=[PAGED],
    )
    def findings(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> Connection[Finding]:
        return paginate(self.model.report.findings, lambda f: Finding(model=f), first, after)

    @strawberry.field(
        description="Per role-level canon fields and omissions, in canon order.", directives=[PAGED]
    )
    def completeness(
        self, first: int = 50, after: str | None = None, incomplete_only: bool = False
    ) -> Connection[CompletenessRow]:
        rows = self.model.report.completeness
        if incomplete_only:
            rows = tuple(r for r in rows if not r.complete)
        return paginate(rows, lambda r: CompletenessRow(model=r), first, after)

    @strawberry.field(description="The last load or reload attempt, successful or not.")
    def last_reload(self) -> ReloadAttempt:
        return ReloadAttempt(model=self.model.last_reload)
