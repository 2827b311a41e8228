/**
 * One sandbox seller app (BPP). It verifies every incoming signature (through the signed-routes plugin), answers
 * ACK at once, and sends its result as a signed callback to the buyer app's bap_uri, as ONDC seller apps do.
 *
 * Checkout: init re-quotes and states the payment terms; confirm places the order on exactly those terms and
 * takes the stock; status returns the order. A request the seller cannot even place in its flow (malformed, for
 * another provider, a confirm with no init in its transaction) gets a NACK with code 30000 or 30004; business
 * refusals travel in the callback's error: 40002, 30009, 30023, 30004 as at select, 40004 for a payment type not
 * taken, 40003 for a quote not the one sent at init, 30019 for a cart or amount that does not match it, 30018 for
 * an unknown order.
 */
import type { Product, Provider } from '../../core/catalog.js';
import { ack, nack, type OndcError } from '../../ondc/ack.js';
import { rupeesString } from '../../core/money.js';
import { buildContext, type BecknContext, type CoreVersion } from '../../ondc/context.js';
import { BUYER_CANCEL_REASONS, type PaymentType } from '../../ondc/messages.js';
import { endpoint, type Sender } from '../../ondc/sender.js';
import type { SignedRoute } from '../../ondc/signed-routes.js';
import type { SandboxIdentity } from '../identities.js';
import { incrementalCatalog, onSearchCatalog } from './catalog-wire.js';
import {
  checkoutQuote,
  confirmedOrder,
  confirmRefusal,
  initPayment,
  onInitOrder,
  paymentRefusal,
  readCheckout,
  requestedPaymentType,
  type CheckoutParts,
  type Store,
} from './checkout.js';
import { SellerOrderBook, type InitRecord, type SellerOrder } from './orders.js';
import { quoteOrder, type OrderLine, type Quote } from './quote.js';
import { advance, FULFILLMENT_STEPS, Progression } from './progress.js';
import { matchIntent, readCatalogIncrement, readIntent } from './search.js';

export interface SellerAppOptions {
  identity: SandboxIdentity;
  /** Base URL of this seller app, known once the network listens; its routes are `${url}/<action>`. */
  url: () => string;
  provider: Provider;
  products: Product[];
  sender: Sender;
  now: () => Date;
  /** Reports a callback that could not be delivered (the buyer app was unreachable or refused it). */
  onCallbackFailure: (action: string, reason: string) => void;
  /** Time between the order's fulfillment steps after confirm (Packed, …, Order-delivered). */
  statusStepMs: number;
}

interface SelectOrder {
  providerId: string;
  locationIds: string[];
  lines: OrderLine[];
  areaCode: string | undefined;
}

/** The parts of a select the seller acts on; null when the shape is not a select order at all. */
function readOrder(message: unknown): SelectOrder | null {
  const order = (message as { order?: Record<string, any> } | undefined)?.order;
  const providerId = order?.['provider']?.id;
  const items = order?.['items'];
  if (typeof providerId !== 'string' || !Array.isArray(items) || items.length === 0) return null;
  const lines: OrderLine[] = [];
  for (const item of items) {
    const count = Number(item?.quantity?.count);
    if (typeof item?.id !== 'string' || !Number.isInteger(count) || count < 1) return null;
    lines.push({ itemId: item.id, count });
  }
  const areaCode = order?.['fulfillments']?.[0]?.end?.location?.address?.area_code;
  const locations = order?.['provider']?.locations;
  return {
    providerId,
    locationIds: Array.isArray(locations) ? locations.map((l: { id?: unknown }) => String(l?.id)) : [],
    lines,
    areaCode: typeof areaCode === 'string' ? areaCode : undefined,
  };
}


export function createSellerApp(opts: SellerAppOptions) {
  const progression = new Progression(opts.statusStepMs);
  const subscriberId = opts.identity.key.subscriberId;
  const self = () => ({ subscriberId, uri: opts.url() });
  // Confirmed orders take stock from the seller's own copies, never from the catalog it was handed.
  const products = opts.products.map((p) => ({ ...p }));
  const fulfillmentId = `${opts.provider.id}-delivery`;
  const book = new SellerOrderBook();
  const stores = publishedStores(opts.provider, subscriberId);

  function replyContext(request: BecknContext): BecknContext {
    return buildContext({
      domain: request.domain,
      city: request.city,
      action: `on_${request.action}` as BecknContext['action'],
      coreVersion: request.core_version as CoreVersion,
      bap: { subscriberId: request.bap_id, uri: request.bap_uri },
      bpp: self(),
      transactionId: request.transaction_id,
      messageId: request.message_id,
      now: opts.now(),
      after: request.timestamp,
    });
  }

  async function callback(request: BecknContext, message: unknown, error?: OndcError): Promise<void> {
    await send(replyContext(request), message, error);
  }

  /** For answers that carry their own context's timestamp (an order's updated_at). */
  async function send(context: BecknContext, message: unknown, error?: OndcError): Promise<void> {
    const url = endpoint(context.bap_uri, context.action);
    try {
      const result = await opts.sender.send(url, { context, message, ...(error ? { error } : {}) });
      if (!result.ack) opts.onCallbackFailure(context.action, `${url} answered ${result.status} ${JSON.stringify(result.body)}`);
    } catch (err) {
      opts.onCallbackFailure(context.action, (err as Error).message);
    }
  }

  /** Buyer apps that asked for pushed catalog changes: their subscribing search's context, by bap_id. */
  const incremental = new Map<string, BecknContext>();

  /** Pushes changed items, at once, to every buyer app subscribed (the spec allows up to 30 minutes of batching). */
  async function pushChanges(changed: Product[]): Promise<void> {
    if (changed.length === 0) return;
    const catalog = incrementalCatalog(opts.provider, changed);
    for (const sub of incremental.values()) {
      const context = buildContext({
        domain: sub.domain,
        city: sub.city,
        action: 'on_search',
        coreVersion: sub.core_version as CoreVersion,
        bap: { subscriberId: sub.bap_id, uri: sub.bap_uri },
        bpp: self(),
        transactionId: sub.transaction_id,
        now: opts.now(),
      });
      await send(context, { catalog });
    }
  }

  const search: SignedRoute = {
    action: 'search',
    handle: async ({ body }) => {
      const context = body.context;
      if (context.city !== opts.provider.city || context.domain !== opts.provider.domain) return ack();
      const mode = readCatalogIncrement(body['message']);
      if (mode === 'start') incremental.set(context.bap_id, context);
      if (mode === 'stop') incremental.delete(context.bap_id);
      // a subscription is answered later, change by change, never with the whole catalog
      if (mode) return ack();
      const matched = matchIntent(products, readIntent(body['message']));
      const catalog = onSearchCatalog({
        bppId: subscriberId,
        bppUri: opts.url(),
        providers: [opts.provider],
        products: matched,
        coreVersion: context.core_version === '1.2.5' ? '1.2.5' : '1.2.0',
      });
      // The answer travels as a callback after the ACK, never inside it.
      setImmediate(() => void callback(context, { catalog }));
      return ack();
    },
  };

  const byItemId = new Map(products.map((p) => [p.itemId, p]));

  const select: SignedRoute = {
    action: 'select',
    handle: async ({ body }) => {
      const order = readOrder(body['message']);
      if (!order) return nack('JSON-SCHEMA-ERROR', '30000', 'message.order needs provider.id, items[] with id and quantity.count, and fulfillments[0].end.location');
      if (order.providerId !== opts.provider.id) return foreignProvider(order.providerId);
      const quote = quoteFor(order);
      setImmediate(() => void callback(body.context, onSelectMessage(order, quote, body.context.core_version as CoreVersion), quote.error));
      return ack();
    },
  };

  function onSelectMessage(order: SelectOrder, quote: Quote, version: CoreVersion) {
    return {
      order: {
        provider: { id: opts.provider.id, locations: order.locationIds.map((id) => ({ id })) },
        items: order.lines.filter((l) => byItemId.has(l.itemId)).map((l) => ({ id: l.itemId, fulfillment_id: quote.fulfillmentId })),
        fulfillments: [
          {
            id: quote.fulfillmentId,
            type: 'Delivery',
            tracking: false,
            '@ondc/org/provider_name': opts.provider.name,
            '@ondc/org/category': 'Immediate Delivery',
            '@ondc/org/TAT': quote.tat,
            state: { descriptor: { code: quote.serviceable ? 'Serviceable' : 'Non-serviceable' } },
          },
        ],
        quote: {
          price: { currency: 'INR', value: rupeesString(quote.totalPaise) },
          breakup: quote.breakup,
          ttl: version === '1.2.5' ? 'P1D' : 'PT1H',
        },
      },
    };
  }

  function quoteFor(order: SelectOrder): Quote {
    return quoteOrder({ provider: opts.provider, products: byItemId, lines: order.lines, areaCode: order.areaCode, fulfillmentId });
  }

  function foreignProvider(providerId: string) {
    return nack('DOMAIN-ERROR', '30004', `Provider ${providerId} is not sold by ${subscriberId}`);
  }

  const ordered = (lines: OrderLine[]) => lines.map((l) => byItemId.get(l.itemId)).filter((p): p is Product => p !== undefined);

  /** The store named in the order, else the one the first item ships from. */
  function storeOf(order: SelectOrder): string {
    const ids = new Set(opts.provider.locations.map((l) => l.id));
    return order.locationIds.find((id) => ids.has(id)) ?? ordered(order.lines)[0]?.locationId ?? opts.provider.locations[0]?.id ?? '';
  }

  const init: SignedRoute = {
    action: 'init',
    handle: async ({ body }) => {
      const order = readOrder(body['message']);
      if (!order) return nack('JSON-SCHEMA-ERROR', '30000', 'message.order needs provider.id and items[] with id and quantity.count');
      if (order.providerId !== opts.provider.id) return foreignProvider(order.providerId);
      const { parts, problems } = readCheckout(body['message']);
      if (problems.length > 0) return nack('JSON-SCHEMA-ERROR', '30000', problems.join('; '));
      const { message, error } = answerInit(body.context, order, parts);
      setImmediate(() => void callback(body.context, message, error));
      return ack();
    },
  };

  /** Re-quotes, states the payment terms and, when all is well, remembers them for the confirm. */
  function answerInit(context: BecknContext, order: SelectOrder, parts: CheckoutParts) {
    const quote = quoteFor(order);
    const requested = requestedPaymentType(parts.payment);
    const paymentError = paymentRefusal(requested, opts.provider, ordered(order.lines));
    // a refused type is answered with the one the seller does take, so the buyer app can offer it instead
    const paymentType = (paymentError ? 'ON-ORDER' : requested) as PaymentType;
    const wireQuote = checkoutQuote(quote, context.core_version as CoreVersion);
    const error = quote.error ?? paymentError;
    if (error) {
      book.forgetInit(context.transaction_id);
    } else {
      book.rememberInit({
        transactionId: context.transaction_id,
        bapId: context.bap_id,
        lines: order.lines,
        totalPaise: quote.totalPaise,
        quote: wireQuote,
        paymentType,
        locationId: storeOf(order),
        tat: quote.tat,
      });
    }
    const payment = initPayment(opts.provider, paymentType, parts.payment);
    const message = {
      order: onInitOrder({ provider: opts.provider, locationIds: order.locationIds, lines: order.lines, parts, fulfillmentId, quote: wireQuote, payment }),
    };
    return { message, error };
  }

  const confirm: SignedRoute = {
    action: 'confirm',
    handle: async ({ body }) => {
      const context = body.context;
      const raw = (body['message'] as { order?: Record<string, unknown> } | undefined)?.order;
      const orderId = raw?.['id'];
      const order = readOrder(body['message']);
      if (!order || typeof orderId !== 'string' || !orderId.trim()) {
        return nack('JSON-SCHEMA-ERROR', '30000', 'message.order needs id, provider.id and items[] with id and quantity.count');
      }
      if (order.providerId !== opts.provider.id) return foreignProvider(order.providerId);
      const existing = book.find(context.bap_id, orderId);
      if (existing) return replayConfirm(context, existing);
      const initRecord = book.initOf(context.transaction_id, context.bap_id);
      // Out of sequence: there are no terms to confirm against, so no order can be answered with.
      if (!initRecord) return nack('CONTEXT-ERROR', '30000', `No successful init in transaction ${context.transaction_id}: init before confirm`);
      const { parts, problems } = readCheckout(body['message']);
      if (problems.length > 0) return nack('JSON-SCHEMA-ERROR', '30000', problems.join('; '));
      const refusal = confirmRefusal({ init: initRecord, lines: order.lines, quote: raw?.['quote'], payment: parts.payment, provider: opts.provider, products: byItemId });
      const reply = replyContext(context);
      if (refusal) {
        setImmediate(() => void send(reply, { order: { id: orderId } }, refusal));
        return ack();
      }
      const placed = place({ orderId, context, reply, init: initRecord, parts, raw: raw ?? {} });
      setImmediate(() => void send(reply, { order: placed.wire }));
      return ack();
    },
  };

  /** The same order id again answers with the order already placed: nothing is created or taken twice. */
  function replayConfirm(context: BecknContext, existing: SellerOrder) {
    if (existing.transactionId !== context.transaction_id) {
      return nack('CONTEXT-ERROR', '30000', `Order id ${existing.id} belongs to another transaction of this buyer app`);
    }
    setImmediate(() => void callback(context, { order: existing.wire }));
    return ack();
  }

  function place(args: { orderId: string; context: BecknContext; reply: BecknContext; init: InitRecord; parts: CheckoutParts; raw: Record<string, unknown> }): SellerOrder {
    const { init } = args;
    const changed: Product[] = [];
    const at = opts.now().toISOString();
    for (const line of init.lines) {
      const product = byItemId.get(line.itemId);
      if (!product) continue;
      product.stock -= line.count;
      product.updatedAt = at;
      changed.push({ ...product });
    }
    setImmediate(() => void pushChanges(changed));
    const createdAt = typeof args.raw['created_at'] === 'string' ? args.raw['created_at'] : args.context.timestamp;
    const wire = confirmedOrder({
      orderId: args.orderId,
      provider: opts.provider,
      store: storeFor(init.locationId),
      init,
      parts: args.parts,
      tags: args.raw['tags'],
      createdAt,
      at: args.reply.timestamp,
      fulfillmentId,
      products: ordered(init.lines),
    });
    const order: SellerOrder = {
      id: args.orderId,
      transactionId: init.transactionId,
      bapId: init.bapId,
      state: 'Accepted',
      lines: init.lines,
      wire,
      context: args.reply,
    };
    book.add(order);
    progression.start(order, (step) => sendStatus(order, step));
    return order;
  }

  /** The context of a message the seller sends on its own: a fresh message id, later than all else in the transaction. */
  function unsolicited(order: SellerOrder, action: 'on_status' | 'on_cancel' | 'on_update'): BecknContext {
    return buildContext({
      domain: order.context.domain,
      city: order.context.city,
      action,
      coreVersion: order.context.core_version as CoreVersion,
      bap: { subscriberId: order.context.bap_id, uri: order.context.bap_uri },
      bpp: self(),
      transactionId: order.transactionId,
      now: opts.now(),
      after: order.context.timestamp,
    });
  }

  /** An unsolicited on_status for the next delivery step. */
  async function sendStatus(order: SellerOrder, step: (typeof FULFILLMENT_STEPS)[number]): Promise<void> {
    // a step already timed when the order was cancelled must not undo the cancellation
    if (order.state === 'Cancelled') return;
    const context = unsolicited(order, 'on_status');
    order.wire = advance(order, step, context.timestamp, `${opts.url()}/invoices/${encodeURIComponent(order.id)}.pdf`);
    order.state = step.order;
    order.context = { ...order.context, timestamp: context.timestamp };
    await send(context, { order: order.wire });
  }

  function storeFor(locationId: string): Store {
    const found = stores.locations.find((l) => l.id === locationId) ?? stores.locations[0];
    if (!found) throw new Error(`provider ${opts.provider.id} publishes no location`);
    return { location: found, contact: stores.contact, name: opts.provider.name };
  }

  const status: SignedRoute = {
    action: 'status',
    handle: async ({ body }) => {
      const context = body.context;
      const orderId = (body['message'] as { order_id?: unknown } | undefined)?.order_id;
      if (typeof orderId !== 'string' || !orderId.trim()) return nack('JSON-SCHEMA-ERROR', '30000', 'message.order_id is required');
      const found = book.find(context.bap_id, orderId);
      if (!found || found.transactionId !== context.transaction_id) {
        const error: OndcError = { type: 'DOMAIN-ERROR', code: '30018', message: `Order ${orderId} not found in transaction ${context.transaction_id}` };
        setImmediate(() => void callback(context, { order: { id: orderId } }, error));
      } else {
        setImmediate(() => void callback(context, { order: found.wire }));
      }
      return ack();
    },
  };

  /** The order the request names, in the request's own transaction; or the callback error saying it is not. */
  function orderOf(context: BecknContext, message: unknown): SellerOrder | OndcError {
    const orderId = (message as { order_id?: unknown } | undefined)?.order_id;
    const found = typeof orderId === 'string' ? book.find(context.bap_id, orderId) : undefined;
    if (!found || found.transactionId !== context.transaction_id) {
      return { type: 'DOMAIN-ERROR', code: '30018', message: `Order ${String(orderId)} not found in transaction ${context.transaction_id}` };
    }
    return found;
  }

  /** Where the delivery is: at the store until pickup, then moving toward the buyer, there once delivered. */
  function whereIs(order: SellerOrder): { gps: string; active: boolean } {
    const fulfillment = (order.wire['fulfillments'] as Array<Record<string, any>> | undefined)?.[0];
    const from = String(fulfillment?.['start']?.location?.gps ?? '0,0').split(',').map(Number) as [number, number];
    const to = String(fulfillment?.['end']?.location?.gps ?? from.join(',')).split(',').map(Number) as [number, number];
    const code = fulfillment?.['state']?.descriptor?.code as string | undefined;
    const share = code === 'Order-picked-up' ? 0.2 : code === 'Out-for-delivery' ? 0.6 : code === 'Order-delivered' ? 1 : 0;
    const at = (i: 0 | 1) => (from[i] + (to[i] - from[i]) * share).toFixed(6);
    return { gps: `${at(0)},${at(1)}`, active: share > 0 && share < 1 };
  }

  const track: SignedRoute = {
    action: 'track',
    handle: async ({ body }) => {
      const context = body.context;
      if (typeof (body['message'] as { order_id?: unknown } | undefined)?.order_id !== 'string') {
        return nack('JSON-SCHEMA-ERROR', '30000', 'message.order_id is required');
      }
      const order = orderOf(context, body['message']);
      if ('code' in order) {
        setImmediate(() => void callback(context, { tracking: { status: 'inactive' } }, order as OndcError));
        return ack();
      }
      const where = whereIs(order);
      const tracking = {
        id: fulfillmentId,
        url: `${opts.url()}/track/${encodeURIComponent(order.id)}`,
        location: { gps: where.gps, time: { timestamp: opts.now().toISOString() }, updated_at: opts.now().toISOString() },
        status: where.active ? 'active' : 'inactive',
      };
      setImmediate(() => void callback(context, { tracking }));
      return ack();
    },
  };

  /** The order as Cancelled: by whom and why, its fulfillment cancelled too; the progression stops. */
  function cancelled(order: SellerOrder, by: string, reasonId: string, at: string): Record<string, unknown> {
    const wire = structuredClone(order.wire) as Record<string, any>;
    wire['state'] = 'Cancelled';
    wire['updated_at'] = at;
    wire['cancellation'] = { cancelled_by: by, reason: { id: reasonId } };
    const fulfillment = (wire['fulfillments'] as Array<Record<string, any>> | undefined)?.[0];
    if (fulfillment) fulfillment['state'] = { descriptor: { code: 'Cancelled' } };
    order.wire = wire;
    order.state = 'Cancelled';
    // the stock goes back on the shelf, and buyer apps that asked for changes hear of it
    const back: Product[] = [];
    for (const line of order.lines) {
      const product = byItemId.get(line.itemId);
      if (!product) continue;
      product.stock += line.count;
      product.updatedAt = at;
      back.push({ ...product });
    }
    setImmediate(() => void pushChanges(back));
    return wire;
  }

  /** Picked up or later, an order is on its way: ONDC's 50001, cancellation not possible. */
  const cancellable = (order: SellerOrder) => order.state === 'Created' || order.state === 'Accepted';

  const cancel: SignedRoute = {
    action: 'cancel',
    handle: async ({ body }) => {
      const context = body.context;
      const message = body['message'] as { order_id?: unknown; cancellation_reason_id?: unknown } | undefined;
      const reason = message?.cancellation_reason_id;
      if (typeof message?.order_id !== 'string' || typeof reason !== 'string') {
        return nack('JSON-SCHEMA-ERROR', '30000', 'message.order_id and message.cancellation_reason_id are required');
      }
      if (!BUYER_CANCEL_REASONS.includes(reason as never)) {
        return nack('DOMAIN-ERROR', '30000', `cancellation_reason_id ${reason} is not a buyer's reason; a buyer cancels for ${BUYER_CANCEL_REASONS.join(' or ')}`);
      }
      const order = orderOf(context, message);
      if ('code' in order) {
        setImmediate(() => void callback(context, { order: { id: message.order_id } }, order as OndcError));
        return ack();
      }
      if (order.state === 'Cancelled') {
        setImmediate(() => void callback(context, { order: order.wire }));
        return ack();
      }
      if (!cancellable(order)) {
        const error: OndcError = { type: 'DOMAIN-ERROR', code: '50001', message: `Cancellation not possible: order ${order.id} is ${order.state}` };
        setImmediate(() => void callback(context, { order: order.wire }, error));
        return ack();
      }
      const reply = replyContext(context);
      const wire = cancelled(order, context.bap_id, reason, reply.timestamp);
      order.context = { ...order.context, timestamp: reply.timestamp };
      setImmediate(() => void send(reply, { order: wire }));
      return ack();
    },
  };

  /** The seller cancels on its own (item unavailable, payment failed…): an unsolicited on_cancel. */
  async function cancelBySeller(bapId: string, orderId: string, reasonId: string): Promise<boolean> {
    const order = book.find(bapId, orderId);
    if (!order || !cancellable(order)) return false;
    const context = unsolicited(order, 'on_cancel');
    const wire = cancelled(order, subscriberId, reasonId, context.timestamp);
    order.context = { ...order.context, timestamp: context.timestamp };
    await send(context, { order: wire });
    return true;
  }

  const support: SignedRoute = {
    action: 'support',
    handle: async ({ body }) => {
      const context = body.context;
      const refId = (body['message'] as { ref_id?: unknown } | undefined)?.ref_id;
      if (typeof refId !== 'string' || !refId.trim()) return nack('JSON-SCHEMA-ERROR', '30000', 'message.ref_id is required');
      const { phone, email } = stores.contact as { phone: string; email: string };
      setImmediate(() => void callback(context, { phone, email, uri: `tel:${phone}` }));
      return ack();
    },
  };

  /** Ratings of a completed order: 1 to 5 for the order, its delivery and the seller. */
  const rating: SignedRoute = {
    action: 'rating',
    handle: async ({ body }) => {
      const context = body.context;
      const ratings = (body['message'] as { ratings?: unknown } | undefined)?.ratings;
      if (!Array.isArray(ratings) || ratings.length === 0) return nack('JSON-SCHEMA-ERROR', '30000', 'message.ratings is required');
      const bad = ratings.find((r: { value?: unknown }) => !/^[1-5]$/.test(String(r?.value)));
      if (bad) return nack('JSON-SCHEMA-ERROR', '30000', `a rating value is 1 to 5, not ${String((bad as { value?: unknown }).value)}`);
      const orderRating = ratings.find((r: { rating_category?: unknown }) => r?.rating_category === 'Order') as { id?: unknown } | undefined;
      const order = typeof orderRating?.id === 'string' ? book.find(context.bap_id, orderRating.id) : undefined;
      if (!order || order.transactionId !== context.transaction_id) {
        const error: OndcError = { type: 'DOMAIN-ERROR', code: '30018', message: `No order ${String(orderRating?.id)} to rate in this transaction` };
        setImmediate(() => void callback(context, { feedback_ack: false, rating_ack: false }, error));
        return ack();
      }
      setImmediate(() => void callback(context, { feedback_ack: true, rating_ack: true }));
      return ack();
    },
  };

  /** A return's life at the seller, one step per status tick after the request: approved, picked up, delivered back. */
  const RETURN_STEPS = ['Return_Approved', 'Return_Picked', 'Return_Delivered'] as const;

  function returnFulfillment(r: { id: string; itemId: string; count: number; reasonId: string; reasonText: string }, state: string) {
    return {
      id: r.id,
      type: 'Return',
      state: { descriptor: { code: state } },
      tags: [
        {
          code: 'return_request',
          list: [
            { code: 'id', value: r.id },
            { code: 'item_id', value: r.itemId },
            { code: 'item_quantity', value: String(r.count) },
            { code: 'reason_id', value: r.reasonId },
            { code: 'reason_desc', value: r.reasonText },
          ],
        },
      ],
    };
  }

  /** The order with the return's fulfillment at `state`; once delivered back, a refund line and a lower total. */
  function withReturn(order: SellerOrder, r: { id: string; itemId: string; count: number; reasonId: string; reasonText: string; unitPaise: number }, state: string, at: string) {
    const wire = structuredClone(order.wire) as Record<string, any>;
    wire['updated_at'] = at;
    const others = (wire['fulfillments'] as Array<Record<string, any>>).filter((f) => f['id'] !== r.id);
    wire['fulfillments'] = [...others, returnFulfillment(r, state)];
    if (state === 'Return_Delivered') {
      const refund = r.unitPaise * r.count;
      const quote = wire['quote'] as { price: { value: string }; breakup: Array<Record<string, unknown>> };
      quote.breakup = [
        ...quote.breakup,
        {
          '@ondc/org/item_id': r.itemId,
          '@ondc/org/item_quantity': { count: r.count },
          '@ondc/org/title_type': 'refund',
          title: 'Refund',
          price: { currency: 'INR', value: `-${rupeesString(refund)}` },
        },
      ];
      quote.price.value = rupeesString(Math.round(Number(quote.price.value) * 100) - refund);
    }
    order.wire = wire;
    return wire;
  }

  const update: SignedRoute = {
    action: 'update',
    handle: async ({ body }) => {
      const context = body.context;
      const message = body['message'] as { update_target?: unknown; order?: { id?: unknown; fulfillments?: Array<{ type?: unknown; tags?: unknown }> } } | undefined;
      const requested = message?.order?.fulfillments?.find((f) => f?.type === 'Return');
      const list = (Array.isArray(requested?.tags) ? (requested.tags as Array<{ code?: string; list?: Array<{ code?: string; value?: string }> }>) : [])
        .find((t) => t.code === 'return_request')?.list;
      const field = (code: string) => list?.find((e) => e.code === code)?.value;
      const count = Number(field('item_quantity'));
      const r = { id: field('id') ?? '', itemId: field('item_id') ?? '', count, reasonId: field('reason_id') ?? '', reasonText: field('reason_desc') ?? '' };
      if (message?.update_target !== 'item' || !r.id || !r.itemId || !Number.isInteger(count) || count < 1 || !/^\d{3}$/.test(r.reasonId)) {
        return nack('JSON-SCHEMA-ERROR', '30000', 'a return is update_target "item" with a Return fulfillment tagged return_request (id, item_id, item_quantity, reason_id)');
      }
      const order = orderOf(context, { order_id: message?.order?.id });
      const refuse = (code: string, text: string) => {
        setImmediate(() => void callback(context, { order: 'code' in order ? { id: message?.order?.id } : order.wire }, { type: 'DOMAIN-ERROR', code, message: text }));
        return ack();
      };
      if ('code' in order) return refuse(order.code, order.message ?? 'order not found');
      if (order.state !== 'Completed') return refuse('30000', `Order ${order.id} is ${order.state}: only delivered orders take returns`);
      const line = order.lines.find((l) => l.itemId === r.itemId);
      const product = byItemId.get(r.itemId);
      if (!line || !product) return refuse('30004', `Item ${r.itemId} is not in order ${order.id}`);
      if (count > line.count) return refuse('30000', `Order ${order.id} has ${line.count} of ${r.itemId}, fewer than the ${count} to return`);
      if (!product.returnable) return refuse('30000', `${product.name} is not returnable`);
      const reply = replyContext(context);
      const accepted = { ...r, unitPaise: product.pricePaise };
      const wire = withReturn(order, accepted, 'Return_Initiated', reply.timestamp);
      order.context = { ...order.context, timestamp: reply.timestamp };
      setImmediate(() => void send(reply, { order: wire }));
      // then, on the status clock, unsolicited on_update messages: approved, picked up, delivered back with the refund
      let step = 0;
      const next = () => {
        const state = RETURN_STEPS[step++];
        if (!state) return;
        const timer = setTimeout(() => {
          const ctx = unsolicited(order, 'on_update');
          order.context = { ...order.context, timestamp: ctx.timestamp };
          void send(ctx, { order: withReturn(order, accepted, state, ctx.timestamp) }).then(next);
        }, opts.statusStepMs);
        timer.unref();
      };
      next();
      return ack();
    },
  };

  /** Complaints (IGM 1.0.0): acknowledged as PROCESSING at once, RESOLVED one status step later. */
  const issues = new Map<string, { bapId: string; orderId: string; openedAt: string; resolvedAt?: string; refundPaise: number; category: string }>();
  const respondent = () => {
    const { phone, email } = stores.contact as { phone: string; email: string };
    return { org: { name: `${subscriberId}::${opts.provider.domain}` }, contact: { phone, email }, person: { name: `${opts.provider.name} support` } };
  };

  function issueAnswer(issueId: string, at: string) {
    const held = issues.get(issueId)!;
    const actions = [
      { respondent_action: 'PROCESSING', short_desc: 'We are looking into your complaint', updated_at: held.openedAt, updated_by: respondent(), cascaded_level: 1 },
      ...(held.resolvedAt
        ? [{ respondent_action: 'RESOLVED', short_desc: 'Complaint resolved', updated_at: held.resolvedAt, updated_by: respondent(), cascaded_level: 1 }]
        : []),
    ];
    return {
      issue: {
        id: issueId,
        issue_actions: { respondent_actions: actions },
        resolution_provider: {
          respondent_info: {
            type: 'TRANSACTION-COUNTERPARTY-NP',
            organization: respondent(),
            resolution_support: { contact: respondent().contact, gros: [{ person: { name: 'Grievance officer' }, contact: respondent().contact, gro_type: 'TRANSACTION-COUNTERPARTY-NP-GRO' }] },
          },
        },
        ...(held.resolvedAt
          ? {
              resolution: held.refundPaise > 0
                ? { short_desc: 'Refund for the item', long_desc: `A refund of ₹${rupeesString(held.refundPaise)} was made`, action_triggered: 'REFUND', refund_amount: rupeesString(held.refundPaise) }
                : { short_desc: 'Resolved', long_desc: 'The seller resolved the complaint', action_triggered: 'NO-ACTION' },
            }
          : {}),
        created_at: held.openedAt,
        updated_at: held.resolvedAt ?? at,
      },
    };
  }

  const issue: SignedRoute = {
    action: 'issue',
    handle: async ({ body }) => {
      const context = body.context;
      const raw = (body['message'] as { issue?: Record<string, any> } | undefined)?.issue;
      const issueId = raw?.['id'];
      const orderId = raw?.['order_details']?.['id'];
      if (typeof issueId !== 'string' || typeof orderId !== 'string' || typeof raw?.['category'] !== 'string') {
        return nack('JSON-SCHEMA-ERROR', '30000', 'message.issue needs id, category and order_details.id');
      }
      const order = book.find(context.bap_id, orderId);
      if (!order) {
        const error: OndcError = { type: 'DOMAIN-ERROR', code: '30018', message: `Order ${orderId} not found` };
        setImmediate(() => void callback(context, { issue: { id: issueId } }, error));
        return ack();
      }
      if (!issues.has(issueId)) {
        // an item complaint is settled with a refund of the items named; anything else without money
        const items = Array.isArray(raw['order_details']?.['items']) ? (raw['order_details']['items'] as Array<{ id?: string; quantity?: number }>) : [];
        const refundPaise = raw['category'] === 'ITEM'
          ? items.reduce((sum, i) => sum + (byItemId.get(String(i.id))?.pricePaise ?? 0) * Math.max(1, Number(i.quantity ?? 1)), 0)
          : 0;
        issues.set(issueId, { bapId: context.bap_id, orderId, openedAt: opts.now().toISOString(), refundPaise, category: raw['category'] as string });
        const timer = setTimeout(() => {
          const held = issues.get(issueId);
          if (held) held.resolvedAt = opts.now().toISOString();
        }, opts.statusStepMs);
        timer.unref();
      }
      const reply = replyContext(context);
      setImmediate(() => void send(reply, issueAnswer(issueId, reply.timestamp)));
      return ack();
    },
  };

  const issueStatus: SignedRoute = {
    action: 'issue_status',
    handle: async ({ body }) => {
      const context = body.context;
      const issueId = (body['message'] as { issue_id?: unknown } | undefined)?.issue_id;
      if (typeof issueId !== 'string') return nack('JSON-SCHEMA-ERROR', '30000', 'message.issue_id is required');
      const held = issues.get(issueId);
      if (!held || held.bapId !== context.bap_id) {
        const error: OndcError = { type: 'DOMAIN-ERROR', code: '30018', message: `Issue ${issueId} not found` };
        setImmediate(() => void callback(context, { issue: { id: issueId } }, error));
        return ack();
      }
      const reply = replyContext(context);
      setImmediate(() => void send(reply, issueAnswer(issueId, reply.timestamp)));
      return ack();
    },
  };

  return {
    id: subscriberId,
    routes: [search, select, init, confirm, status, track, cancel, support, rating, update, issue, issueStatus],
    cancelBySeller,
    close: () => progression.stop(),
  };
}

/** The provider's stores and contact exactly as its catalog publishes them, so on_confirm agrees with on_search. */
function publishedStores(provider: Provider, bppId: string) {
  const published = onSearchCatalog({ bppId, providers: [provider], products: [], coreVersion: '1.2.0' })['bpp/providers'][0];
  const contact = published?.fulfillments[0]?.contact;
  if (!published || !contact) throw new Error(`the catalog of ${provider.id} publishes no delivery contact`);
  return { locations: published.locations.map(({ time: _time, circle: _circle, ...location }) => location), contact };
}
