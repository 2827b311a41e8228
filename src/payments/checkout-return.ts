/**
 * Razorpay Checkout's return to the merchant (the `callback_url` option, with `redirect: true`): when the shopper
 * has paid, the browser POSTs `razorpay_payment_id`, `razorpay_order_id` and `razorpay_signature` as form fields to
 * that URL; when the payment failed or was cancelled it POSTs the error instead, flattened as Razorpay flattens
 * it: `error[code]`, `error[description]`, `error[source]`, `error[step]`, `error[reason]` and `error[metadata]`
 * (a JSON string with `payment_id` and `order_id`). The sandbox gateway writes these fields; the service reads
 * them back. Nothing here decides that anything is paid: the fields only say what to ask the gateway.
 */
import { ORDER_ID, type CheckoutSuccess, type RazorpayErrorBody } from './razorpay-wire.js';

/** Long enough for any merchant page with its own query string; browsers cap URLs well above this. */
const CALLBACK_URL_MAX = 2048;

/** The payment ids verify_payment accepts. */
const RETURNED_PAYMENT_ID = /^pay_[A-Za-z0-9]{6,40}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;
/** Razorpay's error reasons are snake_case words (payment_failed, payment_cancelled, invalid_otp…). */
const REASON = /^[a-z][a-z0-9_]{0,63}$/;

export type CallbackUrl = { ok: true; url: URL } | { ok: false; message: string };

/** A merchant's callback_url: an absolute http or https URL, nothing else (no javascript:, data: or relative URLs). */
export function readCallbackUrl(raw: unknown): CallbackUrl {
  const refuse = (why: string): CallbackUrl => ({ ok: false, message: `callback_url ${why}: give an absolute http:// or https:// URL of the page that takes the payment result.` });
  if (Array.isArray(raw)) return refuse('is given more than once');
  if (typeof raw !== 'string' || raw === '') return refuse('is missing');
  if (raw.length > CALLBACK_URL_MAX) return refuse(`is longer than ${CALLBACK_URL_MAX} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(`uses ${url.protocol.replace(/:$/, '')}, which is not allowed`);
  if (url.username || url.password) return refuse('carries a user name or password');
  return { ok: true, url };
}

/** The form fields Checkout posts to callback_url after a payment. */
export function successFields(handler: CheckoutSuccess): Record<string, string> {
  return {
    razorpay_payment_id: handler.razorpay_payment_id,
    razorpay_order_id: handler.razorpay_order_id,
    razorpay_signature: handler.razorpay_signature,
  };
}

/** The form fields Checkout posts to callback_url when the payment failed or the shopper cancelled it. */
export function failureFields({ error }: RazorpayErrorBody): Record<string, string> {
  return {
    'error[code]': error.code,
    'error[description]': error.description,
    'error[source]': error.source,
    'error[step]': error.step,
    'error[reason]': error.reason,
    'error[metadata]': JSON.stringify(error.metadata),
    ...(error.field ? { 'error[field]': error.field } : {}),
  };
}

export type CheckoutReturn =
  | { outcome: 'paid'; paymentId: string; orderId: string; signature: string }
  | { outcome: 'failed'; reason: string };

/**
 * What a browser posted to a callback_url, read as Checkout writes it; null when it is neither a payment nor a
 * Razorpay error. Only the shape is checked: anyone can post these fields, so they are claims to verify.
 */
export function readCheckoutReturn(fields: Record<string, unknown>): CheckoutReturn | null {
  const { razorpay_payment_id: paymentId, razorpay_order_id: orderId, razorpay_signature: signature } = fields;
  if (paymentId !== undefined || signature !== undefined) {
    const shaped = typeof paymentId === 'string' && RETURNED_PAYMENT_ID.test(paymentId)
      && typeof orderId === 'string' && ORDER_ID.test(orderId)
      && typeof signature === 'string' && SIGNATURE.test(signature);
    return shaped ? { outcome: 'paid', paymentId, orderId, signature } : null;
  }
  const code = fields['error[code]'];
  if (typeof code !== 'string' || code === '') return null;
  const reason = fields['error[reason]'];
  // an unfamiliar reason is still a failure; it is just not named
  return { outcome: 'failed', reason: typeof reason === 'string' && REASON.test(reason) ? reason : 'payment_failed' };
}
