/**
 * The sandbox's stand-in for Razorpay's hosted checkout, for people: one plain HTML page per order with a Pay
 * form, and a result page. No scripts, so the page works without JavaScript and a strict CSP costs nothing.
 */
import { rupeesString } from '../../core/money.js';
import type { CheckoutSuccess, RazorpayErrorBody, RazorpayOrder } from '../razorpay-wire.js';

export const PAGE_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}'
  + 'dt{font-weight:600}dd{margin:0 0 .5rem}button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem}'
  + '.note{color:#666;font-size:.875rem}';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}`
    + `<p class="note">Sandbox gateway: no money moves.</p></body></html>`;
}

function notesList(notes: RazorpayOrder['notes']): string {
  const entries = Array.isArray(notes) ? [] : Object.entries(notes);
  return entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
}

function payForm(order: RazorpayOrder): string {
  const rupees = rupeesString(order.amount);
  // Relative to this page's own URL, so the form works under whatever prefix the plugin is mounted at.
  return `<form method="post" action="${escapeHtml(order.id)}/pay">`
    + `<p><label>Method <select name="method"><option value="upi">UPI</option><option value="card">Card</option></select></label></p>`
    + `<button name="outcome" value="success">Pay ₹${rupees}</button>`
    + `<button name="outcome" value="failure">Simulate a failed payment</button></form>`;
}

export function checkoutPage(order: RazorpayOrder): string {
  const rupees = rupeesString(order.amount);
  const details = `<dl><dt>Order</dt><dd>${escapeHtml(order.id)}</dd><dt>Amount</dt><dd>₹${rupees} (${order.amount} paise)</dd>`
    + `<dt>Receipt</dt><dd>${escapeHtml(order.receipt ?? '-')}</dd><dt>Status</dt><dd>${order.status}</dd>${notesList(order.notes)}</dl>`;
  const action = order.status === 'paid' ? '<p>This order is paid.</p>' : payForm(order);
  return layout(`Pay ₹${rupees}`, `<h1>Pay ₹${rupees}</h1>${details}${action}`);
}

export function paidPage(handler: CheckoutSuccess): string {
  const rows = Object.entries(handler).map(([k, v]) => `<dt>${k}</dt><dd><code>${escapeHtml(v)}</code></dd>`).join('');
  return layout('Payment successful', `<h1>Payment successful</h1><p>What checkout hands the merchant's page:</p><dl>${rows}</dl>`);
}

export function refusedPage(body: RazorpayErrorBody): string {
  const { description, reason } = body.error;
  return layout('Payment not made', `<h1>Payment not made</h1><p>${escapeHtml(description)}</p><p class="note">${escapeHtml(reason)}</p>`);
}

export function missingPage(): string {
  return layout('No such order', '<h1>No such order</h1><p>The sandbox gateway has no order with this id.</p>');
}
