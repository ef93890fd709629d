// GraphQL Code Generator: TypeScript types for the published schema and for every query in
// queries/, as typed document nodes. A query the schema no longer answers fails here.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: process.env.JOBFRAME_SCHEMA ?? "../../schema.graphql",
  documents: "queries/*.graphql",
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: "string", ID: "string" },
        nonOptionalTypename: true,
      },
    },
  },
  noSilentErrors: true,
};

export default config;
