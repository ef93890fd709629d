"""The vocabulary IRIs, as plain strings, defined once so no module spells them out.

Plain strings (not rdflib terms) because the canon is indexed in Python dicts keyed by IRI
strings; wrap one in `rdflib.URIRef` where rdflib needs a term. A test checks that every
name here is declared in `ontology/jobframe.ttl`.
"""

from typing import Final

NAMESPACE: Final = "https://jobframe.example/ontology#"
PREFIXES: Final = {
    "jf": NAMESPACE,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "sh": "http://www.w3.org/ns/shacl#",
}
"""Every namespace the service names, by the prefix canon files and its output use: the one
place a namespace IRI is written (a test checks no other module spells one out)."""
SKOS: Final = PREFIXES["skos"]
XSD: Final = PREFIXES["xsd"]
RDF_TYPE: Final = PREFIXES["rdf"] + "type"
SKOS_PREF_LABEL: Final = SKOS + "prefLabel"
SKOS_NOTATION: Final = SKOS + "notation"
SKOS_ALT_LABEL: Final = SKOS + "altLabel"
XSD_STRING: Final = XSD + "string"
XSD_INTEGER: Final = XSD + "integer"
RDF_LANG_STRING: Final = PREFIXES["rdf"] + "langString"


class DCTERMS:
    """The Dublin Core terms a canon uses to describe itself (on its `jf:Canon` node)."""

    title: Final = PREFIXES["dcterms"] + "title"
    source: Final = PREFIXES["dcterms"] + "source"
    license: Final = PREFIXES["dcterms"] + "license"
    rights: Final = PREFIXES["dcterms"] + "rights"


class JF:
    """Terms of `ontology/jobframe.ttl`."""

    JobFunction: Final = NAMESPACE + "JobFunction"
    JobFamily: Final = NAMESPACE + "JobFamily"
    Track: Final = NAMESPACE + "Track"
    Level: Final = NAMESPACE + "Level"
    LevelDimension: Final = NAMESPACE + "LevelDimension"
    DimensionStatement: Final = NAMESPACE + "DimensionStatement"
    RoleLevel: Final = NAMESPACE + "RoleLevel"
    Responsibility: Final = NAMESPACE + "Responsibility"
    RubricDimension: Final = NAMESPACE + "RubricDimension"
    RubricEntry: Final = NAMESPACE + "RubricEntry"
    Source: Final = NAMESPACE + "Source"
    ResponsibilityGroup: Final = NAMESPACE + "ResponsibilityGroup"
    Canon: Final = NAMESPACE + "Canon"
    FrameLine: Final = NAMESPACE + "FrameLine"

    ComplexityProblemSolving: Final = NAMESPACE + "ComplexityProblemSolving"
    KnowledgeApplication: Final = NAMESPACE + "KnowledgeApplication"

    function: Final = NAMESPACE + "function"
    track: Final = NAMESPACE + "track"
    rank: Final = NAMESPACE + "rank"
    displayOrder: Final = NAMESPACE + "displayOrder"
    level: Final = NAMESPACE + "level"
    dimension: Final = NAMESPACE + "dimension"
    family: Final = NAMESPACE + "family"
    roleLevel: Final = NAMESPACE + "roleLevel"
    order: Final = NAMESPACE + "order"
    text: Final = NAMESPACE + "text"
    source: Final = NAMESPACE + "source"
    rubricDimension: Final = NAMESPACE + "rubricDimension"
    group: Final = NAMESPACE + "group"
    defaultLanguage: Final = NAMESPACE + "defaultLanguage"
    template: Final = NAMESPACE + "template"
    quote: Final = NAMESPACE + "quote"
    position: Final = NAMESPACE + "position"


JSONLD_CONTEXT: Final = {
    **{prefix: PREFIXES[prefix] for prefix in ("jf", "skos", "prov", "rdfs")},
    "label": "skos:prefLabel",
    "notation": "skos:notation",
    "text": "jf:text",
}
"""The JSON-LD context of everything the service and the CLI write as JSON-LD."""

TERMS: Final = {name: value for name, value in vars(JF).items() if not name.startswith("_")}
"""Every term, by name."""
