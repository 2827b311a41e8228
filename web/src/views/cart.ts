/**
 * The cart, one group per seller (each becomes its own order at checkout), with the estimated total. The binding
 * total comes from the sellers' quotes at checkout.
 */
import { change, get } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { rupees } from '../format.ts';
import { refresh, type ViewContext } from '../router.ts';
import { showCartCount } from '../shell.ts';
import type { Cart, CartTotal } from '../types.ts';
import { errorText, money, notice } from '../ui.ts';
import { productHref } from './product-card.ts';

/** After the cart is drawn again, focus goes back to the control that was used, or to the heading if it is gone. */
function refocus(key: string): void {
  const again = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? document.querySelector<HTMLElement>('main h1');
  again?.focus();
}

async function setQuantity(productId: string, name: string, quantity: number, status: HTMLElement, key: string): Promise<void> {
  try {
    const cart =
      quantity === 0
        ? await change<Cart>(`remove:${productId}`, 'DELETE', `/cart/items/${encodeURIComponent(productId)}`)
        : await change<Cart>(`qty:${productId}`, 'PATCH', `/cart/items/${encodeURIComponent(productId)}`, { quantity });
    showCartCount(cart.item_count);
    announce(quantity === 0 ? `Removed ${name}.` : `${name}: ${quantity}.`);
    await refresh();
    refocus(key);
  } catch (err) {
    replace(status, notice('error', errorText(err)));
  }
}

function line(l: Cart['lines'][number]): HTMLElement {
  const status = h('div', { class: 'line-status' });
  const step = (delta: number, symbol: string, label: string) => {
    const key = `${delta}:${l.product_id}`;
    const button = h('button', { type: 'button', class: 'step', 'aria-label': `${label} ${l.name}`, 'data-key': key }, symbol);
    button.addEventListener('click', () => {
      button.disabled = true;
      void setQuantity(l.product_id, l.name, l.quantity + delta, status, key).finally(() => (button.disabled = false));
    });
    return button;
  };
  const remove = h('button', { type: 'button', class: 'link-button' }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${l.name}`));
  remove.addEventListener('click', () => void setQuantity(l.product_id, l.name, 0, status, `remove:${l.product_id}`));
  return h(
    'li',
    { class: 'line' },
    h('div', { class: 'line-name' }, h('a', { href: productHref(l.product_id) }, l.name), h('span', { class: 'meta' }, `${l.pack_size} · `, money(l.unit_price), ' each'), l.available ? null : notice('error', 'No longer available: remove it to check out.')),
    h('div', { class: 'stepper', role: 'group', 'aria-label': `Quantity of ${l.name}` }, step(-1, '−', 'One fewer'), h('output', { 'aria-live': 'polite' }, String(l.quantity)), step(1, '+', 'One more')),
    h('div', { class: 'line-total' }, money(l.line_total)),
    h('div', { class: 'line-actions' }, remove),
    status,
  );
}

function summary(total: CartTotal, blocked: boolean): HTMLElement {
  const row = (label: string, value: Node) => [h('dt', {}, label), h('dd', {}, value)];
  return h(
    'aside',
    { class: 'panel summary', 'aria-labelledby': 'summary-h' },
    h('h2', { id: 'summary-h' }, 'Summary'),
    h('dl', { class: 'totals' }, row('Items', money(total.subtotal)), row('Delivery', money(total.delivery_charges)), row('Packing', money(total.packing_charges)), row('Estimated total', money(total.estimated_total, 'money grand'))),
    h('p', { class: 'hint' }, total.note),
    blocked ? notice('info', 'Fix the notes above to check out.') : h('a', { class: 'button wide', href: '/checkout' }, 'Checkout'),
  );
}

export async function cartView({ main }: ViewContext): Promise<void> {
  const [cart, total] = await Promise.all([get<Cart>('/cart'), get<CartTotal>('/cart/total')]);
  showCartCount(cart.item_count);
  if (cart.lines.length === 0) {
    replace(main, h('h1', {}, 'Your cart'), h('p', {}, 'Your cart is empty. '), h('p', {}, h('a', { class: 'button', href: '/' }, 'Start shopping')));
    return;
  }
  const groups = cart.sellers.map((s) =>
    h(
      'section',
      { class: 'panel seller-group', 'aria-label': s.provider.name },
      h('h2', {}, s.provider.name),
      s.below_min_order
        ? notice('info', `Add ${rupees(s.min_order_value.paise - s.subtotal.paise)} more: this seller’s minimum order is ${rupees(s.min_order_value.paise)}.`)
        : null,
      h('ul', { class: 'lines' }, cart.lines.filter((l) => l.provider.id === s.provider.id).map(line)),
      h('p', { class: 'group-total' }, 'Subtotal ', money(s.subtotal), s.cod_available ? h('span', { class: 'tag' }, 'Cash on delivery available') : null),
    ),
  );
  const blocked = cart.sellers.some((s) => s.below_min_order) || cart.lines.some((l) => !l.available);
  replace(
    main,
    h('h1', {}, 'Your cart'),
    h('p', { class: 'lede' }, `${cart.item_count} ${cart.item_count === 1 ? 'item' : 'items'} from ${cart.sellers.length} ${cart.sellers.length === 1 ? 'seller' : 'sellers'}. Each seller delivers its own order.`),
    cart.warnings.map((w) => notice('info', w)),
    h('div', { class: 'cart-layout' }, h('div', { class: 'groups' }, groups), summary(total, blocked)),
  );
}
