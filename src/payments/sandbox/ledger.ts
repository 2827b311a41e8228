/**
 * The sandbox gateway's books: Razorpay orders and payments in memory, with Razorpay's validation, its order
 * life cycle (created -> attempted -> paid, never paid twice) and its checkout signature. Every answer is either
 * a Razorpay entity or a Razorpay error body with the HTTP status Razorpay would use.
 */
import { randomInt } from 'node:crypto';
import type {
  CheckoutSuccess,
  RazorpayCollection,
  RazorpayErrorBody,
  RazorpayOrder,
  RazorpayPayment,
} from '../razorpay-wire.js';
import { checkoutSignature } from '../signatures.js';

export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; body: RazorpayErrorBody };

export type PayOutcome = 'success' | 'failure' | 'authorized';
export type PayMethod = 'upi' | 'card';

/** How a checkout attempt ended: Checkout's handler for a payment, or the error it reports for a failed one. */
export type CheckoutEnd = { kind: 'paid'; handler: CheckoutSuccess } | { kind: 'failed'; error: RazorpayErrorBody };

export interface LedgerOptions {
  keySecret: string;
  now: () => Date;
}

const ORDER_FIELDS = new Set(['amount', 'currency', 'receipt', 'notes']);
const MIN_AMOUNT_PAISE = 100;
const MAX_RECEIPT = 40;
const MAX_NOTES = 15;
const MAX_NOTE_LENGTH = 256;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Razorpay's ids: a prefix and 14 base62 characters. */
function newId(prefix: string): string {
  let id = '';
  for (let i = 0; i < 14; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return `${prefix}_${id}`;
}

export function razorpayError(description: string, more: Partial<RazorpayErrorBody['error']> = {}): RazorpayErrorBody {
  return {
    error: {
      code: 'BAD_REQUEST_ERROR',
      description,
      source: 'business',
      step: 'payment_initiation',
      reason: 'input_validation_failed',
      metadata: {},
      ...more,
    },
  };
}

function refuse<T>(description: string, field?: string): Answer<T> {
  return { ok: false, status: 400, body: razorpayError(description, field ? { field } : {}) };
}

const noSuchId = <T>(): Answer<T> => refuse('The id provided does not exist');

interface OrderInput {
  amount: number;
  currency: 'INR';
  receipt: string | null;
  notes: Record<string, string>;
}

function validateNotes(notes: unknown): Answer<Record<string, string>> {
  if (notes === undefined) return { ok: true, value: {} };
  if (typeof notes !== 'object' || notes === null || Array.isArray(notes)) return refuse('The notes field must be an object of key-value pairs.', 'notes');
  const entries = Object.entries(notes);
  if (entries.length > MAX_NOTES) return refuse(`Number of fields in notes should be less than or equal to ${MAX_NOTES}`, 'notes');
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || value.length > MAX_NOTE_LENGTH) {
      return refuse(`The notes.${key} must be a string of at most ${MAX_NOTE_LENGTH} characters.`, 'notes');
    }
  }
  return { ok: true, value: notes as Record<string, string> };
}

function validateAmount(amount: unknown): Answer<number> {
  if (amount === undefined) return refuse('The amount field is required.', 'amount');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) return refuse('The amount must be an integer.', 'amount');
  if (amount < MIN_AMOUNT_PAISE) return refuse('The amount must be at least INR 1.00', 'amount');
  return { ok: true, value: amount };
}

function validateOrderInput(body: unknown): Answer<OrderInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('The request body must be a JSON object.');
  const fields = body as Record<string, unknown>;
  const extra = Object.keys(fields).find((key) => !ORDER_FIELDS.has(key));
  if (extra !== undefined) return refuse(`${extra} is/are not required and should not be sent`, extra);
  const amount = validateAmount(fields.amount);
  if (!amount.ok) return amount;
  if (fields.currency === undefined) return refuse('The currency field is required.', 'currency');
  // Razorpay takes other currencies; the buyer app only ever charges rupees, so the sandbox holds it to that.
  if (fields.currency !== 'INR') return refuse('Currency is not supported', 'currency');
  const { receipt } = fields;
  if (receipt !== undefined && typeof receipt !== 'string') return refuse('The receipt must be a string.', 'receipt');
  if (typeof receipt === 'string' && receipt.length > MAX_RECEIPT) return refuse(`The receipt may not be greater than ${MAX_RECEIPT} characters.`, 'receipt');
  const notes = validateNotes(fields.notes);
  if (!notes.ok) return notes;
  return { ok: true, value: { amount: amount.value, currency: 'INR', receipt: receipt ?? null, notes: notes.value } };
}

/** Razorpay writes an empty notes object as `[]`. */
function wireNotes(notes: Record<string, string>): Record<string, string> | [] {
  return Object.keys(notes).length === 0 ? [] : { ...notes };
}

function paymentFor(order: RazorpayOrder, outcome: PayOutcome, method: PayMethod, createdAt: number): RazorpayPayment {
  const failed = outcome === 'failure';
  const captured = outcome === 'success';
  return {
    id: newId('pay'),
    entity: 'payment',
    amount: order.amount,
    currency: order.currency,
    status: failed ? 'failed' : captured ? 'captured' : 'authorized',
    order_id: order.id,
    invoice_id: null,
    international: false,
    method,
    amount_refunded: 0,
    refund_status: null,
    captured,
    description: order.receipt,
    card_id: method === 'card' ? newId('card') : null,
    bank: null,
    wallet: null,
    // Razorpay test mode's own VPAs for a UPI payment that succeeds or fails.
    vpa: method === 'upi' ? (failed ? 'failure@razorpay' : 'success@razorpay') : null,
    email: 'buyer@example.com',
    contact: '+919000090000',
    notes: [],
    fee: captured ? 0 : null,
    tax: captured ? 0 : null,
    error_code: failed ? 'BAD_REQUEST_ERROR' : null,
    error_description: failed ? 'Payment failed' : null,
    error_source: failed ? 'customer' : null,
    error_step: failed ? 'payment_authorization' : null,
    error_reason: failed ? 'payment_failed' : null,
    created_at: createdAt,
  };
}

function failedPaymentError(payment: RazorpayPayment): RazorpayErrorBody {
  return razorpayError(payment.error_description ?? 'Payment failed', {
    source: payment.error_source ?? 'customer',
    step: payment.error_step ?? 'payment_authorization',
    reason: payment.error_reason ?? 'payment_failed',
    metadata: { payment_id: payment.id, order_id: payment.order_id ?? '' },
  });
}

export function createLedger(opts: LedgerOptions) {
  const orders = new Map<string, RazorpayOrder>();
  const payments = new Map<string, RazorpayPayment>();
  const unixNow = () => Math.floor(opts.now().getTime() / 1000);

  function createOrder(body: unknown): Answer<RazorpayOrder> {
    const input = validateOrderInput(body);
    if (!input.ok) return input;
    const { amount, currency, receipt, notes } = input.value;
    const order: RazorpayOrder = {
      id: newId('order'),
      entity: 'order',
      amount,
      amount_paid: 0,
      amount_due: amount,
      currency,
      receipt,
      offer_id: null,
      status: 'created',
      attempts: 0,
      notes: wireNotes(notes),
      created_at: unixNow(),
    };
    orders.set(order.id, order);
    return { ok: true, value: order };
  }

  function order(id: string): Answer<RazorpayOrder> {
    const found = orders.get(id);
    return found ? { ok: true, value: found } : noSuchId();
  }

  function payment(id: string): Answer<RazorpayPayment> {
    const found = payments.get(id);
    return found ? { ok: true, value: found } : noSuchId();
  }

  function orderPayments(id: string): Answer<RazorpayCollection<RazorpayPayment>> {
    if (!orders.has(id)) return noSuchId();
    const items = [...payments.values()].filter((p) => p.order_id === id);
    return { ok: true, value: { entity: 'collection', count: items.length, items } };
  }

  /**
   * What Razorpay Checkout does when the buyer pays: one attempt, one payment, the order paid on capture. A failed
   * payment is an ending, not a refusal; refusals (no such order, already paid) leave the books untouched.
   */
  function pay(orderId: string, outcome: PayOutcome, method: PayMethod): Answer<CheckoutEnd> {
    const current = orders.get(orderId);
    if (!current) return noSuchId();
    if (current.status === 'paid') return refuse('This order has already been paid; create a new order for another payment.');
    const made = paymentFor(current, outcome, method, unixNow());
    payments.set(made.id, made);
    const captured = made.status === 'captured';
    orders.set(orderId, {
      ...current,
      attempts: current.attempts + 1,
      status: captured ? 'paid' : 'attempted',
      amount_paid: captured ? current.amount : current.amount_paid,
      amount_due: captured ? 0 : current.amount_due,
    });
    if (made.status === 'failed') return { ok: true, value: { kind: 'failed', error: failedPaymentError(made) } };
    const handler = {
      razorpay_payment_id: made.id,
      razorpay_order_id: orderId,
      razorpay_signature: checkoutSignature(orderId, made.id, opts.keySecret),
    };
    return { ok: true, value: { kind: 'paid', handler } };
  }

  /**
   * The shopper leaves the checkout without paying. No payment was attempted, so the books do not change; the
   * error is the one Razorpay reports for a payment cancelled by the customer.
   */
  function cancel(orderId: string): Answer<CheckoutEnd> {
    const current = orders.get(orderId);
    if (!current) return noSuchId();
    if (current.status === 'paid') return refuse('This order has already been paid; there is nothing to cancel.');
    const error = razorpayError('Payment processing cancelled by user', {
      source: 'customer',
      step: 'payment_authentication',
      reason: 'payment_cancelled',
      metadata: { order_id: orderId },
    });
    return { ok: true, value: { kind: 'failed', error } };
  }

  return { createOrder, order, payment, orderPayments, pay, cancel };
}

export type Ledger = ReturnType<typeof createLedger>;
