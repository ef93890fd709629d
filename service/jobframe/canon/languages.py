"""Which language each quoted value is read in, and the canon seen in another language.

A canon may hold `skos:prefLabel`, `skos:notation` and `jf:text` values in several languages
(one per language, the untagged value counting as one). A view of the canon in language L
takes each value by the fallback documented in `docs/languages.md`: L, else the untagged
value, else the canon's default language, else the first language in tag order — so a node
always has its values, and `CanonNode.languages` says which language each came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from .nodes import CanonNode

Values = tuple[tuple[str | None, str], ...]
"""Every value of one field of one node: (language tag or None, value), sorted."""
Literals = Mapping[str, Mapping[str, Values]]
"""Node IRI -> field (`label`, `notation`, `text`) -> its values, for the fields that have a
tagged value or more than one value (a single-language canon has none)."""

QUOTED_FIELDS = ("label", "notation", "text")
"""The node fields a frame may quote, each read from one RDF property."""

LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
"""The shape of a BCP 47 language tag (RFC 5646's syntax, not its registry)."""

DEFAULT_LANGUAGE = "en"
"""The default language of a canon that does not declare one (`jf:defaultLanguage`)."""

N = TypeVar("N", bound=CanonNode)


def pick(values: Values, wanted: str | None, default: str) -> tuple[str | None, str] | None:
    """The value to show for a request in `wanted`: wanted → untagged → default → any."""
    if not values:
        return None
    by_tag = {_key(tag): (tag, value) for tag, value in values}
    for choice in (wanted, None, default):
        found = by_tag.get(_key(choice))
        if found is not None:
            return found
    return values[0]


def lookup(available: Iterable[str], wanted: Iterable[str]) -> str | None:
    """The first wanted language the canon has, by RFC 4647 lookup: `de-CH` is tried as
    `de-CH`, then `de`. Tags compare ignoring case; the canon's spelling is returned."""
    have = {tag.casefold(): tag for tag in available}
    for tag in wanted:
        parts = tag.casefold().split("-")
        while parts:
            found = have.get("-".join(parts))
            if found is not None:
                return found
            parts.pop()
            if parts and len(parts[-1]) == 1:  # never end a range on a singleton (`x`)
                parts.pop()
    return None


def _key(tag: str | None) -> str | None:
    """Language tags compare ignoring case (BCP 47)."""
    return tag.casefold() if tag is not None else None


def translated(
    node: N, literals: Literals, wanted: str, default: str, memo: dict[str, CanonNode]
) -> N:
    """The node with its quoted fields (and those of the nodes it refers to) in `wanted`."""
    done = memo.get(node.iri)
    if done is not None:
        assert type(done) is type(node)
        return done
    changes: dict[str, Any] = {}
    own = literals.get(node.iri, {})
    languages = dict(node.languages)
    for name in QUOTED_FIELDS:
        values = own.get(name)
        chosen = pick(values, wanted, default) if values else None
        if chosen is not None:
            tag, changes[name] = chosen
            languages.pop(name, None)
            if tag is not None:
                languages[name] = tag
    changes["languages"] = tuple(sorted(languages.items()))
    for f in fields(node):
        value = getattr(node, f.name)
        if isinstance(value, CanonNode):
            changes[f.name] = translated(value, literals, wanted, default, memo)
        elif isinstance(value, tuple) and value and isinstance(value[0], CanonNode):
            changes[f.name] = tuple(translated(v, literals, wanted, default, memo) for v in value)
    assert is_dataclass(node)
    result = replace(node, **changes)
    memo[node.iri] = result
    return result
