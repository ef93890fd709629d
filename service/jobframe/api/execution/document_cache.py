"""Parsed documents and their validation results, each kept in a cache bounded in bytes.

They replace Strawberry's `ParserCache` and `ValidationCache`, which bound entries, not
bytes: 1,024 documents of 100 KB each (the body limit) parse to ~1,600 MB of AST, since a
parsed node with its tokens and location costs ~400 bytes (`NODE_BYTES`). Both caches live
at module level, shared by every schema, like Strawberry's (`caches.bound_caches` sets
their bounds from the settings).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse
from graphql.language import Node
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document
from strawberry.types import ExecutionContext

from ...caches import ByteLRU
from ..errors import CODED_RULES, coded_syntax_error

NODE_BYTES = 400
"""Memory one parsed AST node holds, with its tokens and location: measured with
tracemalloc at 323-403 bytes per node over documents of 18 to 809 nodes (67 to 2,760
characters), the query text included."""
ERROR_BYTES = 1_000
"""One validation error besides its message: the error object, its locations and path
(measured ~700 bytes)."""
ParseKey = tuple[str, tuple[tuple[str, Any], ...]]
"""A query text and the parse options it was parsed with."""
PARSE_CACHE_BYTES = 32 * 2**20
VALIDATION_CACHE_BYTES = 8 * 2**20


_CHILD_KEYS: dict[type[Node], tuple[str, ...]] = {}
"""Each node class's attributes but its location: a parse of every request that misses the
cache is counted, and reading `loc` was most of the count (1.2 ms of an 882-byte fragment
bomb's 7 ms before it is refused)."""


def _child_keys(kind: type[Node]) -> tuple[str, ...]:
    keys = _CHILD_KEYS.get(kind)
    if keys is None:
        keys = _CHILD_KEYS[kind] = tuple(k for k in kind.keys if k != "loc")
    return keys


def node_count(root: object) -> int:
    """AST nodes under `root` (a node, or a tuple or list of nodes), `root` included."""
    count, stack = 0, [root]
    while stack:
        item = stack.pop()
        if isinstance(item, Node):
            count += 1
            for key in _child_keys(type(item)):
                child = getattr(item, key, None)
                if isinstance(child, (Node, tuple, list)):
                    stack.append(child)
        elif isinstance(item, (tuple, list)):
            stack.extend(item)
    return count


def document_bytes(document: object) -> int:
    """The estimated memory of a parsed document (or part of one): nodes times `NODE_BYTES`."""
    return node_count(document) * NODE_BYTES


def _parsed_size(key: ParseKey, document: DocumentNode) -> int:
    return len(key[0]) + document_bytes(document)


def validated_bytes(query: str, document: DocumentNode, errors: list[GraphQLError]) -> int:
    """The query text and the errors, and the whole document when there are any: an
    error's nodes keep their tokens alive, and through them the document's."""
    held = sum(ERROR_BYTES + len(e.message) for e in errors)
    return len(query) + held + (document_bytes(document) if errors else 0)


def _validated_size(key: tuple[object, str, tuple[object, ...]], errors: list[Any]) -> int:
    return len(key[1]) + sum(ERROR_BYTES + len(e.message) for e in errors)


PARSED: ByteLRU[ParseKey, DocumentNode] = ByteLRU("parse", PARSE_CACHE_BYTES, _parsed_size)
VALIDATED: ByteLRU[tuple[object, str, tuple[object, ...]], list[GraphQLError]] = ByteLRU(
    "validation", VALIDATION_CACHE_BYTES, _validated_size
)


def _parse_key(context: ExecutionContext) -> ParseKey:
    return (context.query or "", tuple(sorted(context.parse_options.items())))


def acyclic(document: DocumentNode) -> DocumentNode:
    """The document with its token chain cut (each token's `prev` and `next`), the one cycle
    in a parsed document: a document dropped from the cache is then freed at once, not left
    for the cyclic garbage collector, whose passes over evicted documents stalled every
    request (1,500 fragment bombs: 3.1 s of 6.9 s in collections, the longest 465 ms).
    Locations keep their offsets and source, which is what errors are placed by."""
    token = document.loc.start_token if document.loc else None
    while token is not None:
        following = token.next
        token.prev = token.next = None
        token = following
    return document


def forget_parsed(context: ExecutionContext) -> None:
    """Drop a refused document from the parse cache: it will not run, and texts made unique
    (a comment per request) would otherwise fill the cache and keep every later
    collection busy."""
    PARSED.discard(_parse_key(context))


class BoundedParserCache(SchemaExtension):
    """Parses each distinct query text once, while it stays in `PARSED`."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        key = _parse_key(context)
        document = PARSED.get(key)
        if document is None:
            options = context.parse_options
            try:
                parsed = parse(key[0], **options)
            except GraphQLSyntaxError as error:
                raise coded_syntax_error(error, key[0], options.get("max_tokens")) from None
            document = PARSED.put(key, acyclic(parsed))
        context.graphql_document = document
        yield


class BoundedValidationCache(SchemaExtension):
    """Validates each distinct query text once per schema and rules, while it stays in
    `VALIDATED`: the same text parses to the same document."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is not None:  # refused before it (`WalkLimits`)
            yield
            return
        schema = context.schema._schema
        rules = tuple(CODED_RULES.get(rule, rule) for rule in context.validation_rules)
        key = (schema, context.query or "", rules)
        errors = VALIDATED.get(key)
        if errors is None:
            document = context.graphql_document
            assert document is not None
            errors = validate_document(schema, document, rules)
            VALIDATED.put(key, errors, validated_bytes(key[1], document, errors))
        context.pre_execution_errors = errors
        yield
