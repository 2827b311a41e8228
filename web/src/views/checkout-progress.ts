/**
 * Checkout, second part, drawn from the checkout's state on the server: each seller's quote with its full price
 * breakup and how it is paid, then the review and the button that places the orders, then the confirmation.
 */
import { change, get } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { dateTime } from '../format.ts';
import { navigate, refresh, type ViewContext } from '../router.ts';
import { refreshCartCount } from '../shell.ts';
import type { Address, Checkout, SellerOrder } from '../types.ts';
import { money, notice, submitting } from '../ui.ts';
import { addressChoice } from './address.ts';
import { steps } from './checkout.ts';
import { sellerPayment } from './payment.ts';
import { settleGatewayReturn, type ReturnNotice } from './payment-return.ts';
import { showReview } from './review.ts';

const LINE_TYPES: Record<string, string> = { item: 'Item', delivery: 'Delivery', packing: 'Packing', tax: 'Tax', discount: 'Discount', misc: 'Other' };

export function breakup(s: SellerOrder): HTMLElement {
  return h(
    'table',
    { class: 'breakup' },
    // the seller's name is the section's heading just above; the caption is for screen readers moving by table
    h('caption', { class: 'visually-hidden' }, `Price breakup from ${s.provider.name}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col', class: 'num' }, 'Qty'), h('th', { scope: 'col', class: 'num' }, 'Amount'))),
    h(
      'tbody',
      {},
      s.quote.lines.map((l) =>
        h('tr', { class: `line-${l.type}` }, h('th', { scope: 'row' }, l.title, l.type === 'item' ? null : h('span', { class: 'visually-hidden' }, ` (${LINE_TYPES[l.type] ?? l.type})`)), h('td', { class: 'num' }, l.quantity ?? ''), h('td', { class: 'num' }, money(l.price))),
      ),
    ),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '2' }, 'Seller total'), h('td', { class: 'num' }, money(s.quote.total, 'money seller-total')))),
  );
}

function sellerSection(c: Checkout, s: SellerOrder, returned: ReturnNotice | null): HTMLElement {
  const live = s.state !== 'failed';
  return h(
    'section',
    { class: 'panel seller-order', 'aria-label': s.provider.name, 'data-provider': s.provider.id },
    h('h2', {}, s.provider.name),
    live ? breakup(s) : null,
    live && !['confirmed', 'confirming'].includes(s.state) ? h('p', { class: 'hint' }, `Quote valid until ${dateTime(s.quote.expires_at)}.`) : null,
    returned?.providerId === s.provider.id ? returned.notice : null,
    sellerPayment(c.checkout_id, s),
  );
}

/** A checkout that was quoted but not yet given the address (init failed or was interrupted). */
async function deliveryStep(c: Checkout): Promise<HTMLElement> {
  const { addresses } = await get<{ addresses: Address[] }>('/addresses');
  const usable = addresses.filter((a) => a.pincode === c.pincode);
  if (usable.length === 0) return notice('info', `These quotes are for pincode ${c.pincode}. Start again from the cart to deliver elsewhere.`);
  const form = h('form', { class: 'stack' }, addressChoice(usable), h('button', { type: 'submit', class: 'button' }, 'Send the address to the sellers'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const address_id = new FormData(form).get('address_id');
    const done = await submitting(form, () => change<Checkout>(`init:${c.checkout_id}`, 'POST', `/checkouts/${c.checkout_id}/init`, { address_id }));
    if (done) await refresh();
  });
  return h('section', { class: 'panel' }, h('h2', {}, 'Delivery address'), form);
}

function confirmation(main: HTMLElement, c: Checkout): void {
  const placed = c.sellers.filter((s) => s.order_id);
  const n = placed.length;
  replace(
    main,
    h('h1', {}, n === 1 ? 'Thank you! Your order is placed' : `Thank you! Your ${n} orders are placed`),
    h('p', { class: 'lede' }, n === 1 ? 'The seller has your order. Follow it live below.' : 'Each seller has its own order. Follow each one live below.'),
    h(
      'ul',
      { class: 'placed' },
      placed.map((s) =>
        h(
          'li',
          { class: 'panel' },
          h('h2', {}, s.provider.name),
          h('p', {}, `Order ${s.order_id} · `, money(s.quote.total), ` · ${s.payment_method === 'cod' ? 'Cash on delivery' : 'Paid online'}`),
          h('p', {}, h('a', { class: 'button secondary', href: `/orders/${s.order_id}` }, 'Follow this order', h('span', { class: 'visually-hidden' }, ` from ${s.provider.name}`))),
        ),
      ),
    ),
    c.sellers.some((s) => s.state === 'failed') ? notice('error', 'A seller could not take its part of the order; nothing was charged for it.') : null,
    h('p', {}, h('a', { href: '/' }, 'Continue shopping')),
  );
}

const HEADINGS: Record<string, [string, number]> = {
  quoted: ['Delivery details', 1],
  initialized: ['Choose how to pay', 2],
  payment_pending: ['Choose how to pay', 2],
  ready_to_confirm: ['Review your order', 3],
  confirming: ['Placing your order', 3],
};

export async function checkoutProgressView({ main, params }: ViewContext): Promise<void> {
  const id = params[0] ?? '';
  let c = await get<Checkout>(`/checkouts/${encodeURIComponent(id)}`);
  const returned = await settleGatewayReturn(c);
  // verifying a payment moved the checkout on
  if (returned) c = await get<Checkout>(`/checkouts/${encodeURIComponent(id)}`);
  if (c.state === 'confirmed') {
    confirmation(main, c);
    return;
  }
  const [title, step] = HEADINGS[c.state] ?? ['Checkout', 2];
  const review = h('div', { class: 'review-slot' });
  const ended = c.state === 'expired' || c.state === 'failed';
  replace(
    main,
    h('h1', {}, title),
    steps(step),
    ended ? notice('error', c.state === 'expired' ? 'A quote expired before the order was placed.' : 'A seller could not take the order.') : null,
    ended ? h('p', {}, h('a', { class: 'button', href: '/cart' }, 'Back to the cart'), ' ', h('a', { class: 'button secondary', href: '/checkout' }, 'Get new quotes')) : null,
    // a return naming a seller this checkout does not have still gets its say
    returned && !c.sellers.some((s) => s.provider.id === returned.providerId) ? returned.notice : null,
    h(
      'div',
      { class: 'checkout-layout' },
      h('div', { class: 'groups' }, c.state === 'quoted' ? await deliveryStep(c) : null, c.sellers.map((s) => sellerSection(c, s, returned))),
      h(
        'div',
        {},
        // the review shows the total itself once every seller is paid for
        c.state === 'ready_to_confirm' ? null : h('aside', { class: 'panel summary', 'aria-labelledby': 'total-h' }, h('h2', { id: 'total-h' }, 'All sellers'), h('p', {}, 'Total ', money(c.total, 'money grand'))),
        review,
      ),
    ),
  );
  if (returned?.failed) returned.notice.focus();
  else if (returned) announce(returned.message);
  if (c.state === 'ready_to_confirm') {
    await showReview(review, c.checkout_id, () => {
      void refreshCartCount();
      void navigate(`/checkout/${c.checkout_id}`, { replace: true });
    });
  }
}
