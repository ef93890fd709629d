// Building blocks shared by the viewer's pages: elements, and frame lines rendered part by part.

/** `el("p", {class: "x"}, child, "text")`: an element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** A line's parts as inline content: template wording as text, quotes as links to their node,
 *  placeholders marked. Its textContent is exactly the line's text. */
export function lineContent(line) {
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
export function lineElement(tag, field, line, attributes = {}) {
  return el(tag, { class: "line", "data-field": field, "data-template": line.template, ...attributes }, lineContent(line));
}
