/**
 * How each seller is paid: online through the payment gateway's page, or cash on delivery. A prepaid seller
 * counts as paid only when the server has checked the payment with the gateway (verify_payment): the page
 * passes on what the gateway handed back and never decides that itself. The gateway brings the shopper back
 * by itself (payment-return.ts); pasting its confirmation is the way left when that return never happened.
 */
import { change, get } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { refresh } from '../router.ts';
import type { Checkout, SellerOrder } from '../types.ts';
import { field, money, notice, submitting } from '../ui.ts';
import { payLink } from './payment-return.ts';

const PAYMENT_ID = /\bpay_[A-Za-z0-9]{6,40}\b/;
const SIGNATURE = /\b[0-9a-f]{64}\b/;

/** The gateway's confirmation as pasted: its payment id and signature, wherever they are in the text. */
function readConfirmation(text: string): { payment_id: string; signature: string } | null {
  const payment = PAYMENT_ID.exec(text)?.[0];
  const signature = SIGNATURE.exec(text)?.[0];
  return payment && signature ? { payment_id: payment, signature } : null;
}

function methodForm(checkoutId: string, s: SellerOrder): HTMLFormElement {
  const radio = (value: 'prepaid' | 'cod', text: string, detail: string) =>
    h('label', { class: 'choice card-choice' }, h('input', { type: 'radio', name: 'method', value, checked: (s.payment_method ?? 'prepaid') === value }), h('span', {}, h('strong', {}, text), h('br', {}), h('span', { class: 'meta' }, detail)));
  const form = h(
    'form',
    { class: 'stack' },
    h(
      'fieldset',
      {},
      h('legend', {}, `How will you pay ${s.provider.name}?`),
      h('div', { class: 'grid-2' }, radio('prepaid', 'Pay online now', 'UPI or card, on the payment page'), radio('cod', 'Cash on delivery', 'Pay the delivery agent')),
    ),
    h('button', { type: 'submit', class: 'button secondary' }, 'Use this'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const method = new FormData(form).get('method');
    const done = await submitting(form, () => change<Checkout>(`pay:${checkoutId}:${s.provider.id}`, 'POST', `/checkouts/${checkoutId}/payments`, { provider_id: s.provider.id, method }));
    if (!done) return;
    announce(method === 'cod' ? `${s.provider.name}: cash on delivery.` : `${s.provider.name}: pay online on the payment page.`);
    await refresh();
  });
  return form;
}

/** Asks the server whether the gateway has told it of the payment (the Razorpay page reports back by itself). */
async function checkPaid(checkoutId: string, providerId: string, status: HTMLElement): Promise<void> {
  const latest = await get<Checkout>(`/checkouts/${checkoutId}`);
  const s = latest.sellers.find((x) => x.provider.id === providerId);
  if (s?.payment?.paid) {
    await refresh();
    return;
  }
  replace(status, notice('info', 'No payment has reached the shop yet. Pay on the payment page, or paste its confirmation below.'));
}

/** For a shopper who paid but was never brought back (a closed tab, a gateway that does not return). */
function notBroughtBack(checkoutId: string, s: SellerOrder): HTMLElement {
  const pasted = h('textarea', { name: 'confirmation', rows: '3', required: true, spellcheck: 'false', autocomplete: 'off' });
  const status = h('div', { class: 'pay-status' });
  const form = h(
    'form',
    { class: 'stack' },
    field('Payment confirmation', pasted, 'The payment page shows a payment id (pay_…) and a signature when you have paid. Copy them here — the whole page is fine.'),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'button secondary' }, 'Verify payment')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const found = readConfirmation(pasted.value);
    if (!found) {
      replace(status, notice('error', 'No payment id (pay_…) and 64-character signature found in what was pasted. Copy them from the payment page.'));
      pasted.focus();
      return;
    }
    replace(status);
    const verified = await submitting(form, () => change<Checkout>(`verify:${checkoutId}:${s.provider.id}`, 'POST', `/checkouts/${checkoutId}/payments/verify`, { provider_id: s.provider.id, ...found }));
    if (!verified) return;
    announce(`Payment to ${s.provider.name} verified.`);
    await refresh();
  });
  const check = h('button', { type: 'button', class: 'link-button' }, 'I have paid: check again');
  check.addEventListener('click', () => void checkPaid(checkoutId, s.provider.id, status));
  return h('details', { class: 'not-returned' }, h('summary', {}, 'Paid, but not brought back here?'), h('p', {}, check), form, status);
}

function payPanel(checkoutId: string, s: SellerOrder): HTMLElement {
  const payment = s.payment!;
  // the same tab: the gateway brings the shopper back to this checkout, where the payment is verified
  const href = payLink(payment.checkout_url, checkoutId, s.provider.id);
  return h(
    'div',
    { class: 'pay-panel' },
    h('p', {}, 'Pay ', money(payment.amount), ` to ${s.provider.name} on the payment page. It brings you back here, where the payment is checked with the gateway.`),
    h('p', {}, h('a', { class: 'button', href }, 'Pay ', money(payment.amount), h('span', { class: 'visually-hidden' }, ` to ${s.provider.name} on the payment page`))),
    notBroughtBack(checkoutId, s),
  );
}

const SETTLED: Record<string, string> = {
  paid: 'Paid online',
  cod: 'Cash on delivery',
  confirming: 'Placing the order…',
  confirmed: 'Order placed',
};

/** What the shopper can do about paying this seller now. */
export function sellerPayment(checkoutId: string, s: SellerOrder): HTMLElement | null {
  if (s.state === 'failed') return notice('error', s.refusal ? `${s.provider.name} refused: ${s.refusal.message}` : `${s.provider.name} could not take this order.`);
  const settled = SETTLED[s.state];
  if (s.state === 'paid' || s.state === 'confirming' || s.state === 'confirmed') return h('p', { class: 'settled' }, `✓ ${settled}`);
  if (s.state === 'cod') {
    return h('div', {}, h('p', { class: 'settled' }, '✓ Cash on delivery: pay ', money(s.quote.total), ' to the delivery agent'), h('details', {}, h('summary', {}, 'Pay online instead'), methodForm(checkoutId, s)));
  }
  if (s.state === 'payment_pending' && s.payment) {
    return h('div', {}, payPanel(checkoutId, s), h('details', {}, h('summary', {}, 'Choose another way to pay'), methodForm(checkoutId, s)));
  }
  if (s.state === 'initialized') return methodForm(checkoutId, s);
  return null;
}
