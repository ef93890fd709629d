"""JobFrame: goal frames derived verbatim from a job-architecture canon, with provenance.

Data flows one way: Turtle files -> RDF graph -> checked canon -> frames -> GraphQL, CLI, text.
"""
