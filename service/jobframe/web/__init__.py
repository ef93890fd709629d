"""The web service: serving, reloads, GraphQL over HTTP with its caching and limits,
observability, canon node pages and the viewer (`viewer/`, static files)."""
