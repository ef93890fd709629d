// A typed JobFrame client: send the generated documents to /graphql and get typed results.
// Copy this folder, point codegen.ts at your service's schema.graphql, and add queries.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

import {
  CompareLevelsDocument,
  GoalPageDocument,
  RoleLevelsDocument,
  type CompareLevelsQuery,
  type GoalPageQuery,
  type LineFragment,
  type RoleLevelsQuery,
} from "./generated/graphql.js";

/** One GraphQL error as JobFrame sends it: `extensions.code` says what kind (NOT_FOUND, …). */
export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

/** The service answered with errors; `codes` lets callers branch without parsing messages. */
export class JobFrameError extends Error {
  readonly errors: readonly GraphQLErrorBody[];

  constructor(errors: readonly GraphQLErrorBody[]) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "JobFrameError";
    this.errors = errors;
  }

  get codes(): string[] {
    return this.errors.flatMap((e) => (e.extensions?.code ? [e.extensions.code] : []));
  }
}

/** POST a typed document to a JobFrame GraphQL endpoint (such as `http://host/graphql`). */
export async function request<Result, Variables>(
  endpoint: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result | null; errors?: GraphQLErrorBody[] };
  if (body.errors && body.errors.length > 0) throw new JobFrameError(body.errors);
  if (!response.ok || body.data == null) {
    throw new JobFrameError([{ message: `HTTP ${response.status} without data` }]);
  }
  return body.data;
}

export type RoleLevelChoice = RoleLevelsQuery["roleLevels"]["nodes"][number];
export type RoleLevelPage = NonNullable<GoalPageQuery["roleLevel"]>;
export type Frame = RoleLevelPage["page"]["frames"][number];
export type FrameRow = Frame["sections"][number]["rows"][number];
export type LinePart = LineFragment["parts"][number];
export type LevelComparison = NonNullable<CompareLevelsQuery["compare"]>;

/** Role-levels whose names contain every word of `search`, the first `first` of them. */
export async function findRoleLevels(
  endpoint: string,
  search: string,
  first = 100,
): Promise<{ total: number; roleLevels: RoleLevelChoice[] }> {
  const data = await request(endpoint, RoleLevelsDocument, { search, first, after: null });
  return { total: data.roleLevels.totalCount, roleLevels: data.roleLevels.nodes };
}

/** The goal-templates page of a family at a level (`"Clinical Trials Operations"`, `"M5"`). */
export async function goalPage(endpoint: string, family: string, level: string): Promise<RoleLevelPage> {
  const data = await request(endpoint, GoalPageDocument, { family, level });
  if (data.roleLevel == null) throw new JobFrameError([{ message: `no role-level ${family} — ${level}` }]);
  return data.roleLevel;
}

/** A family at two levels side by side (`"Clinical Trials Operations"`, `"M5"`, `"P3"`): each
 *  text verbatim with its node's `url` and `atBothLevels`; what a level lacks is null. */
export async function compareLevels(
  endpoint: string,
  family: string,
  from: string,
  to: string,
): Promise<LevelComparison> {
  const data = await request(endpoint, CompareLevelsDocument, { family, from, to });
  if (data.compare == null) throw new JobFrameError([{ message: `no comparison ${family} — ${from} → ${to}` }]);
  return data.compare;
}

/** Where each quote of a line comes from: the quoted text and its canon node's URL. */
export function quotesOf(line: LineFragment): { quote: string; url: string; tag: string | null }[] {
  return line.parts.flatMap((part) =>
    part.__typename === "Quotation" ? [{ quote: part.text, url: part.source.node.url, tag: part.source.label }] : [],
  );
}

/** A line rebuilt from its parts; always equal to `line.text`, which is what makes parts safe
 *  to render piece by piece (links for quotes, markup for placeholders). */
export function joinParts(line: LineFragment): string {
  return line.parts.map((part) => part.text).join("");
}
