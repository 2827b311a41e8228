/**
 * The core's NetworkPort over the native buyer app: each checkout step is one signed request to the seller app
 * and its verified callback, turned into the core's terms (paise, our quote lines, refusals in plain words).
 */
import type {
  IssueState,
  DeliveryDetails,
  Exchange,
  NetworkPort,
  OrderItemRef,
  QuoteLine,
  SellerQuote,
  SellerRef,
  SellerRefusal,
} from '../core/ports.js';
import { DomainError } from '../core/errors.js';
import { NetworkError, type BuyerApp, type CallbackBody } from './buyer.js';
import { IGM_VERSION, newTransactionId, type BecknContext } from './context.js';
import { durationMs } from './duration.js';
import { returnsOf } from './order-updates.js';
import { Limiter, OpenCircuitError } from './resilience.js';
import { exportCertification, type FlowLogStores } from './flow-log.js';
import {
  confirmMessage,
  initMessage,
  selectMessage,
  statusMessage,
  trackMessage,
  cancelMessage,
  supportMessage,
  ratingMessage,
  returnMessage,
  issueMessage,
  issueStatusMessage,
  type BuyerCancelReason,
  type InitRequest,
  type OnInitOrder,
  type WireQuote,
} from './messages.js';

const DEFAULT_QUOTE_TTL = 'PT1H';

/** What a seller's error code means to a shopper. */
const REFUSALS: Record<string, string> = {
  '40002': 'some items are not available in the quantity asked',
  '30009': 'the seller does not deliver to this pincode',
  '30023': 'the order is below the seller\'s minimum order value',
  '30004': 'an item is no longer sold',
  '40003': 'the quote is no longer valid',
  '40004': 'the seller does not accept this payment type',
  '30018': 'the seller does not know this order',
  '30019': 'the seller could not accept the order as sent',
};

export function refusalOf(body: CallbackBody): SellerRefusal | undefined {
  if (!body.error) return undefined;
  const known = REFUSALS[body.error.code];
  const detail = body.error.message ? ` (${body.error.message})` : '';
  return { code: body.error.code, message: `${known ?? 'the seller refused'}${detail}` };
}

/** Exact rupee strings to paise; ONDC amounts carry at most two decimals. */
export function paiseOf(value: string | undefined): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value ?? '');
  if (!m) throw new Error(`not an ONDC amount: ${JSON.stringify(value)}`);
  const paise = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -paise : paise;
}

type QuotedBody = CallbackBody<{ order?: { quote?: Partial<WireQuote> } }>;

export function quoteOf(body: QuotedBody): SellerQuote {
  const quote = body.message?.order?.quote ?? {};
  const lines: QuoteLine[] = (quote.breakup ?? []).map((raw) => {
    const l = raw as Record<string, any>;
    const count = l['@ondc/org/item_quantity']?.count;
    return {
      type: String(l['@ondc/org/title_type'] ?? 'misc'),
      title: String(l['title'] ?? ''),
      itemId: String(l['@ondc/org/item_id'] ?? ''),
      ...(typeof count === 'number' ? { quantity: count } : {}),
      pricePaise: paiseOf(l['price']?.value),
    };
  });
  const ttlMs = durationMs(quote.ttl ?? DEFAULT_QUOTE_TTL) ?? (durationMs(DEFAULT_QUOTE_TTL) as number);
  return {
    totalPaise: quote.price?.value === undefined ? lines.reduce((n, l) => n + l.pricePaise, 0) : paiseOf(quote.price.value),
    lines,
    expiresAt: new Date(Date.parse(body.context.timestamp) + ttlMs).toISOString(),
  };
}

export function exchangeAfter(body: CallbackBody): Exchange {
  return { transactionId: body.context.transaction_id, lastTimestamp: body.context.timestamp };
}

/** What the buyer app keeps between init and confirm: the init it sent and the seller's on_init terms. */
interface InitTerms {
  request: InitRequest;
  onInit: OnInitOrder;
}

/** The seller names its delivery fulfillment in on_select; the quote's delivery line carries that id. */
function fulfillmentIdOf(quote: SellerQuote | undefined, seller: SellerRef): string {
  return quote?.lines.find((l) => l.type === 'delivery')?.itemId || `${seller.providerId}-delivery`;
}

function initRequest(args: {
  seller: SellerRef;
  items: OrderItemRef[];
  delivery: DeliveryDetails;
  fulfillmentId: string;
  cashOnDelivery: boolean;
  billingAt: string;
}): InitRequest {
  const d = args.delivery;
  const party = {
    name: d.name,
    address: { name: d.house, building: d.building, locality: d.locality, city: d.city, state: d.state, areaCode: d.pincode },
    phone: d.phone,
    email: d.email,
  };
  return {
    providerId: args.seller.providerId,
    locationId: args.seller.locationId,
    fulfillmentId: args.fulfillmentId,
    items: args.items.map((i) => ({ itemId: i.itemId, count: i.count })),
    billing: party,
    billingAt: args.billingAt,
    delivery: { ...party, gps: d.gps },
    ...(args.cashOnDelivery ? { paymentType: 'ON-FULFILLMENT' as const } : {}),
  };
}

export interface NetworkPortOptions {
  deadlineMs: number;
  flowLogs: FlowLogStores;
  /** This buyer app's GSTIN, stated in bap_terms at confirm. */
  bapTaxNumber: string;
  /** Most checkout and after-order round trips in flight at once (MAX_CONCURRENT_REQUESTS); 64 when not given. */
  maxRoundTrips?: number;
}

const DEFAULT_MAX_ROUND_TRIPS = 64;

/**
 * A seller that cannot be reached or does not answer is the network's failure, not the shopper's: 503 to retry.
 * While the seller's circuit breaker is open the retry hint is the time until it lets a trial through.
 */
async function answered<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    const open = err.cause instanceof OpenCircuitError ? { retry_after_seconds: Math.max(1, Math.ceil(err.cause.retryInMs / 1000)) } : undefined;
    throw new DomainError('NETWORK_UNAVAILABLE', `${err.message}. Nothing was placed; try again in a moment.`, open);
  }
}

/**
 * Bounds whole round trips (request, ACK, callback) in flight: `max` in all and half of that per seller app. The
 * buyer app's own bound covers only sending, the few milliseconds until the ACK; without this one, a burst of
 * checkouts puts every round trip in flight at once, their callbacks queue behind one another in this process,
 * and the callback deadline expires for answers the sellers sent in time. Waiting here for a turn does not count
 * against that deadline, and a seller that is slow to answer holds at most half the turns, so the others still
 * get through.
 */
function roundTrips(buyer: BuyerApp, max: number) {
  const all = new Limiter(max);
  const perSeller = new Map<string, Limiter>();
  return <T>(args: Parameters<BuyerApp['call']>[0]): Promise<CallbackBody<T>> => {
    let seller = perSeller.get(args.bppId);
    if (!seller) perSeller.set(args.bppId, (seller = new Limiter(Math.max(1, Math.floor(max / 2)))));
    return answered(seller.run(() => all.run(() => buyer.call<T>(args))));
  };
}

export function createNetworkPort(buyer: BuyerApp, opts: NetworkPortOptions): NetworkPort {
  const { deadlineMs } = opts;
  const roundTrip = roundTrips(buyer, opts.maxRoundTrips ?? DEFAULT_MAX_ROUND_TRIPS);
  const after = (e: Exchange) => (e.lastTimestamp ? e.lastTimestamp : undefined);
  const route = (seller: SellerRef, exchange: Exchange) => ({
    bppId: seller.bppId,
    domain: seller.domain,
    city: seller.city,
    transactionId: exchange.transactionId,
    after: after(exchange),
    deadlineMs,
  });

  return {
    newTransactionId,

    async select({ exchange, seller, items, pincode, gps }) {
      const body = await roundTrip<{ order?: { quote?: Partial<WireQuote> } }>({
        action: 'select',
        ...route(seller, exchange),
        message: selectMessage({ providerId: seller.providerId, locationId: seller.locationId, items, areaCode: pincode, gps }),
      });
      const refusal = refusalOf(body);
      return { exchange: exchangeAfter(body), quote: quoteOf(body), ...(refusal ? { refusal } : {}) };
    },

    async init({ exchange, seller, items, delivery, cashOnDelivery, quote }) {
      const request = initRequest({
        seller,
        items,
        delivery,
        fulfillmentId: fulfillmentIdOf(quote, seller),
        cashOnDelivery,
        billingAt: exchange.lastTimestamp || new Date().toISOString(),
      });
      const body = await roundTrip<{ order?: Partial<OnInitOrder> }>({
        action: 'init',
        ...route(seller, exchange),
        message: initMessage(request),
      });
      const refusal = refusalOf(body);
      const order = body.message?.order;
      const terms: InitTerms = {
        request,
        onInit: { quote: order?.quote as WireQuote, payment: order?.payment ?? {}, ...(order?.tags ? { tags: order.tags } : {}) },
      };
      return { exchange: exchangeAfter(body), quote: quoteOf(body as QuotedBody), terms, ...(refusal ? { refusal } : {}) };
    },

    async confirm({ exchange, seller, orderId, delivery, terms, payment }) {
      const { request, onInit } = terms as InitTerms;
      const body = await roundTrip<{ order?: { state?: string } }>({
        action: 'confirm',
        ...route(seller, exchange),
        message: (context: BecknContext) =>
          confirmMessage({
            orderId,
            init: request,
            onInit,
            payment: payment.cashOnDelivery ? { status: 'NOT-PAID' } : { status: 'PAID', transactionId: payment.transactionId },
            bapTaxNumber: opts.bapTaxNumber,
            recipientName: delivery.name,
            at: context.timestamp,
          }),
      });
      const refusal = refusalOf(body);
      const state = body.message?.order?.state;
      return { exchange: exchangeAfter(body), ...(state ? { state } : {}), ...(refusal ? { refusal } : {}) };
    },

    async certificationLog(args) {
      const doc = await exportCertification(opts.flowLogs, args);
      return doc ? { ...doc } : null;
    },

    async track({ exchange, seller, orderId }) {
      const body = await roundTrip<{
        tracking?: { status?: string; url?: string; location?: { gps?: string; time?: { timestamp?: string } } };
      }>({
        action: 'track',
        ...route(seller, exchange),
        message: trackMessage(orderId),
      });
      const refusal = refusalOf(body);
      const t = body.message?.tracking;
      return {
        exchange: exchangeAfter(body),
        ...(t && !refusal
          ? {
              tracking: {
                status: t.status === 'active' ? ('active' as const) : ('inactive' as const),
                ...(typeof t.url === 'string' ? { url: t.url } : {}),
                ...(typeof t.location?.gps === 'string' ? { gps: t.location.gps } : {}),
                ...(typeof t.location?.time?.timestamp === 'string' ? { at: t.location.time.timestamp } : {}),
              },
            }
          : {}),
        ...(refusal ? { refusal } : {}),
      };
    },

    async cancel({ exchange, seller, orderId, reasonId }) {
      const body = await roundTrip<{
        order?: { state?: string; cancellation?: { cancelled_by?: string; reason?: { id?: string } } };
      }>({
        action: 'cancel',
        ...route(seller, exchange),
        message: cancelMessage(orderId, reasonId as BuyerCancelReason),
      });
      const refusal = refusalOf(body);
      const order = body.message?.order;
      const by = order?.cancellation?.cancelled_by;
      const reason = order?.cancellation?.reason?.id;
      return {
        exchange: exchangeAfter(body),
        ...(order?.state && !refusal ? { state: order.state } : {}),
        ...(by && reason && !refusal ? { cancellation: { by, reasonId: reason } } : {}),
        ...(refusal ? { refusal } : {}),
      };
    },

    async returnItems({ exchange, seller, orderId, returnId, itemId, count, reasonId, reasonText }) {
      const body = await roundTrip<{ order?: unknown }>({
        action: 'update',
        ...route(seller, exchange),
        message: returnMessage({ orderId, returnId, itemId, count, reasonId, reasonText, images: [] }),
      });
      const refusal = refusalOf(body);
      const state = returnsOf(body.message?.order).find((r) => r.id === returnId)?.state;
      return { exchange: exchangeAfter(body), ...(state && !refusal ? { returnState: state } : {}), ...(refusal ? { refusal } : {}) };
    },

    async raiseIssue(args) {
      const at = new Date().toISOString();
      const body = await roundTrip<{ issue?: unknown }>({
        action: 'issue',
        ...route(args.seller, args.exchange),
        coreVersion: IGM_VERSION,
        message: issueMessage({
          issueId: args.issueId,
          category: args.category,
          subCategory: args.subCategory,
          bapId: buyer.subscriberId,
          domain: args.seller.domain,
          complainant: args.complainant,
          order: { ...args.order, providerId: args.seller.providerId, fulfillmentId: `${args.seller.providerId}-delivery` },
          shortDesc: args.shortDesc,
          longDesc: args.longDesc,
          at,
        }),
      });
      const refusal = refusalOf(body);
      const issue = issueStateOf(body.message?.issue);
      return { exchange: exchangeAfter(body), ...(issue && !refusal ? { issue } : {}), ...(refusal ? { refusal } : {}) };
    },

    async issueStatus({ exchange, seller, issueId }) {
      const body = await roundTrip<{ issue?: unknown }>({
        action: 'issue_status',
        ...route(seller, exchange),
        coreVersion: IGM_VERSION,
        message: issueStatusMessage(issueId),
      });
      const refusal = refusalOf(body);
      const issue = issueStateOf(body.message?.issue);
      return { exchange: exchangeAfter(body), ...(issue && !refusal ? { issue } : {}), ...(refusal ? { refusal } : {}) };
    },

    async support({ exchange, seller, orderId }) {
      const body = await roundTrip<{ phone?: string; email?: string; uri?: string }>({
        action: 'support',
        ...route(seller, exchange),
        message: supportMessage(orderId),
      });
      const refusal = refusalOf(body);
      const m = body.message ?? {};
      const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
      const contact = { ...(text(m.phone) ? { phone: m.phone } : {}), ...(text(m.email) ? { email: m.email } : {}), ...(text(m.uri) ? { uri: m.uri } : {}) };
      return { exchange: exchangeAfter(body), ...(refusal ? { refusal } : { contact }) };
    },

    async rate({ exchange, seller, ratings }) {
      const body = await roundTrip<{ rating_ack?: boolean }>({
        action: 'rating',
        ...route(seller, exchange),
        message: ratingMessage(ratings),
      });
      const refusal = refusalOf(body);
      return { exchange: exchangeAfter(body), accepted: !refusal && body.message?.rating_ack === true, ...(refusal ? { refusal } : {}) };
    },

    async status({ exchange, seller, orderId }) {
      const body = await roundTrip<{
        order?: { state?: string; fulfillments?: Array<{ state?: { descriptor?: { code?: string } } }> };
      }>({
        action: 'status',
        ...route(seller, exchange),
        message: statusMessage(orderId),
      });
      const refusal = refusalOf(body);
      const order = body.message?.order;
      const fulfillmentState = order?.fulfillments?.[0]?.state?.descriptor?.code;
      return {
        exchange: exchangeAfter(body),
        ...(order?.state ? { state: order.state } : {}),
        ...(fulfillmentState ? { fulfillmentState } : {}),
        ...(refusal ? { refusal } : {}),
      };
    },
  };
}

/** The respondent's latest action and any resolution of an IGM issue, read defensively (a buyer backend's too). */
export function issueStateOf(raw: unknown): IssueState | undefined {
  const issue = (raw ?? {}) as Record<string, any>;
  const actions = Array.isArray(issue['issue_actions']?.['respondent_actions']) ? (issue['issue_actions']['respondent_actions'] as Array<Record<string, any>>) : [];
  const last = actions.at(-1);
  if (!last || typeof last['respondent_action'] !== 'string') return undefined;
  const r = issue['resolution'] as Record<string, any> | undefined;
  const org = issue['resolution_provider']?.['respondent_info']?.['organization'] ?? last['updated_by'];
  return {
    status: last['respondent_action'],
    ...(r && typeof r['action_triggered'] === 'string'
      ? {
          resolution: {
            action: r['action_triggered'],
            text: String(r['long_desc'] ?? r['short_desc'] ?? ''),
            refundPaise: Math.round(Number(r['refund_amount'] ?? 0) * 100) || 0,
          },
        }
      : {}),
    ...(org?.['person']?.['name']
      ? { respondent: { name: String(org['person']['name']), ...(org['contact']?.['phone'] ? { phone: String(org['contact']['phone']) } : {}), ...(org['contact']?.['email'] ? { email: String(org['contact']['email']) } : {}) } }
      : {}),
    updatedAt: String(issue['updated_at'] ?? last['updated_at'] ?? ''),
  };
}
