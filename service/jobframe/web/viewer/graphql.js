// The viewer's one way to the service: the named documents under /viewer/queries/ (the same
// files the typed client in clients/typescript/ checks against the schema), POSTed to /graphql.

const documents = new Map();

/** The text of a GraphQL document the viewer sends, fetched once. */
async function documentText(name) {
  if (!documents.has(name)) {
    const response = await fetch(`/viewer/queries/${name}.graphql`);
    if (!response.ok) throw new Error(`could not load the ${name} query (HTTP ${response.status})`);
    documents.set(name, await response.text());
  }
  return documents.get(name);
}

/** Run a named query; GraphQL errors become one Error with every message. */
export async function graphql(name, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query: await documentText(name), variables, operationName: name }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`the service answered HTTP ${response.status} without JSON`);
  }
  if (body.errors && body.errors.length) {
    throw new Error(body.errors.map((e) => e.message).join("; "));
  }
  if (!response.ok || !body.data) throw new Error(`the service answered HTTP ${response.status}`);
  return body.data;
}
