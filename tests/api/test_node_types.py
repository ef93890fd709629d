"""Each canon node class has one declared GraphQL type, named as the mapping names its kind,
so a global ID, a change's kind and a node page agree, whatever the Python classes are called."""

from __future__ import annotations

from jobframe.api.types.interfaces import type_name
from jobframe.api.types.nodes import NODE_TYPES
from jobframe.canon import mapping


def test_every_canon_node_class_has_a_graphql_type_named_as_its_kind() -> None:
    assert set(NODE_TYPES) == set(mapping.BY_MODEL)
    for node_class in mapping.NODE_CLASSES:
        assert type_name(NODE_TYPES[node_class.model]) == node_class.kind
