/** One product in a result list, with a quick "Add" for a single pack. */
import { change } from '../api.ts';
import { announce, h } from '../dom.ts';
import { showCartCount } from '../shell.ts';
import type { Cart, Product } from '../types.ts';
import { errorText, money, productImage, rating, vegMark } from '../ui.ts';

export const productHref = (id: string): string => `/p/${encodeURIComponent(id)}`;

export function priceRow(p: Product): HTMLElement {
  const discounted = p.mrp.paise > p.price.paise;
  return h(
    'p',
    { class: 'price-row' },
    money(p.price, 'money price'),
    discounted ? h('s', { class: 'mrp' }, h('span', { class: 'visually-hidden' }, 'MRP '), money(p.mrp)) : null,
    discounted && p.discount_percent > 0 ? h('span', { class: 'off' }, `${p.discount_percent}% off`) : null,
  );
}

async function quickAdd(p: Product, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const cart = await change<Cart>(`add:${p.id}`, 'POST', '/cart/items', { product_id: p.id, quantity: 1 });
    showCartCount(cart.item_count);
    button.textContent = 'Added ✓';
    announce(`Added ${p.name} to the cart. The cart has ${cart.item_count} ${cart.item_count === 1 ? 'item' : 'items'}.`);
    window.setTimeout(() => (button.textContent = 'Add'), 2000);
  } catch (err) {
    button.textContent = 'Add';
    const card = button.closest('.card');
    card?.querySelector('.notice')?.remove();
    card?.append(h('p', { class: 'notice error', role: 'alert' }, errorText(err)));
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export function productCard(p: Product): HTMLElement {
  const add = h('button', { type: 'button', class: 'button small', 'aria-label': `Add ${p.name} to the cart`, disabled: !p.in_stock }, p.in_stock ? 'Add' : 'Sold out');
  add.addEventListener('click', () => void quickAdd(p, add));
  return h(
    'li',
    { class: 'card' },
    h('a', { class: 'card-link', href: productHref(p.id) }, productImage(p), h('h3', { class: 'card-title' }, p.name)),
    h('p', { class: 'meta' }, [p.brand, p.pack_size].filter(Boolean).join(' · ')),
    priceRow(p),
    h('p', { class: 'seller' }, p.provider.name),
    h('div', { class: 'card-foot' }, vegMark(p.veg), rating(p.rating), add),
  );
}
