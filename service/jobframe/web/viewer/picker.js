// Choosing a role-level: words from its names narrow the list, and every match is a radio
// button showing what the legend promises (function · family · level — title), wrapped, never
// cut, at any width.

import { el } from "./dom.js";
import { graphql } from "./graphql.js";

/** Role-levels listed at once; more words narrow the list. */
const PICKER_PAGE = 100;

function choice(role, checked) {
  const input = el("input", {
    type: "radio",
    name: "role",
    value: role.id,
    "data-family": role.family.label,
    "data-level": role.level.code,
  });
  input.checked = checked;
  const path = `${role.family.function.label} · ${role.family.label} · `;
  return el(
    "li",
    {},
    el(
      "label",
      {},
      input,
      el("span", {}, el("span", { class: "role-path" }, path), el("span", { class: "role-name" }, `${role.level.code} — ${role.level.title}`)),
    ),
  );
}

const isChosen = (role, chosen) => chosen && role.family.label === chosen.family && role.level.code === chosen.level;

/** Fill the list with the matches. Checked is `chosen` when given (the address, on a page load
 *  or a step back), else the reader's own choice when it still matches, else the first; a reader
 *  moving through the list keeps the focus on the choice, so a refill never drops them out. */
function fillChoices(list, roles, chosen) {
  const kept = list.querySelector("input:checked")?.value;
  const focused = list.contains(document.activeElement);
  const checked = roles.findIndex((role) => (chosen ? isChosen(role, chosen) : role.id === kept));
  list.replaceChildren(...roles.map((role, i) => choice(role, i === Math.max(checked, 0))));
  if (focused) list.querySelector("input:checked")?.focus();
}

/** The latest search asked; an answer to an earlier one arriving after it is dropped, so a slow
 *  first listing never replaces (and unfocuses) the matches of the words typed since. */
let latestSearch = 0;

/** Search the canon for the words typed and list the matches; `chosen` (or null) as in
 *  `fillChoices`. */
export async function searchRoles(form, chosen) {
  const status = form.querySelector("#matches");
  const list = form.querySelector("#roles");
  const search = form.querySelector("#search").value;
  const asked = ++latestSearch;
  try {
    const data = await graphql("RoleLevels", { search, first: PICKER_PAGE, after: null });
    if (asked !== latestSearch) return;
    const found = data.roleLevels;
    fillChoices(list, found.nodes, chosen);
    const total = found.totalCount;
    status.textContent =
      total === 0
        ? "No role-level matches those words."
        : total > found.nodes.length
          ? `Showing ${found.nodes.length} of ${total} role-levels: type more words to narrow.`
          : `${total} role-level${total === 1 ? "" : "s"} to choose from.`;
  } catch (error) {
    if (asked === latestSearch) status.textContent = `Could not search: ${error.message}`;
  }
}

/** The role-level checked in the list, as `{family, level}`; null when none is. */
export function chosenIn(form) {
  const input = form.querySelector('input[name="role"]:checked');
  return input ? { family: input.dataset.family, level: input.dataset.level } : null;
}
