// "The canon changed": what the service's last reload changed, at the top of the page, so that
// a reader learns that frames they know have moved. Shown only after a reload that changed
// something; each role-level whose frames changed links to them.

import { el } from "./dom.js";
import { graphql } from "./graphql.js";

/** Role-levels listed at a time; "Show more" fetches the next ones. */
const PAGE = 20;

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one line a reader sees before opening the list. */
function headline(changes) {
  const updated = changes.roleLevelsChanged;
  const unsure = changes.roleLevelsNotCompared;
  const line =
    updated === 0 && unsure === 0
      ? "The canon changed: no role-level's frames changed"
      : `The canon changed: ${plural(updated, "role-level")} updated`;
  return unsure ? `${line}, ${plural(unsure, "more", "more")} may have` : line;
}

function nodeCounts(changes) {
  const counts = [
    [changes.nodesAdded, "added"],
    [changes.nodesRemoved, "removed"],
    [changes.nodesChanged, "changed"],
  ].filter(([n]) => n > 0);
  const said = counts.map(([n, what]) => `${n} ${what}`).join(", ");
  return said ? `Canon nodes: ${said}.` : "No canon node changed.";
}

const framesOf = (role) => `?${new URLSearchParams({ family: role.family.label, level: role.level.code })}`;

/** One role-level of the list: a link to its frames (none once removed) and what changed. */
function roleItem(item) {
  const name = item.roleLevel ? el("a", { href: framesOf(item.roleLevel) }, item.label) : item.label;
  if (item.change === "REMOVED") return el("li", {}, name, ": removed");
  if (item.change === "ADDED") return el("li", {}, name, ": added");
  if (!item.framesCompared) return el("li", {}, name, ": its frames may have changed (not compared)");
  const frames = item.frames.flatMap((frame, i) => [
    i ? ", " : "",
    item.roleLevel ? el("a", { href: `${framesOf(item.roleLevel)}#frame-${frame.kind.toLowerCase()}` }, frame.kind) : frame.kind,
  ]);
  return el("li", {}, name, ": frames changed: ", ...frames);
}

/** The list of role-levels, with a button that fetches the next page while there is one. */
function roleList(first) {
  const list = el("ul", { class: "changed-roles" });
  const more = el("button", { type: "button", class: "more" }, "Show more");
  const add = (page) => {
    list.append(...page.nodes.map(roleItem));
    more.hidden = !page.pageInfo.hasNextPage;
    more.dataset.after = page.pageInfo.endCursor || "";
  };
  more.addEventListener("click", async () => {
    const data = await graphql("LastReload", { first: PAGE, after: more.dataset.after });
    const changes = data.canon.lastReload.changes;
    if (changes) add(changes.roleLevels);
  });
  add(first);
  return [list, more];
}

/** Fill `aside` with what the last reload changed; leave it hidden when it changed nothing
 *  to tell (the startup load, a refused reload) or the service cannot say. */
export async function showLastReload(aside) {
  let reload;
  try {
    reload = (await graphql("LastReload", { first: PAGE, after: null })).canon.lastReload;
  } catch {
    return;
  }
  const changes = reload.changes;
  if (!changes) return;
  const at = new Date(reload.at);
  const when = el(
    "time",
    { datetime: reload.at },
    new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(at),
  );
  aside.replaceChildren(
    el(
      "details",
      {},
      el("summary", {}, headline(changes)),
      el("p", {}, "Reloaded ", when, ` (${reload.trigger}). ${nodeCounts(changes)}`),
      ...(changes.roleLevels.totalCount ? roleList(changes.roleLevels) : []),
    ),
  );
  aside.hidden = false;
}
