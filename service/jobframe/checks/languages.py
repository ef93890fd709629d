"""Languages of canon text: the canon's default language is a BCP 47 tag, and every label,
notation and text can be given in it.

A request in no particular language is answered in the canon's default language, falling
back to the untagged value. A node whose text exists only in other languages has nothing
to give such a request: a warning names the node, the property and the languages it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from ..canon import DEFAULT_LANGUAGE
from ..findings import Finding, FindingKind, Severity
from ..sources import SourceMap, TripleIndex
from ..vocabulary import DCTERMS, JF, SKOS_NOTATION, SKOS_PREF_LABEL
from .naming import node_name, term_name, term_text

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
TEXT_PROPERTIES = (SKOS_PREF_LABEL, SKOS_NOTATION, JF.text, DCTERMS.title, DCTERMS.rights)
"""The properties whose values are text in a language (untagged or language-tagged)."""


def is_language_tag(tag: str) -> bool:
    """Whether `tag` is a well-formed BCP 47 tag, by the rule Turtle's parser applies to the
    tags of literals (so a default language can always match a tag a file may use)."""
    try:
        ox.Literal("", language=tag)
    except ValueError:
        return False
    return True


def default_language(index: TripleIndex) -> str:
    """The canon's `jf:defaultLanguage` as written, else "en"."""
    for canon in index.instances(JF.Canon):
        tag = index.text(canon, JF.defaultLanguage)
        if tag is not None and is_language_tag(tag):
            return tag
    return DEFAULT_LANGUAGE


def language_findings(
    index: TripleIndex, places: SourceMap, kept: KeptLanguages | None = None
) -> tuple[Finding, ...]:
    """A malformed default language (an error), and texts with no value a request in the
    default language could be given (a warning each). `kept` is the index's uncovered texts,
    when kept between checks."""
    kept = KeptLanguages(index) if kept is None else kept
    return (*_malformed(index, places), *kept.findings(index, places))


class KeptLanguages:
    """Each node's texts with no value in the default language, by node: they depend on the
    node's own triples and the default language, so an edit changes only its subjects'
    (or all, when it changes the default language)."""

    def __init__(self, index: TripleIndex) -> None:
        self.default = default_language(index)
        self._uncovered: dict[str, list[tuple[str, list[str]]]] = {}
        self.refresh(index, index.out)

    def refresh(self, index: TripleIndex, subjects: Iterable[str]) -> None:
        default = default_language(index)
        if default != self.default:
            self.default, self._uncovered, subjects = default, {}, index.out
        for node in subjects:
            self._uncovered.pop(node, None)
            properties = index.out.get(node)
            found = [] if properties is None else _uncovered(properties, self.default)
            if found:
                self._uncovered[node] = found

    def findings(self, index: TripleIndex, places: SourceMap) -> Iterator[Finding]:
        """By node, then in the order of TEXT_PROPERTIES."""
        default = self.default
        for node in sorted(self._uncovered):
            for prop, languages in self._uncovered[node]:
                name = term_name(prop)
                yield Finding(
                    FindingKind.LANGUAGE,
                    Severity.WARNING,
                    places.locate(node),
                    f"{node_name(index, node)}: {name} has no value in the default language"
                    f" ({default}) and no untagged one, only "
                    + ", ".join(f"@{language}" for language in languages),
                    f"add {name} in {default} (or untagged), or set the canon's jf:defaultLanguage",
                )


def _malformed(index: TripleIndex, places: SourceMap) -> Iterator[Finding]:
    for canon in index.instances(JF.Canon):
        for value in index.values(canon, JF.defaultLanguage):
            if isinstance(value, ox.Literal) and not is_language_tag(value.value):
                yield Finding(
                    FindingKind.LANGUAGE,
                    Severity.ERROR,
                    places.locate(canon),
                    f"{node_name(index, canon)}: jf:defaultLanguage is {term_text(value)},"
                    " not a BCP 47 language tag",
                    'write a tag such as "en", "de" or "pt-BR"',
                )


def _uncovered(properties: dict[str, list[Term]], default: str) -> list[tuple[str, list[str]]]:
    """(text property, the languages it has) for each text with no value a request in the
    default language could be given."""
    found = []
    for prop in TEXT_PROPERTIES:
        values = properties.get(prop)
        if not values:
            continue
        literals = [v for v in values if isinstance(v, ox.Literal)]
        languages = sorted({v.language.casefold() for v in literals if v.language})
        untagged = any(v.language is None for v in literals)
        if languages and not untagged and default.casefold() not in languages:
            found.append((prop, languages))
    return found
