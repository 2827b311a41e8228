/**
 * The core's NetworkPort over a Himira buyer backend: each ONDC step is the backend's client API followed by
 * polling its `on_*` route (step.ts). The backend names orders itself at confirm; ours are mapped to its ids, and
 * to the backend identity that placed them, in records.ts.
 *
 * Whose backend identity: select carries nothing of the user (the reference's select only forwards the cart), so it
 * goes as the service; from init on, a checkout a signed-in user started goes as that user's own backend user, so
 * the backend's order record belongs to the same person as the delivery addresses written through for them.
 */
import type { Logger } from 'pino';
import { DomainError } from '../../core/errors.js';
import type { NetworkPort, SellerRef } from '../../core/ports.js';
import { newTransactionId } from '../../ondc/context.js';
import { returnsOf } from '../../ondc/order-updates.js';
import { BackendError, type HimiraClient } from './client.js';
import { createHimiraIssues } from './igm.js';
import type { PollOptions } from './poll.js';
import type { BackendRecords, OrderRef } from './records.js';
import { asDomainError, exchangeOf, runStep, type Json, type Step } from './step.js';
import { ackOf, cartItem, orderQuote, parties, rupees, selectQuote } from './wire.js';

export interface HimiraNetworkOptions {
  client: HimiraClient;
  records: BackendRecords;
  /** Seller app URIs by bpp_id, from the last catalog pull. */
  bppUris: () => ReadonlyMap<string, string>;
  /** How long one step waits for the seller's answer (ONDC_SEARCH_TIMEOUT_MS). */
  deadlineMs: number;
  log: Logger;
  /** Poll timing; tests shorten it. */
  poll?: Omit<PollOptions, 'deadlineMs' | 'onWaiting'>;
  /** Before a signed-in user's order is initialized: brings their delivery addresses at the backend up to date. */
  beforeOrder?: (userId: string) => Promise<void>;
}

/** What init returns for confirm to echo: the seller's on_init order as the backend gave it. */
interface HimiraTerms {
  onInit: Json;
}

export function createHimiraNetwork(opts: HimiraNetworkOptions): NetworkPort {
  const { client, records } = opts;
  const step = (args: Step) => runStep(opts, args);

  async function backendOrder(orderId: string): Promise<OrderRef> {
    const ref = await records.order(orderId);
    if (!ref) throw new DomainError('ORDER_NOT_FOUND', `The buyer backend has no record of order ${orderId} on this server; list_orders shows the orders it knows.`);
    return ref;
  }

  const afterOrder = (seller: SellerRef, ref: OrderRef) => ({ context: { transaction_id: ref.transactionId, bpp_id: seller.bppId, domain: seller.domain } });

  return {
    newTransactionId,

    async select({ exchange, seller, items, pincode, gps }) {
      const bppUri = opts.bppUris().get(seller.bppId);
      const { body, refusal } = await step({
        name: 'select',
        path: '/v2/select',
        body: [
          {
            context: { transaction_id: exchange.transactionId, domain: seller.domain, city: seller.city, pincode },
            message: { cart: { items: items.map((i) => cartItem(seller, bppUri, i)) }, fulfillments: [{ end: { location: { gps, address: { area_code: pincode } } } }] },
          },
        ],
        onPath: '/v2/on_select',
      });
      const quote = refusal ? { totalPaise: 0, lines: [], expiresAt: new Date().toISOString() } : selectQuote(body);
      return { exchange: exchangeOf(body, exchange), quote, ...(refusal ? { refusal } : {}) };
    },

    async init({ exchange, seller, items, delivery, cashOnDelivery, quote }) {
      const fulfillmentId = quote.lines.find((l) => l.type === 'delivery')?.itemId;
      const bppUri = opts.bppUris().get(seller.bppId);
      const as = await records.ownerOf(exchange.transactionId);
      if (as) await opts.beforeOrder?.(as);
      const { body, refusal } = await step({
        name: 'init',
        path: '/v2/initialize_order',
        as,
        body: [
          {
            context: { transaction_id: exchange.transactionId, domain: seller.domain, city: seller.city, pincode: delivery.pincode },
            message: {
              items: items.map((i) => cartItem(seller, bppUri, i, fulfillmentId)),
              ...parties(delivery),
              ...(fulfillmentId ? { fulfillments: [{ id: fulfillmentId }] } : {}),
              payment: { type: cashOnDelivery ? 'ON-FULFILLMENT' : 'ON-ORDER' },
            },
          },
        ],
        onPath: '/v2/on_initialize_order',
        ready: (b) => Boolean(b['message']?.['order']?.['quote']),
      });
      const onInit = (body['message']?.['order'] ?? {}) as Json;
      const terms: HimiraTerms = { onInit };
      return { exchange: exchangeOf(body, exchange), quote: refusal ? quote : orderQuote(body), terms, ...(refusal ? { refusal } : {}) };
    },

    async confirm({ exchange, seller, orderId, items, delivery, terms, payment }) {
      const { onInit } = terms as HimiraTerms;
      const paid = payment.cashOnDelivery ? 0 : payment.amountPaise;
      const as = await records.ownerOf(exchange.transactionId);
      const { body, refusal } = await step({
        name: 'confirm',
        path: '/v2/confirm_order',
        as,
        body: [
          {
            context: { transaction_id: exchange.transactionId, domain: seller.domain, city: seller.city, pincode: delivery.pincode },
            message: {
              quote: onInit['quote'],
              providers: { id: seller.providerId, locations: [{ id: seller.locationId }] },
              items: items.map((i) => ({ id: i.itemId, quantity: { count: i.count } })),
              payment: {
                ...(onInit['payment'] ?? {}),
                type: payment.cashOnDelivery ? 'ON-FULFILLMENT' : 'ON-ORDER',
                paid_amount: rupees(paid),
                ...(payment.cashOnDelivery ? {} : { transaction_id: payment.transactionId }),
              },
            },
          },
        ],
        onPath: '/v2/on_confirm_order',
        ready: (b) => typeof b['message']?.['order']?.['id'] === 'string',
      });
      if (refusal) return { exchange: exchangeOf(body, exchange), refusal };
      const order = body['message']['order'] as Json;
      const after = exchangeOf(body, exchange);
      // a retried confirm meets the ref it already wrote: the backend answered with the same order
      await records.placed(orderId, { backendOrderId: order['id'] as string, transactionId: after.transactionId, bppId: seller.bppId, ...(as ? { as } : {}) });
      return { exchange: after, ...(typeof order['state'] === 'string' ? { state: order['state'] } : {}) };
    },

    async status({ exchange, seller, orderId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'status',
        path: '/v2/order_status',
        as: ref.as,
        body: [{ ...afterOrder(seller, ref), message: { order_id: ref.backendOrderId } }],
        onPath: '/v2/on_order_status',
      });
      const order = body['message']?.['order'] as Json | undefined;
      const fulfillmentState = order?.['fulfillments']?.[0]?.['state']?.['descriptor']?.['code'];
      return {
        exchange: exchangeOf(body, exchange),
        ...(typeof order?.['state'] === 'string' ? { state: order['state'] } : {}),
        ...(typeof fulfillmentState === 'string' ? { fulfillmentState } : {}),
        ...(refusal ? { refusal } : {}),
      };
    },

    async track({ exchange, seller, orderId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'track',
        path: '/v2/track',
        as: ref.as,
        body: [{ ...afterOrder(seller, ref), message: { order_id: ref.backendOrderId } }],
        onPath: '/v2/on_track',
      });
      const t = body['message']?.['tracking'] as Json | undefined;
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      return {
        exchange: exchangeOf(body, exchange),
        ...(t && !refusal
          ? {
              tracking: {
                status: t['status'] === 'active' ? ('active' as const) : ('inactive' as const),
                ...(text(t['url']) ? { url: t['url'] } : {}),
                ...(text(t['location']?.['gps']) ? { gps: t['location']['gps'] } : {}),
                ...(text(t['location']?.['time']?.['timestamp']) ? { at: t['location']['time']['timestamp'] } : {}),
              },
            }
          : {}),
        ...(refusal ? { refusal } : {}),
      };
    },

    async cancel({ exchange, seller, orderId, reasonId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'cancel',
        path: '/v2/cancel_order',
        as: ref.as,
        body: { ...afterOrder(seller, ref), message: { order_id: ref.backendOrderId, cancellation_reason_id: reasonId } },
        onPath: '/v2/on_cancel_order',
        idParam: 'messageId',
      });
      const order = body['message']?.['order'] as Json | undefined;
      const by = order?.['cancellation']?.['cancelled_by'];
      const reason = order?.['cancellation']?.['reason']?.['id'];
      if (order?.['state'] === 'Cancelled' && !refusal) await records.settled(orderId);
      return {
        exchange: exchangeOf(body, exchange),
        ...(typeof order?.['state'] === 'string' && !refusal ? { state: order['state'] } : {}),
        ...(typeof by === 'string' && typeof reason === 'string' && !refusal ? { cancellation: { by, reasonId: reason } } : {}),
        ...(refusal ? { refusal } : {}),
      };
    },

    async returnItems({ exchange, seller, orderId, returnId, itemId, count, reasonId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'update (return)',
        path: '/v2/update',
        as: ref.as,
        body: {
          ...afterOrder(seller, ref),
          message: { update_target: 'item', order: { id: ref.backendOrderId, items: [{ id: itemId, quantity: { count }, tags: { update_type: 'return', reason_code: reasonId } }] } },
        },
        onPath: '/v2/on_update',
        idParam: 'messageId',
      });
      // the backend names the return fulfillment itself: the newest return of this item is the one just asked for
      const asked = refusal ? undefined : returnsOf(body['message']?.['order']).filter((r) => r.itemId === itemId).at(-1);
      // known by our id from now on; and a delivered order moves again while the return runs its course
      if (asked) await records.returnAsked(orderId, asked.id, returnId);
      return { exchange: exchangeOf(body, exchange), ...(asked ? { returnState: asked.state } : {}), ...(refusal ? { refusal } : {}) };
    },

    async support({ exchange, seller, orderId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'support',
        path: '/v2/get_support',
        as: ref.as,
        body: [{ ...afterOrder(seller, ref), message: { ref_id: ref.backendOrderId } }],
        onPath: '/v2/on_support',
      });
      const m = (body['message'] ?? {}) as Json;
      const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
      const contact = { ...(text(m['phone']) ? { phone: m['phone'] } : {}), ...(text(m['email']) ? { email: m['email'] } : {}), ...(text(m['uri']) ? { uri: m['uri'] } : {}) };
      return { exchange: exchangeOf(body, exchange), ...(refusal ? { refusal } : { contact }) };
    },

    /**
     * The reference rates through `POST /v2/rating/:orderId` with the ratings as an array and answers with the
     * protocol's acknowledgement (ONDC-Official/biap-client-node-js src/order/v2/order.routes.js, rating.service.js);
     * it serves no on_rating, so "accepted" here means the seller acknowledged the ratings.
     */
    async rate({ exchange, ratings }) {
      const orderId = ratings.find((r) => r.category === 'Order')?.id ?? '';
      const ref = await backendOrder(orderId);
      const body = ratings.map((r) => ({ rating_category: r.category, id: r.category === 'Order' ? ref.backendOrderId : r.id, value: String(r.value) }));
      let answer: unknown;
      try {
        answer = await client.request('POST', `/v2/rating/${encodeURIComponent(ref.backendOrderId)}`, { auth: true, as: ref.as, body });
      } catch (err) {
        if (!(err instanceof BackendError) || err.failure !== 'refused') return asDomainError(err, 'rating');
        return { exchange, accepted: false, refusal: { code: 'BACKEND', message: `the buyer backend would not send the ratings (${err.message})` } };
      }
      const ack = ackOf(answer);
      const status = (Array.isArray(answer) ? answer[0] : answer)?.['message']?.['ack']?.['status'];
      if (ack.error || status !== 'ACK') {
        return { exchange, accepted: false, refusal: { code: 'BACKEND', message: `the seller did not take the ratings (${ack.error ?? String(status ?? 'no acknowledgement')})` } };
      }
      return { exchange, accepted: true };
    },

    ...createHimiraIssues({ ...opts, step }),

    // The backend keeps the ONDC messages; this server never sees them, so it has no certification log to give.
    certificationLog: async () => null,
  };
}
