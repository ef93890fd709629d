"""The JobFrame vocabulary IRIs, defined once so no module spells them as string literals."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace


class JF(DefinedNamespace):
    """Terms of `ontology/jobframe.ttl`; an unknown attribute raises instead of minting an IRI."""

    _NS = Namespace("https://jobframe.example/ontology#")

    JobFunction: URIRef
    JobFamily: URIRef
    Track: URIRef
    Level: URIRef
    LevelDimension: URIRef
    DimensionStatement: URIRef
    RoleLevel: URIRef
    Responsibility: URIRef
    RubricDimension: URIRef
    RubricEntry: URIRef
    Source: URIRef
    FrameLine: URIRef

    ComplexityProblemSolving: URIRef
    KnowledgeApplication: URIRef

    function: URIRef
    track: URIRef
    rank: URIRef
    displayOrder: URIRef
    level: URIRef
    dimension: URIRef
    family: URIRef
    roleLevel: URIRef
    order: URIRef
    text: URIRef
    source: URIRef
    rubricDimension: URIRef
    template: URIRef
    quote: URIRef
    position: URIRef
