// "Compare with another level": a family at two levels side by side, from the canon only.
// Each dimension's two statements, then the two lists of responsibilities and each rubric
// dimension's two entries; every text verbatim and a link to its canon node, a text at only
// one of the two levels marked so, and what a level lacks shown as missing, never filled in.

import { el } from "./dom.js";
import { graphql } from "./graphql.js";

const levelName = (level) => `${level.code} — ${level.title}`;

/** The choices of level to compare `level` with: every other level, those where the family
 *  has a role-level first (the next rank up in the same track chosen), then the levels
 *  compared by their statements only. */
function levelChoices(data, level) {
  const held = new Set(data.roleLevel.family.roleLevels.nodes.map((r) => r.level.code));
  const levels = data.tracks.flatMap((track) => track.levels.nodes.map((l) => ({ ...l, track: track.label })));
  const current = levels.find((l) => l.code === level);
  const others = levels.filter((l) => l.code !== level);
  const next = current
    ? others.filter((l) => held.has(l.code) && l.track === current.track && l.rank > current.rank)[0]
    : undefined;
  return {
    family: data.roleLevel.family.label,
    withRole: others.filter((l) => held.has(l.code)),
    statementsOnly: others.filter((l) => !held.has(l.code)),
    suggested: next ? next.code : null,
  };
}

/** The form that opens a comparison: a level to compare with, and a button. `chosen` is the
 *  level picked (the current comparison's), else the suggested one. */
function compareForm(view, choices, chosen, onCompare) {
  const { family, withRole, statementsOnly } = choices;
  const option = (l) => el("option", { value: l.code }, levelName(l));
  const select = el(
    "select",
    { id: "compare-to", name: "compare" },
    withRole.length ? el("optgroup", { label: `${family} levels` }, ...withRole.map(option)) : null,
    statementsOnly.length ? el("optgroup", { label: "Other levels: statements only" }, ...statementsOnly.map(option)) : null,
  );
  select.value = chosen || choices.suggested || (withRole[0] || statementsOnly[0]).code;
  const form = el(
    "form",
    { class: "compare-form", "aria-label": "Compare with another level" },
    el(
      "div",
      { class: "field" },
      el("label", { for: "compare-to" }, `Compare ${view.level} with another level`),
      select,
    ),
    el("button", { type: "submit" }, "Compare"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onCompare({ family: view.family, level: view.level, compare: select.value });
  });
  return form;
}

/** The "Compare with another level" control for the page of `view`, or a note saying there is
 *  no other level; `onCompare(view)` opens a comparison. */
export async function compareControl(view, onCompare, chosen = null) {
  try {
    const data = await graphql("CompareChoices", { family: view.family, level: view.level });
    const choices = levelChoices(data, view.level);
    if (!choices.withRole.length && !choices.statementsOnly.length) {
      return el("p", { class: "compare-form compare-none" }, "No other level in the canon to compare with.");
    }
    return compareForm(view, choices, chosen, onCompare);
  } catch (error) {
    return el("p", { class: "compare-form" }, `Could not list the levels to compare with: ${error.message}`);
  }
}

/** One side's text: a link to its node, marked when it is at this level only. */
function comparedText(tag, text, side) {
  const only = !text.atBothLevels;
  return el(
    tag,
    { class: `compared-text${only ? " only" : ""}`, "data-at-both-levels": String(text.atBothLevels) },
    el("a", { class: "quote", href: text.node.url, title: `Quoted from ${text.node.label}`, lang: text.language }, text.text),
    " ",
    el("span", { class: `mark${only ? " mark-only" : ""}` }, only ? `Only at ${side.level.code}` : "At both levels"),
  );
}

function missing(tag, message) {
  return el(tag, { class: "missing", "data-missing": "" }, el("span", { class: "mark mark-missing" }, "Missing"), " ", message);
}

/** The two sides of one comparison row, each named, side by side (stacked on a phone). */
function sides(comparison, render) {
  return el(
    "div",
    { class: "sides" },
    ...["from", "to"].map((key) => {
      const side = comparison[key];
      return el(
        "div",
        { class: "side", "data-side": key, "data-level": side.level.code },
        el("p", { class: "side-name" }, levelName(side.level)),
        render(side, key),
      );
    }),
  );
}

/** A row per dimension (level or rubric): its name linking to its node, then the two texts. */
function pairedRows(comparison, rows, what) {
  return rows.map((row) =>
    el(
      "section",
      { class: "compared-row", "data-dimension": row.dimension.label },
      el("h3", {}, el("a", { href: row.dimension.url }, row.dimension.label)),
      sides(comparison, (side, key) =>
        row[key] ? comparedText("p", row[key], side) : missing("p", `${side.level.code} has no ${row.dimension.label} ${what}.`),
      ),
    ),
  );
}

function responsibilities(comparison) {
  return sides(comparison, (side, key) => {
    const texts = comparison.responsibilities[key];
    if (texts === null) {
      return missing("p", `${comparison.family.label} has no role-level at ${side.level.code}.`);
    }
    if (!texts.length) return missing("p", `no responsibilities at ${side.level.code}.`);
    return el("ol", { class: "compared-list" }, ...texts.map((text) => comparedText("li", text, side)));
  });
}

function part(id, title, ...content) {
  return el("section", { class: "compared", "aria-labelledby": id }, el("h2", { id }, title), ...content);
}

/** The comparison page: heading, the links back, the form to compare with another level, and
 *  the three parts side by side. */
export function comparisonPage(comparison, form) {
  const { from, to, family } = comparison;
  const frames = (side) =>
    side.roleLevel
      ? el("a", { href: `?${new URLSearchParams({ family: family.label, level: side.level.code })}` }, `Goal frames of ${side.level.code}`)
      : null;
  const rubric = comparison.rubric.length
    ? pairedRows(comparison, comparison.rubric, "rubric entry")
    : [el("p", { class: "missing", "data-missing": "" }, `No rubric entry at ${from.level.code} or ${to.level.code}.`)];
  return [
    el("h1", { tabindex: -1 }, `${family.label}: ${from.level.code} compared with ${to.level.code}`),
    el(
      "p",
      { class: "breadcrumb" },
      el("a", { href: family.url }, family.label),
      ` · ${levelName(from.level)} (track ${from.level.track.label}) beside ${levelName(to.level)} (track ${to.level.track.label})`,
    ),
    el("nav", { class: "compare-links", "aria-label": "Goal frames" }, frames(from), frames(to)),
    form,
    el(
      "p",
      { class: "notice" },
      "Canon text only, verbatim. A text marked “Only at” is not found, character for character, " +
        "at the other level; “Missing” means the canon has no such text there: nothing is filled in.",
    ),
    part("compared-dimensions", "Level dimensions", ...pairedRows(comparison, comparison.dimensions, "statement")),
    part("compared-responsibilities", "Responsibilities", responsibilities(comparison)),
    part("compared-rubric", "Leveling rubric", ...rubric),
  ];
}

/** Fetch the comparison `view` names: `{family, level, compare}`. */
export async function fetchComparison(view) {
  const data = await graphql("CompareLevels", { family: view.family, from: view.level, to: view.compare });
  return data.compare;
}
