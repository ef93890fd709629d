// The goal-templates page of one role-level: its heading lines and the four frames, laid out
// as the reference page lays them out, every quote a link to its canon node, each frame
// copyable as the reference page's plain text.

import { el, lineElement } from "./dom.js";

/** How each frame kind is laid out; the wording all comes from the API. */
const LAYOUTS = {
  SMART: { layout: "cards" },
  OKR: { layout: "bullets" },
  MBO: { layout: "table", headingColumn: "Area" },
  SCORECARD: { layout: "measures" },
};

function sourceTag(row) {
  if (!row.sourceTag) return null;
  const href = row.tagSource ? row.tagSource.node.url : null;
  return el("a", { class: "source-tag", href, title: "Open the canon node this row comes from" }, row.sourceTag);
}

/** A row's heading line; every layout marks it the same way. */
function rowHeading(tag, row) {
  return lineElement(tag, "heading", row.heading, { class: "line row-heading" });
}

function fieldList(row) {
  return el(
    "dl",
    { class: "fields" },
    ...row.fields.map((f) => el("div", {}, el("dt", {}, f.name), lineElement("dd", f.name, f.line))),
  );
}

function keyResults(row) {
  return el(
    "ul",
    { class: "key-results" },
    ...row.fields.map((f) => el("li", {}, el("span", { class: "field-name" }, f.name), " ", lineElement("span", f.name, f.line))),
  );
}

/** Rows as numbered cards: source tag, heading, then the fields as `fields(row)` lays them out. */
function cardList(section, fields) {
  return el(
    "ol",
    { class: "rows cards" },
    ...section.rows.map((row) =>
      el("li", { class: "row card", "data-number": row.number }, sourceTag(row), rowHeading("p", row), fields(row)),
    ),
  );
}

const cards = (section) => cardList(section, fieldList);
const bullets = (section) => cardList(section, keyResults);

function table(section, layout) {
  const columns = [];
  for (const row of section.rows) {
    for (const f of row.fields) if (!columns.includes(f.name)) columns.push(f.name);
  }
  const head = el("tr", {}, el("th", { scope: "col" }, layout.headingColumn), ...columns.map((c) => el("th", { scope: "col" }, c)));
  const body = section.rows.map((row) => {
    const cells = columns.map((name) => {
      const field = row.fields.find((f) => f.name === name);
      return field ? lineElement("td", name, field.line) : el("td", { class: "omitted" });
    });
    return el(
      "tr",
      { class: "row", "data-number": row.number },
      el("td", {}, rowHeading("span", row), " ", sourceTag(row)),
      ...cells,
    );
  });
  return el(
    "div",
    { class: "table-scroll", tabindex: 0, role: "region", "aria-label": section.title || "Rows" },
    el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)),
  );
}

function measures(section) {
  return el(
    "ul",
    { class: "rows measures" },
    ...section.rows.map((row) =>
      el(
        "li",
        { class: "row", "data-number": row.number },
        rowHeading("span", row),
        ...row.fields.flatMap((f) => [el("span", { class: "arrow", "aria-hidden": "true" }, " → "), lineElement("span", f.name, f.line)]),
        " ",
        sourceTag(row),
      ),
    ),
  );
}

const RENDER = { cards, bullets, table, measures };

/** Put text on the clipboard; outside a secure context (plain http on a host name) the
 *  Clipboard API is missing, so fall back to a selected textarea. */
async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = el("textarea", { readonly: "", "aria-hidden": "true", class: "copy-buffer" });
  area.value = text;
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("the browser refused to copy");
}

export function frameSection(frame) {
  const layout = LAYOUTS[frame.kind] || { layout: "cards" };
  const id = `frame-${frame.kind.toLowerCase()}`;
  const status = el("span", { class: "copy-status", role: "status" });
  const button = el("button", { type: "button", class: "copy-button" }, "Copy ", el("span", { class: "visually-hidden" }, `${frame.title} `), "as text");
  button.addEventListener("click", async () => {
    try {
      await copyText(frame.text);
      status.textContent = `Copied ${frame.title} as text.`;
    } catch (error) {
      status.textContent = `Could not copy: ${error.message}. Select the text below instead.`;
    }
  });
  const body = frame.sections.map((section) =>
    el(
      "div",
      { class: "section", "data-section": section.title },
      section.title ? el("h3", {}, section.title) : null,
      RENDER[layout.layout](section, layout),
    ),
  );
  return el(
    "section",
    { class: "frame", "data-kind": frame.kind, "aria-labelledby": id },
    el("h2", { id }, frame.title),
    el("p", { class: "intro" }, frame.intro),
    ...body,
    el(
      "div",
      { class: "copy" },
      button,
      " ",
      status,
      el("details", {}, el("summary", {}, "Copy / print as text"), el("pre", { class: "frame-text" }, frame.text)),
    ),
  );
}

/** A role-level's page: its heading said once (the h1), the breadcrumb, then `extra` (the
 *  controls that lead elsewhere), the notice and the four frames. */
export function goalPage(role, ...extra) {
  const page = role.page;
  return [
    lineElement("h1", "page-heading", page.heading, { class: "line page-heading", tabindex: -1 }),
    lineElement("p", "breadcrumb", page.breadcrumb, { class: "line breadcrumb" }),
    ...extra,
    el("p", { class: "notice" }, page.notice),
    ...page.frames.map(frameSection),
  ];
}
