"""Refusing what is not a GraphQL request before Strawberry parses it.

A GraphQL-over-HTTP request is a JSON object (POST) or query parameters (GET) whose `query`
is a string and whose `variables` and `extensions` are objects. Anything else — a JSON body
that is `42` or `null`, bytes that are not UTF-8, a lone surrogate, arrays nested past
orjson's depth limit — is the client's mistake, answered 400 `BAD_REQUEST`, never a 500.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import orjson

_FIELDS: dict[str, tuple[type, ...]] = {
    "query": (str,),
    "operationName": (str,),
    "variables": (dict,),
    "extensions": (dict,),
}
"""Each member of a request and the JSON types it may have besides null."""


def refusal(method: str, query_string: bytes, content_type: bytes, body: bytes) -> str | None:
    """Why the request is not a GraphQL request, or None when it may be one."""
    if method == "GET":
        return _refusal_of_parameters(query_string)
    if not content_type.split(b";")[0].strip().lower().endswith(b"json"):
        return None  # Strawberry answers other media types itself (415)
    try:
        request = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        return f"the body is not JSON in UTF-8: {error}"
    if not isinstance(request, dict):
        return f"the body must be a JSON object, not {_json_type(request)}"
    for name, kinds in _FIELDS.items():
        value = request.get(name)
        if value is not None and not isinstance(value, kinds):
            return f"`{name}` must be {_expected(kinds)} or null, not {_json_type(value)}"
    return None


def _refusal_of_parameters(query_string: bytes) -> str | None:
    try:
        parameters = parse_qs(query_string.decode("utf-8", errors="strict"))
    except UnicodeDecodeError:
        return "the query string is not UTF-8"
    for name in ("variables", "extensions"):
        for raw in parameters.get(name, []):
            try:
                value = orjson.loads(raw)
            except orjson.JSONDecodeError as error:
                return f"`{name}` is not JSON: {error}"
            if value is not None and not isinstance(value, dict):
                return f"`{name}` must be a JSON object or null, not {_json_type(value)}"
    return None


def _expected(kinds: tuple[type, ...]) -> str:
    return "a string" if kinds == (str,) else "an object"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    return names.get(type(value), "an array" if isinstance(value, list) else "an object")
