/** Small pieces every view uses: money, product pictures, the veg mark, form fields, errors and busy buttons. */
import { ApiError } from './api.ts';
import { h } from './dom.ts';
import { moneyText } from './format.ts';
import type { Money, Product } from './types.ts';

/** A price: shown as ₹1,234.50, with the API's own decimal string as the machine-readable value. */
export const money = (m: Money, className = 'money'): HTMLDataElement => h('data', { class: className, value: m.value }, moneyText(m));

const DOMAIN_TONE: Record<string, string> = {
  'ONDC:RET10': 'grocery',
  'ONDC:RET11': 'food',
  'ONDC:RET12': 'fashion',
  'ONDC:RET13': 'beauty',
  'ONDC:RET14': 'electronics',
  'ONDC:RET16': 'home',
};

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  return words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
}

/**
 * The catalog's picture over a tinted tile with the product's initials. The tile shows while the picture loads
 * and stays when there is none or it fails (sandbox catalogs name hosts that do not exist).
 */
export function productImage(product: Pick<Product, 'name' | 'images' | 'domain'>, alt = ''): HTMLElement {
  const tile = h('div', { class: `thumb tone-${DOMAIN_TONE[product.domain] ?? 'grocery'}` }, h('span', { class: 'thumb-mark', 'aria-hidden': 'true' }, initials(product.name)));
  const src = product.images[0];
  if (src && /^https?:\/\//.test(src)) {
    const img = h('img', { src, alt, loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' });
    img.addEventListener('load', () => img.classList.add('loaded'));
    img.addEventListener('error', () => img.remove());
    tile.append(img);
  }
  return tile;
}

/** India's food mark: a green dot in a square for vegetarian, a brown triangle for non-vegetarian. */
export function vegMark(veg: boolean | null): HTMLElement | null {
  if (veg === null) return null;
  const label = veg ? 'Vegetarian' : 'Non-vegetarian';
  return h('span', { class: `diet ${veg ? 'veg' : 'nonveg'}`, title: label }, h('span', { class: 'visually-hidden' }, label));
}

export const rating = (value: number): HTMLElement =>
  h('span', { class: 'rating' }, h('span', { 'aria-hidden': 'true' }, `★ ${value.toFixed(1)}`), h('span', { class: 'visually-hidden' }, `Rated ${value.toFixed(1)} out of 5`));

let fieldCount = 0;

/** A labelled control; the hint, when given, is tied to the control with aria-describedby. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  fieldCount += 1;
  const id = control.id || `f${fieldCount}`;
  control.id = id;
  const hintEl = hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

export const options = (pairs: Array<[string, string]>, selected?: string): HTMLOptionElement[] =>
  pairs.map(([value, text]) => h('option', { value, selected: value === selected }, text));

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong in the page. Reload and try again.';
}

/** An error or a note next to what it is about; errors are announced at once (role=alert). */
export function notice(kind: 'error' | 'info' | 'success', text: string): HTMLElement {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/**
 * Runs a form's action with its submit button disabled and marked busy, showing the outcome in the form's
 * message slot. Resolves to the action's result, or undefined when it failed (the error is on the page).
 */
export async function submitting<T>(form: HTMLFormElement, action: () => Promise<T>): Promise<T | undefined> {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit], button:not([type])');
  let slot = form.querySelector<HTMLElement>('.form-message');
  if (!slot) {
    slot = h('div', { class: 'form-message' });
    form.append(slot);
  }
  slot.replaceChildren();
  button?.setAttribute('aria-busy', 'true');
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (err) {
    slot.replaceChildren(notice('error', errorText(err)));
    return undefined;
  } finally {
    button?.removeAttribute('aria-busy');
    if (button) button.disabled = false;
  }
}
