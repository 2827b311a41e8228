/**
 * The payment port over Razorpay's REST API (Orders and Payments). The same adapter, pointed at the sandbox
 * gateway's base URL with `kind: 'sandbox'`, is the local gateway: one code path is exercised in both.
 */
import {
  PaymentError,
  type PaymentGateway,
  type PaymentOrder,
  type PaymentResult,
} from './port.js';
import { createRazorpayCall, type RazorpayCall } from './razorpay-http.js';
import { ORDER_ID, PAYMENT_ID } from './razorpay-wire.js';
import { checkoutSignature, signaturesMatch } from './signatures.js';

export { checkoutSignature, verifyWebhook, webhookSignature } from './signatures.js';

export interface RazorpayGatewayOptions {
  /** https://api.razorpay.com, or the sandbox gateway's base URL. */
  baseUrl: string;
  keyId: string;
  keySecret: string;
  /** The buyer is sent to `${checkoutBaseUrl}/${gatewayOrderId}` to pay. */
  checkoutBaseUrl: string;
  timeoutMs?: number;
  kind?: 'sandbox' | 'razorpay';
}

export interface RazorpayGateway extends PaymentGateway {
  /** The order as the gateway sees it now: how a checkout learns it was paid when the buyer never came back. */
  fetchOrder(gatewayOrderId: string): Promise<PaymentOrder>;
}

/** The parts of a Razorpay payment that verification reads, checked for type. */
interface PaymentFacts {
  amount: number;
  currency: string;
  status: string;
  orderId: string | null;
  errorDescription: string | null;
}

const ORDER_STATUSES = new Set<PaymentOrder['status']>(['created', 'attempted', 'paid']);

export function createRazorpayGateway(opts: RazorpayGatewayOptions): RazorpayGateway {
  if (!opts.keyId || !opts.keySecret) throw new Error('payment gateway needs both a key id and a key secret');
  const call = createRazorpayCall({ ...opts, timeoutMs: opts.timeoutMs ?? 10_000 });
  const checkoutBase = opts.checkoutBaseUrl.replace(/\/+$/, '');
  const toOrder = (wire: unknown) => readOrder(wire, checkoutBase);

  return {
    kind: opts.kind ?? 'razorpay',

    async createOrder({ amountPaise, receipt, notes }) {
      requirePaise(amountPaise, 'amountPaise');
      const body = { amount: amountPaise, currency: 'INR', receipt, ...(notes ? { notes } : {}) };
      const order = toOrder(await call('POST', '/v1/orders', body));
      // A gateway that quietly changed the amount would have the buyer pay a total the seller never quoted.
      if (order.amountPaise !== amountPaise) {
        throw new PaymentError('GATEWAY_BAD_RESPONSE', `payment gateway created order ${order.gatewayOrderId} for ${order.amountPaise} paise, not ${amountPaise}`);
      }
      return order;
    },

    async fetchOrder(gatewayOrderId) {
      if (!ORDER_ID.test(gatewayOrderId)) throw new PaymentError('INVALID_REQUEST', `"${gatewayOrderId}" is not a gateway order id`);
      return toOrder(await call('GET', `/v1/orders/${gatewayOrderId}`));
    },

    verifyPayment: (args) => verifyPayment(call, opts.keySecret, args),
    // a webhook's own signature (checked by the route) stands in for the checkout signature
    confirmPayment: (args) => verifyPayment(call, opts.keySecret, args),
  };
}

async function verifyPayment(
  call: RazorpayCall,
  keySecret: string,
  args: { gatewayOrderId: string; paymentId: string; signature?: string; expectedAmountPaise: number },
): Promise<PaymentResult> {
  const { gatewayOrderId, paymentId, signature, expectedAmountPaise } = args;
  requirePaise(expectedAmountPaise, 'expectedAmountPaise');
  const unknown = { verified: false, paymentId, gatewayOrderId, amountPaise: 0, status: 'failed' } as const;
  // Ids go into a URL path; anything not shaped like Razorpay's ids is refused before it gets there.
  if (!ORDER_ID.test(gatewayOrderId)) return { ...unknown, reason: 'the order id is not a gateway order id' };
  if (!PAYMENT_ID.test(paymentId)) return { ...unknown, reason: 'the payment id is not a gateway payment id' };

  const signatureOk = signature === undefined || signaturesMatch(signature, checkoutSignature(gatewayOrderId, paymentId, keySecret));
  // Fetched even when the signature is wrong, so the caller learns the payment's real state (e.g. failed).
  const payment = await fetchPayment(call, paymentId);
  if (!payment) return { ...unknown, reason: `the gateway has no payment ${paymentId}` };

  const reasons = verificationFailures(signatureOk, payment, gatewayOrderId, expectedAmountPaise);
  return {
    verified: reasons.length === 0,
    paymentId,
    gatewayOrderId,
    amountPaise: payment.amount,
    status: portStatus(payment.status),
    ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
  };
}

function verificationFailures(signatureOk: boolean, payment: PaymentFacts, orderId: string, expectedPaise: number): string[] {
  const reasons: string[] = [];
  if (!signatureOk) reasons.push('the checkout signature does not match this order and payment');
  if (payment.orderId !== orderId) reasons.push(`the payment belongs to ${payment.orderId ?? 'no order'}, not ${orderId}`);
  if (payment.currency !== 'INR') reasons.push(`the payment is in ${payment.currency}, not INR`);
  if (payment.amount !== expectedPaise) reasons.push(`the gateway says ${payment.amount} paise were paid, not the expected ${expectedPaise}`);
  const status = statusFailure(payment);
  if (status) reasons.push(status);
  return reasons;
}

function statusFailure(payment: PaymentFacts): string | undefined {
  switch (payment.status) {
    case 'captured':
      return undefined;
    case 'authorized':
      return 'the payment is authorized but not yet captured';
    case 'failed':
      return `the payment failed${payment.errorDescription ? `: ${payment.errorDescription}` : ''}`;
    default:
      return `the payment is ${payment.status}, not captured`;
  }
}

function portStatus(status: string): PaymentResult['status'] {
  // Anything else (created, refunded) is money the merchant does not hold, so it reads as failed.
  return status === 'captured' || status === 'authorized' ? status : 'failed';
}

async function fetchPayment(call: RazorpayCall, paymentId: string): Promise<PaymentFacts | null> {
  try {
    return readPayment(await call('GET', `/v1/payments/${paymentId}`), paymentId);
  } catch (err) {
    // Razorpay answers an unknown id with 400 "The id provided does not exist".
    if (err instanceof PaymentError && (err.status === 400 || err.status === 404)) return null;
    throw err;
  }
}

function requirePaise(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new PaymentError('INVALID_REQUEST', `${name} must be a positive whole number of paise, got ${value}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badResponse(what: string): PaymentError {
  return new PaymentError('GATEWAY_BAD_RESPONSE', `payment gateway answered with ${what}`);
}

function readOrder(wire: unknown, checkoutBase: string): PaymentOrder {
  if (!isRecord(wire) || wire.entity !== 'order' || typeof wire.id !== 'string' || !ORDER_ID.test(wire.id)) {
    throw badResponse('something that is not an order');
  }
  const { id, amount, currency, status, receipt } = wire;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) throw badResponse(`order ${id} without a whole amount in paise`);
  if (currency !== 'INR') throw badResponse(`order ${id} in ${String(currency)}, not INR`);
  if (!ORDER_STATUSES.has(status as PaymentOrder['status'])) throw badResponse(`order ${id} in unknown status ${String(status)}`);
  return {
    gatewayOrderId: id,
    amountPaise: amount,
    currency: 'INR',
    receipt: typeof receipt === 'string' ? receipt : '',
    status: status as PaymentOrder['status'],
    checkoutUrl: `${checkoutBase}/${id}`,
  };
}

function readPayment(wire: unknown, paymentId: string): PaymentFacts {
  if (!isRecord(wire) || wire.entity !== 'payment' || wire.id !== paymentId) throw badResponse(`something that is not payment ${paymentId}`);
  const { amount, currency, status, order_id: orderId, error_description: errorDescription } = wire;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) throw badResponse(`payment ${paymentId} without a whole amount in paise`);
  if (typeof currency !== 'string' || typeof status !== 'string') throw badResponse(`payment ${paymentId} without a currency or status`);
  if (orderId !== null && typeof orderId !== 'string') throw badResponse(`payment ${paymentId} with a malformed order_id`);
  return { amount, currency, status, orderId, errorDescription: typeof errorDescription === 'string' ? errorDescription : null };
}
