"""How a validated GraphQL operation is run: compiled into a plan once per document and
executed over direct resolvers, with graphql-core's executor as the reference for every error."""
