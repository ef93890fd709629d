"""Direct resolvers answer exactly what Strawberry's own resolvers answer."""

from jobframe.api.context import Context
from jobframe.api.execution.direct_resolvers import DirectResolver, use_direct_resolvers
from jobframe.api.schema import CanonSchema, Query, default_schema
from jobframe.api.types.nodes import NODE_TYPES
from jobframe.budget import budget
from jobframe.loading import Served

schema = default_schema()

EVERYTHING = """{ roleLevel(family: "Clinical Trials Operations", level: "M5") {
  id iri label family { label function { label } } level { code title rank track { label } }
  responsibilities { order text source { label notation } }
  rubricEntries { text dimension { label } }
  page { heading { text } breadcrumb { text template } notice text }
  frames { kind title intro text sections { title rows { number sourceTag heading { text }
    fields { name line { text template parts { __typename ... on PlaceholderText {
    placeholder text } ... on Quotation { text source { label } } ... on TemplateText { text } }
    sources { label quote node { id iri label notation text __typename } } } } } } } } }"""


def test_direct_resolvers_change_no_answer(served: Served) -> None:
    reference = CanonSchema(query=Query, types=list(NODE_TYPES.values()))
    ours = schema.execute_sync(EVERYTHING, context_value=Context(served))
    theirs = reference.execute_sync(EVERYTHING, context_value=Context(served))
    assert ours.errors is None and theirs.errors is None
    assert ours.data == theirs.data


def test_fields_with_arguments_check_the_budget_too(served: Served) -> None:
    with budget(0.0):
        result = schema.execute_sync(
            '{ roleLevel(family: "Clinical Trials Operations", level: "M5") { id } }',
            context_value=Context(served),
        )
    assert result.data == {"roleLevel": None} and result.errors
    assert result.errors[0].extensions == {"code": "TIME_BUDGET_EXCEEDED"}


def test_plain_fields_get_direct_resolvers_and_fields_with_arguments_do_not() -> None:
    reference = CanonSchema(query=Query, types=list(NODE_TYPES.values()))
    assert use_direct_resolvers(reference) > 100
    role_level = reference._schema.type_map["RoleLevel"]
    frame_resolver = role_level.fields["frame"].resolve  # type: ignore[union-attr]
    label_resolver = role_level.fields["label"].resolve  # type: ignore[union-attr]
    assert frame_resolver is not None and "strawberry" in frame_resolver.__module__
    assert frame_resolver.__wrapped__ is not None  # behind the budget check
    assert isinstance(label_resolver, DirectResolver)
