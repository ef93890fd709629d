"""The GraphQL API: Strawberry types over the checked canon and its frames."""
