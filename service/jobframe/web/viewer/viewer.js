// The goal-frames viewer: pick a role-level, read its four frames, follow any quote or source
// tag to its canon node, copy a frame as plain text. Plain DOM code in a few ES modules with no
// build step, so the service can ship it; it talks to /graphql only, with the documents under
// /viewer/queries/, which the typed client in clients/typescript/ checks against the schema.
//
// The address says what is shown, so it can be shared: `?family=…&level=…` a role-level's
// frames, `&compare=P3` that role-level compared with another level. Above them, what the
// service's last reload of the canon changed, when it changed something.

import { compareControl, comparisonPage, fetchComparison } from "./comparison.js";
import { el } from "./dom.js";
import { goalPage } from "./frames.js";
import { graphql } from "./graphql.js";
import { chosenIn, searchRoles } from "./picker.js";
import { showLastReload } from "./reload.js";

function showError(main, message) {
  main.replaceChildren(el("p", { class: "error", role: "alert" }, message));
}

/** What the address names: `{family, level}` and maybe `compare`, or null. */
function addressed() {
  const params = new URLSearchParams(window.location.search);
  const family = params.get("family");
  const level = params.get("level");
  const compare = params.get("compare");
  if (!family || !level) return null;
  return compare ? { family, level, compare } : { family, level };
}

async function showFrames(main, view) {
  const [data, compare] = await Promise.all([
    graphql("GoalPage", { family: view.family, level: view.level }),
    compareControl(view, (next) => go(main, next)),
  ]);
  document.title = `${data.roleLevel.label} — JobFrame`;
  main.replaceChildren(...goalPage(data.roleLevel, compare));
}

async function showComparison(main, view) {
  const [comparison, form] = await Promise.all([
    fetchComparison(view),
    compareControl(view, (next) => go(main, next), view.compare),
  ]);
  document.title = `${comparison.family.label}: ${view.level} compared with ${view.compare} — JobFrame`;
  main.replaceChildren(...comparisonPage(comparison, form));
}

/** Show what `view` names; with `focus`, move focus to its heading (after a reader's choice,
 *  not on a page load). */
async function show(main, view, { focus }) {
  main.setAttribute("aria-busy", "true");
  try {
    await (view.compare ? showComparison : showFrames)(main, view);
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target) target.scrollIntoView();
    else if (focus) main.querySelector("h1").focus();
  } catch (error) {
    const what = view.compare ? `${view.level} compared with ${view.compare}` : view.level;
    showError(main, `Could not show ${view.family} — ${what}: ${error.message}`);
  } finally {
    main.removeAttribute("aria-busy");
  }
}

/** Go to a view: a new entry in the browser's history, then show it. */
function go(main, view) {
  window.history.pushState(view, "", `?${new URLSearchParams(view)}`);
  show(main, view, { focus: true });
}

function start() {
  const form = document.getElementById("picker");
  const main = document.getElementById("frames");
  let timer = 0;
  form.querySelector("#search").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => searchRoles(form, null), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = chosenIn(form);
    if (chosen) go(main, chosen);
  });
  window.addEventListener("popstate", () => {
    const view = addressed();
    searchRoles(form, view);
    if (view) show(main, view, { focus: false });
  });
  showLastReload(document.getElementById("canon-changes"));
  const view = addressed();
  searchRoles(form, view);
  if (view) show(main, view, { focus: false });
}

start();
