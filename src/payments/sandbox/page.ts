/**
 * The sandbox's stand-in for Razorpay's hosted checkout, for people: one plain HTML page per order with a Pay
 * form, and a result page. No scripts, so the page works without JavaScript and a strict CSP costs nothing; the
 * one exception is the page that returns the shopper to the merchant's callback_url, whose form submits itself
 * (as Razorpay's does) and still has a button for when scripts do not run.
 */
import { createHash } from 'node:crypto';
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

function payForm(order: RazorpayOrder, callback: URL | undefined): string {
  const rupees = rupeesString(order.amount);
  // Relative to this page's own URL, so the form works under whatever prefix the plugin is mounted at; the
  // callback_url rides along as a field, since the action drops this page's query string.
  return `<form method="post" action="${escapeHtml(order.id)}/pay">`
    + (callback ? `<input type="hidden" name="callback_url" value="${escapeHtml(callback.href)}">` : '')
    + `<p><label>Method <select name="method"><option value="upi">UPI</option><option value="card">Card</option></select></label></p>`
    + `<button name="outcome" value="success">Pay ₹${rupees}</button>`
    + `<button name="outcome" value="failure">Simulate a failed payment</button>`
    // leaving only means something when there is a merchant's page to go back to
    + (callback ? `<button name="outcome" value="cancel">Cancel and go back</button>` : '')
    + '</form>';
}

export function checkoutPage(order: RazorpayOrder, callback?: URL): string {
  const rupees = rupeesString(order.amount);
  const details = `<dl><dt>Order</dt><dd>${escapeHtml(order.id)}</dd><dt>Amount</dt><dd>₹${rupees} (${order.amount} paise)</dd>`
    + `<dt>Receipt</dt><dd>${escapeHtml(order.receipt ?? '-')}</dd><dt>Status</dt><dd>${order.status}</dd>${notesList(order.notes)}</dl>`;
  const action = order.status === 'paid' ? '<p>This order is paid.</p>' : payForm(order, callback);
  return layout(`Pay ₹${rupees}`, `<h1>Pay ₹${rupees}</h1>${details}${action}`);
}

const AUTO_SUBMIT = "document.getElementById('return').submit();";

/**
 * The return page may run its one script (by hash) and post to the callback's origin only. Its Referer is the
 * origin alone, as the merchant needs no more of this page's address.
 */
export function returnPageHeaders(callback: URL): Record<string, string> {
  const hash = createHash('sha256').update(AUTO_SUBMIT).digest('base64');
  return {
    ...PAGE_SECURITY_HEADERS,
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; form-action ${callback.origin}; base-uri 'none'; frame-ancestors 'none'`,
    'referrer-policy': 'origin',
  };
}

/** Sends the shopper to the merchant's callback_url with Checkout's fields, as a POST that submits itself. */
export function returnPage(callback: URL, fields: Record<string, string>, outcome: { paid: true } | { paid: false; description: string }): string {
  const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  const title = outcome.paid ? 'Payment successful' : 'Payment not made';
  const said = outcome.paid ? '' : `<p>${escapeHtml(outcome.description)}</p>`;
  return layout(title, `<h1>${title}</h1>${said}<p>Taking you back to the shop…</p>`
    + `<form id="return" method="post" action="${escapeHtml(callback.href)}">${inputs}<button>Back to the shop</button></form>`
    + `<script>${AUTO_SUBMIT}</script>`);
}

export function badCallbackPage(message: string): string {
  return layout('Cannot return to the shop', `<h1>Cannot return to the shop</h1><p>${escapeHtml(message)}</p><p class="note">No payment was made.</p>`);
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
