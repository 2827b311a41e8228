/**
 * The core's NetworkPort over a Himira buyer backend: each ONDC step is the backend's client API (acknowledged
 * with a message id) followed by bounded, backed-off polling of its `on_*` route for the seller's answer.
 * The backend names orders itself at confirm; ours are mapped to its ids in a document store.
 */
import type { Logger } from 'pino';
import { DomainError } from '../../core/errors.js';
import type { Exchange, NetworkPort, SellerRef, SellerRefusal, Stores } from '../../core/ports.js';
import { newTransactionId } from '../../ondc/context.js';
import { returnsOf } from '../../ondc/order-updates.js';
import { BackendError, type HimiraClient } from './client.js';
import { pollFor, type PollOptions } from './poll.js';
import { ackOf, cartItem, orderQuote, parties, readOnAnswer, rupees, selectQuote } from './wire.js';

type Json = Record<string, any>;

/** Our order id to the backend's. */
interface OrderRef {
  backendOrderId: string;
  transactionId: string;
}

export interface HimiraNetworkOptions {
  client: HimiraClient;
  stores: Stores;
  /** Seller app URIs by bpp_id, from the last catalog pull. */
  bppUris: () => ReadonlyMap<string, string>;
  /** How long one step waits for the seller's answer (ONDC_SEARCH_TIMEOUT_MS). */
  deadlineMs: number;
  log: Logger;
  /** Poll timing; tests shorten it. */
  poll?: Omit<PollOptions, 'deadlineMs' | 'onWaiting'>;
}

/** What init returns for confirm to echo: the seller's on_init order as the backend gave it. */
interface HimiraTerms {
  onInit: Json;
}

/** The backend failing is the network's failure, not the shopper's: 503 with what to do. */
function asDomainError(err: unknown, step: string): never {
  if (!(err instanceof BackendError)) throw err;
  if (err.failure === 'auth') {
    throw new DomainError('NETWORK_UNAVAILABLE', `The buyer backend refused this server's credentials at ${step}; an operator must check WIL_API_KEY. Nothing was placed.`);
  }
  if (err.failure === 'timeout') throw new DomainError('NETWORK_UNAVAILABLE', `The seller did not answer ${step} in time through the buyer backend (${err.message}). Nothing was placed; try again in a moment.`);
  throw new DomainError('NETWORK_UNAVAILABLE', `The buyer backend could not complete ${step} (${err.message}). Nothing was placed; try again in a moment.`);
}

const exchangeOf = (body: Json, before: Exchange): Exchange => ({
  transactionId: typeof body['context']?.['transaction_id'] === 'string' ? body['context']['transaction_id'] : before.transactionId,
  lastTimestamp: typeof body['context']?.['timestamp'] === 'string' ? body['context']['timestamp'] : before.lastTimestamp,
});

export function createHimiraNetwork(opts: HimiraNetworkOptions): NetworkPort {
  const { client } = opts;
  const refs = opts.stores.documents<OrderRef>('himira_order');

  /** Sends one step and polls its on_* route until the seller's answer, its refusal, or the deadline. */
  async function step(args: {
    name: string;
    path: string;
    body: unknown;
    onPath: string;
    /** The reference's single-order routes poll by `messageId`, its multi-order routes by `messageIds`. */
    idParam?: 'messageId' | 'messageIds';
    /** A step whose answer names none of what it asked for is not done yet. */
    ready?: (body: Json) => boolean;
  }): Promise<{ body: Json; refusal?: SellerRefusal }> {
    try {
      const ack = ackOf(await client.request('POST', args.path, { auth: true, body: args.body }));
      if (ack.error) return { body: {}, refusal: { code: 'BACKEND', message: `the buyer backend would not send ${args.name} (${ack.error})` } };
      if (!ack.messageId) throw new BackendError('bad_response', `the buyer backend acknowledged ${args.name} without a message id`);
      const messageId = ack.messageId;
      const answer = await pollFor(
        args.name,
        async () => {
          const read = readOnAnswer(await client.request('GET', args.onPath, { auth: true, query: { [args.idParam ?? 'messageIds']: messageId } }));
          if (read.state === 'pending') return { done: false, note: 'no answer from the seller yet' };
          if (read.state === 'done' && args.ready && !args.ready(read.body)) return { done: false, note: 'the answer is incomplete' };
          return { done: true, value: read };
        },
        {
          ...opts.poll,
          deadlineMs: opts.deadlineMs,
          onWaiting: (p) => opts.log.debug({ step: args.name, ...p }, 'waiting for the seller through the buyer backend'),
        },
      );
      return answer.state === 'refused' ? { body: answer.body, refusal: answer.refusal } : { body: answer.body };
    } catch (err) {
      return asDomainError(err, args.name);
    }
  }

  async function backendOrder(orderId: string): Promise<OrderRef> {
    const ref = await refs.get(orderId);
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
      const { body, refusal } = await step({
        name: 'init',
        path: '/v2/initialize_order',
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
      const { body, refusal } = await step({
        name: 'confirm',
        path: '/v2/confirm_order',
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
      const ref = { backendOrderId: order['id'] as string, transactionId: exchangeOf(body, exchange).transactionId };
      // a retried confirm meets the ref it already wrote: the backend answered with the same order
      if (!(await refs.create(orderId, ref))) await refs.update(orderId, () => ref);
      return { exchange: exchangeOf(body, exchange), ...(typeof order['state'] === 'string' ? { state: order['state'] } : {}) };
    },

    async status({ exchange, seller, orderId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'status',
        path: '/v2/order_status',
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
        body: { ...afterOrder(seller, ref), message: { order_id: ref.backendOrderId, cancellation_reason_id: reasonId } },
        onPath: '/v2/on_cancel_order',
        idParam: 'messageId',
      });
      const order = body['message']?.['order'] as Json | undefined;
      const by = order?.['cancellation']?.['cancelled_by'];
      const reason = order?.['cancellation']?.['reason']?.['id'];
      return {
        exchange: exchangeOf(body, exchange),
        ...(typeof order?.['state'] === 'string' && !refusal ? { state: order['state'] } : {}),
        ...(typeof by === 'string' && typeof reason === 'string' && !refusal ? { cancellation: { by, reasonId: reason } } : {}),
        ...(refusal ? { refusal } : {}),
      };
    },

    async returnItems({ exchange, seller, orderId, itemId, count, reasonId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'update (return)',
        path: '/v2/update',
        body: {
          ...afterOrder(seller, ref),
          message: { update_target: 'item', order: { id: ref.backendOrderId, items: [{ id: itemId, quantity: { count }, tags: { update_type: 'return', reason_code: reasonId } }] } },
        },
        onPath: '/v2/on_update',
        idParam: 'messageId',
      });
      // the backend names the return fulfillment itself: the newest return of this item is the one just asked for
      const state = returnsOf(body['message']?.['order']).filter((r) => r.itemId === itemId).at(-1)?.state;
      return { exchange: exchangeOf(body, exchange), ...(state && !refusal ? { returnState: state } : {}), ...(refusal ? { refusal } : {}) };
    },

    async support({ exchange, seller, orderId }) {
      const ref = await backendOrder(orderId);
      const { body, refusal } = await step({
        name: 'support',
        path: '/v2/get_support',
        body: [{ ...afterOrder(seller, ref), message: { ref_id: ref.backendOrderId } }],
        onPath: '/v2/on_support',
      });
      const m = (body['message'] ?? {}) as Json;
      const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
      const contact = { ...(text(m['phone']) ? { phone: m['phone'] } : {}), ...(text(m['email']) ? { email: m['email'] } : {}), ...(text(m['uri']) ? { uri: m['uri'] } : {}) };
      return { exchange: exchangeOf(body, exchange), ...(refusal ? { refusal } : { contact }) };
    },

    async rate({ exchange, seller, ratings }) {
      const orderId = ratings.find((r) => r.category === 'Order')?.id ?? '';
      const ref = await backendOrder(orderId);
      const backendRatings = ratings.map((r) => ({ ...r, id: r.category === 'Order' ? ref.backendOrderId : r.id }));
      const { body, refusal } = await step({
        name: 'rating',
        path: `/v2/rating/${encodeURIComponent(ref.backendOrderId)}`,
        body: { ...afterOrder(seller, ref), message: { ratings: backendRatings.map((r) => ({ rating_category: r.category, id: r.id, value: String(r.value) })) } },
        onPath: '/v2/on_rating',
        idParam: 'messageId',
      });
      return { exchange: exchangeOf(body, exchange), accepted: !refusal && body['message']?.['rating_ack'] === true, ...(refusal ? { refusal } : {}) };
    },

    async raiseIssue({ exchange }) {
      return { exchange, refusal: { code: 'BACKEND', message: 'complaints go through the buyer backend\'s separate IGM service, which this server does not reach yet' } };
    },

    async issueStatus({ exchange }) {
      return { exchange, refusal: { code: 'BACKEND', message: 'complaints go through the buyer backend\'s separate IGM service, which this server does not reach yet' } };
    },

    // The backend keeps the ONDC messages; this server never sees them, so it has no certification log to give.
    certificationLog: async () => null,
  };
}
