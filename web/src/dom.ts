/**
 * Building the page from data without innerHTML: every text the API returns goes in as a text node, so
 * nothing a catalog says can become markup.
 */
type Child = Node | string | number | null | undefined | false;
/** Children may come in (nested) lists, as views map data to elements. */
export type Children = Child | readonly Children[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Children[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(parent: Element, ...children: Children[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const politeRegion = () => document.getElementById('announce');

/** Says a result out loud to screen readers (the page's aria-live region) without moving focus. */
export function announce(message: string): void {
  const region = politeRegion();
  if (!region) return;
  // cleared first so the same words twice are still announced
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}

/** The values of a form's named fields, trimmed; empty fields are left out. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') values[name] = value.trim();
  }
  return values;
}
