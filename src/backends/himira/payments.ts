/**
 * Prepaid through the buyer backend's Razorpay: the backend creates the gateway order (keyed by the ONDC
 * transaction, as the reference's POST /v2/razorpay/:orderId does) and is the one asked whether it was paid.
 * The caller's word is never taken: a payment counts only when the backend's verification says the gateway
 * captured exactly the seller's quoted total for that order.
 */
import { CHECKOUT_TTL_SECONDS, checkouts } from '../../core/checkout.js';
import { DomainError } from '../../core/errors.js';
import type { PaymentCheck, PaymentPort, Stores } from '../../core/ports.js';
import { BackendError, type HimiraClient } from './client.js';
import { rupees } from './wire.js';


/** The reference's status of a transaction whose payment the gateway reported as captured. */
const SUCCESS = 'TXN_SUCCESS';

interface CreatedOrder {
  data?: { orderDetail?: { id?: unknown; amount?: unknown; currency?: unknown } };
}

interface Verified {
  data?: { status?: unknown; amount?: unknown; orderId?: unknown; paymentId?: unknown };
}

const unavailable = (err: unknown): never => {
  if (!(err instanceof BackendError)) throw err;
  throw new DomainError('PAYMENT_UNAVAILABLE', `The buyer backend's payment gateway could not be used (${err.failure}); nothing was charged. Try again shortly or choose cash on delivery.`);
};

/** A payment may have been made by now: only its verification is put off. */
const unverified = (err: unknown): never => {
  if (!(err instanceof BackendError)) throw err;
  throw new DomainError('PAYMENT_UNAVAILABLE', `The buyer backend could not verify the payment now (${err.failure}); it stays unconfirmed here. Call verify_payment again shortly.`);
};

export interface HimiraPaymentsOptions {
  client: HimiraClient;
  stores: Stores;
  checkoutBaseUrl?: string;
  /**
   * Where the backend verifies a checkout result without confirming anything (BACKEND_VERIFY_PAYMENT_PATH). The
   * reference checks a checkout result in RazorPayService.verifyPaymentDetails (HMAC of order|payment with its key
   * secret, then the order fetched from Razorpay), but its route for it, `POST /v2/razorpay/verify/process
   * {confirmRequest, razorPayRequest}` (ONDC-Official/biap-client-node-js src/razorPay/razorPay.controller.js at
   * 8555ec8), confirms the order in the same call, which would skip the buyer's review and our one-confirm guarantee;
   * other versions route it to the webhook handler instead. So this is an assumed route, stated in the README.
   */
  verifyPath: string;
}

/** A gateway order is paid and verified within its checkout's life. */
const PAYMENT_OWNER_TTL_SECONDS = CHECKOUT_TTL_SECONDS;

/** Whose backend identity made a gateway order, so its verification goes as the same backend user. */
interface PaymentOwner {
  as?: string;
}

export function createHimiraPayments(opts: HimiraPaymentsOptions): PaymentPort {
  const { client, verifyPath } = opts;
  const owners = opts.stores.documents<PaymentOwner>('himira_payment');
  return {
    kind: 'himira',

    async createOrder({ amountPaise, notes }) {
      if (!opts.checkoutBaseUrl) {
        throw new DomainError('PAYMENT_UNAVAILABLE', 'Prepaid through the buyer backend needs BACKEND_CHECKOUT_URL (the page where buyers pay its Razorpay orders); choose cash on delivery.');
      }
      const checkout = notes?.['checkout_id'] ? await checkouts(opts).get(notes['checkout_id']) : null;
      const transactionId = checkout?.sellers.find((s) => s.seller.providerId === notes?.['provider_id'])?.exchange.transactionId;
      if (!transactionId) throw new DomainError('CHECKOUT_NOT_FOUND', 'This checkout has no seller order to pay; call select_items_for_order again.');
      const as = checkout?.userId;
      let created: CreatedOrder;
      try {
        created = await client.request<CreatedOrder>('POST', `/v2/razorpay/${encodeURIComponent(transactionId)}`, { auth: true, as, body: { amount: rupees(amountPaise) } });
      } catch (err) {
        return unavailable(err);
      }
      const order = created?.data?.orderDetail;
      if (typeof order?.id !== 'string' || typeof order.amount !== 'number') {
        throw new DomainError('PAYMENT_UNAVAILABLE', 'The buyer backend answered the payment request without a gateway order; nothing was charged. Try again or choose cash on delivery.');
      }
      if (order.amount !== amountPaise) {
        // the reference backend rounds to whole rupees; paying a different sum than the quote is never right
        throw new DomainError('PAYMENT_UNAVAILABLE', `The buyer backend made a gateway order for ${order.amount} paise, not the quoted ${amountPaise}; nothing was charged. Choose cash on delivery.`);
      }
      await owners.create(order.id, as ? { as } : {}, { ttlSeconds: PAYMENT_OWNER_TTL_SECONDS });
      return { gatewayOrderId: order.id, amountPaise, checkoutUrl: `${opts.checkoutBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(order.id)}` };
    },

    async verifyPayment({ gatewayOrderId, paymentId, signature, expectedAmountPaise }): Promise<PaymentCheck> {
      let answer: Verified;
      try {
        answer = await client.request<Verified>('POST', verifyPath, {
          auth: true,
          as: (await owners.get(gatewayOrderId))?.as,
          body: { razorpay_order_id: gatewayOrderId, razorpay_payment_id: paymentId, razorpay_signature: signature },
        });
      } catch (err) {
        if (err instanceof BackendError && err.failure === 'refused' && err.status === 404) {
          throw new DomainError('PAYMENT_UNAVAILABLE', `The buyer backend has no payment verification at ${verifyPath} (404); an operator must set BACKEND_VERIFY_PAYMENT_PATH to its route. The payment stays unconfirmed here; try again later.`);
        }
        if (err instanceof BackendError && err.failure === 'refused') {
          return { verified: false, paymentId, amountPaise: 0, status: 'failed', reason: 'the buyer backend did not accept this payment as genuine' };
        }
        return unverified(err);
      }
      const d = answer?.data;
      const paise = typeof d?.amount === 'number' ? Math.round(d.amount * 100) : 0;
      if (d?.status !== SUCCESS) return { verified: false, paymentId, amountPaise: paise, status: 'failed', reason: `the backend reports the payment as ${String(d?.status ?? 'unknown')}` };
      if (d.orderId !== gatewayOrderId) return { verified: false, paymentId, amountPaise: paise, status: 'failed', reason: 'the backend verified a different gateway order' };
      if (paise !== expectedAmountPaise) return { verified: false, paymentId, amountPaise: paise, status: 'failed', reason: `paid ${paise} paise, expected ${expectedAmountPaise}` };
      return { verified: true, paymentId, amountPaise: paise, status: 'captured' };
    },

    async confirmPayment({ paymentId }) {
      // gateway webhooks reach the backend, not this server; only a checkout result with its signature counts here
      return { verified: false, paymentId, amountPaise: 0, status: 'failed', reason: 'payments are verified by the buyer backend from the checkout result' };
    },
  };
}
