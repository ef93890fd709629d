// The goal-frames viewer: pick a role-level, read its four frames, follow any quote or source
// tag to its canon node, copy a frame as plain text. Plain DOM code with no build step, so the
// service can ship it; it talks to /graphql with the documents under /viewer/queries/, which
// the typed client in clients/typescript/ checks against the published schema.

/** How each frame kind is laid out; the wording all comes from the API. */
const LAYOUTS = {
  SMART: { layout: "cards" },
  OKR: { layout: "bullets" },
  MBO: { layout: "table", headingColumn: "Area" },
  SCORECARD: { layout: "measures" },
};

/** Role-levels listed in the picker at once; more words narrow the list. */
const PICKER_PAGE = 100;

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
async function graphql(name, variables) {
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

/** `el("p", {class: "x"}, child, "text")`: an element with attributes and children. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** A line's parts as inline content: template wording as text, quotes as links to their node,
 *  placeholders marked. Its textContent is exactly the line's text. */
function lineContent(line) {
  const out = document.createDocumentFragment();
  for (const part of line.parts) {
    if (part.__typename === "Quotation") {
      const source = part.source;
      const tag = source.label ? `${source.label}: ` : "";
      out.append(
        el("a", { class: "quote", href: source.node.url, title: `Quoted from ${tag}${source.node.label}` }, part.text),
      );
    } else if (part.__typename === "PlaceholderText") {
      out.append(
        el(
          "span",
          { class: "placeholder", "data-placeholder": part.placeholder, title: "Placeholder for the manager to fill in" },
          part.text,
        ),
      );
    } else {
      out.append(part.text);
    }
  }
  return out;
}

/** One line in an element of its own, marked with the field it fills. */
function lineElement(tag, field, line, attributes = {}) {
  return el(tag, { class: "line", "data-field": field, "data-template": line.template, ...attributes }, lineContent(line));
}

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

function frameSection(frame) {
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

function renderPage(main, role) {
  const page = role.page;
  document.title = `${role.label} — JobFrame`;
  main.replaceChildren(
    el("h1", { tabindex: -1 }, role.label),
    lineElement("p", "page-heading", page.heading, { class: "line page-heading" }),
    lineElement("p", "breadcrumb", page.breadcrumb, { class: "line breadcrumb" }),
    el("p", { class: "notice" }, page.notice),
    ...page.frames.map(frameSection),
  );
}

function showError(main, message) {
  main.replaceChildren(el("p", { class: "error", role: "alert" }, message));
}

/** The role-level named in the address: `?family=…&level=…`. */
function chosenInAddress() {
  const params = new URLSearchParams(window.location.search);
  const family = params.get("family");
  const level = params.get("level");
  return family && level ? { family, level } : null;
}

function optionFor(role) {
  const text = `${role.family.label} · ${role.level.code} — ${role.level.title}`;
  return el("option", { value: role.id, "data-family": role.family.label, "data-level": role.level.code }, text);
}

/** Fill the select with the role-levels matching the search, grouped by function. */
function fillPicker(select, roles, chosen) {
  const groups = new Map();
  for (const role of roles) {
    const name = role.family.function.label;
    if (!groups.has(name)) groups.set(name, el("optgroup", { label: name }));
    groups.get(name).append(optionFor(role));
  }
  select.replaceChildren(...groups.values());
  if (chosen) {
    for (const option of select.options) {
      if (option.dataset.family === chosen.family && option.dataset.level === chosen.level) option.selected = true;
    }
  }
}

async function searchRoles(form, chosen) {
  const status = form.querySelector("#matches");
  const select = form.querySelector("#role");
  const search = form.querySelector("#search").value;
  try {
    const data = await graphql("RoleLevels", { search, first: PICKER_PAGE, after: null });
    const found = data.roleLevels;
    fillPicker(select, found.nodes, chosen);
    const total = found.totalCount;
    status.textContent =
      total === 0
        ? "No role-level matches those words."
        : total > found.nodes.length
          ? `Showing ${found.nodes.length} of ${total} role-levels: type more words to narrow.`
          : `${total} role-level${total === 1 ? "" : "s"} to choose from.`;
  } catch (error) {
    status.textContent = `Could not search: ${error.message}`;
  }
}

async function showRole(main, chosen, { focus }) {
  main.setAttribute("aria-busy", "true");
  try {
    const data = await graphql("GoalPage", chosen);
    renderPage(main, data.roleLevel);
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target) target.scrollIntoView();
    else if (focus) main.querySelector("h1").focus();
  } catch (error) {
    showError(main, `Could not show ${chosen.family} — ${chosen.level}: ${error.message}`);
  } finally {
    main.removeAttribute("aria-busy");
  }
}

function start() {
  const form = document.getElementById("picker");
  const main = document.getElementById("frames");
  const select = form.querySelector("#role");
  let timer = 0;
  form.querySelector("#search").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => searchRoles(form, chosenInAddress()), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const option = select.selectedOptions[0];
    if (!option) return;
    const chosen = { family: option.dataset.family, level: option.dataset.level };
    const address = new URLSearchParams(chosen);
    window.history.pushState(chosen, "", `?${address}`);
    showRole(main, chosen, { focus: true });
  });
  window.addEventListener("popstate", () => {
    const chosen = chosenInAddress();
    searchRoles(form, chosen);
    if (chosen) showRole(main, chosen, { focus: false });
  });
  const chosen = chosenInAddress();
  searchRoles(form, chosen);
  if (chosen) showRole(main, chosen, { focus: false });
}

start();
