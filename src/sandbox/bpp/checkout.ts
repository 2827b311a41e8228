/**
 * A sandbox seller's checkout, init to confirm, as pure functions: reading the buyer's order, the checks a real
 * ONDC retail seller app makes, and the orders it answers with (on_init, on_confirm), shaped like the
 * validator-clean samples.
 */
import type { Product, Provider } from '../../core/catalog.js';
import { rupeesString } from '../../core/money.js';
import type { OndcError } from '../../ondc/ack.js';
import type { CoreVersion } from '../../ondc/context.js';
import { durationMs } from '../../ondc/duration.js';
import { addressProblems, BUYER_FINDER_FEE, contactProblems, type PaymentType, type WireQuote } from '../../ondc/messages.js';
import type { WireContact, WireLocation } from '../../ondc/wire/catalog.js';
import type { InitRecord } from './orders.js';
import type { OrderLine, Quote } from './quote.js';
import { bppTerms, settlementDetails } from './terms.js';

const PAYMENT_TYPES: readonly string[] = ['ON-ORDER', 'ON-FULFILLMENT'] satisfies PaymentType[];
/** How long the rider has at the store to pick the order up once it is packed. */
const PICKUP_WINDOW_MS = 10 * 60_000;

type Json = Record<string, any>;

/** What an init or confirm adds to a select order: who pays, where it goes, how it is paid. */
export interface CheckoutParts {
  billing: Json;
  fulfillmentId: string | undefined;
  end: Json;
  payment: Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The billing, delivery end and payment of an init or confirm; problems name the field that is wrong. */
export function readCheckout(message: unknown): { parts: CheckoutParts; problems: string[] } {
  const order: Json = isObject(message) && isObject(message['order']) ? message['order'] : {};
  const billing: Json = isObject(order['billing']) ? order['billing'] : {};
  const fulfillment: Json = Array.isArray(order['fulfillments']) && isObject(order['fulfillments'][0]) ? order['fulfillments'][0] : {};
  const end: Json = isObject(fulfillment['end']) ? fulfillment['end'] : {};
  const problems = [
    ...(typeof billing['name'] === 'string' && billing['name'].trim() ? [] : ['order.billing.name is required']),
    ...addressProblems(billing['address'], 'order.billing.address'),
    ...contactProblems(billing, 'order.billing'),
    ...addressProblems(end['location']?.address, 'order.fulfillments[0].end.location.address'),
    ...(typeof end['location']?.gps === 'string' ? [] : ['order.fulfillments[0].end.location.gps is required']),
    ...(/^\d{10}$/.test(String(end['contact']?.phone)) ? [] : ['order.fulfillments[0].end.contact.phone must be 10 digits']),
  ];
  return {
    parts: {
      billing,
      fulfillmentId: typeof fulfillment['id'] === 'string' ? fulfillment['id'] : undefined,
      end,
      payment: isObject(order['payment']) ? order['payment'] : {},
    },
    problems,
  };
}

/** Prepaid unless the buyer asks for cash on delivery; anything else is a type the sandbox does not take. */
export function requestedPaymentType(payment: Json): string {
  return typeof payment['type'] === 'string' ? payment['type'] : 'ON-ORDER';
}

/** Cash on delivery needs the provider and every item in the order to allow it. */
export function paymentRefusal(type: string, provider: Provider, products: Product[]): OndcError | undefined {
  if (!PAYMENT_TYPES.includes(type)) {
    return { type: 'DOMAIN-ERROR', code: '40004', message: `Payment type ${type} is not supported; use ON-ORDER (prepaid) or ON-FULFILLMENT (cash on delivery)` };
  }
  if (type !== 'ON-FULFILLMENT') return undefined;
  if (!provider.cod) return { type: 'DOMAIN-ERROR', code: '40004', message: `${provider.name} does not accept cash on delivery (ON-FULFILLMENT)` };
  const prepaidOnly = products.filter((p) => !p.cod).map((p) => p.itemId);
  if (prepaidOnly.length > 0) {
    return { type: 'DOMAIN-ERROR', code: '40004', message: `Cash on delivery is not available for: ${prepaidOnly.join(', ')}` };
  }
  return undefined;
}

/** The quote as on_init and later carry it: the per-item stock figures belong to on_select only (as in the samples). */
export function checkoutQuote(quote: Quote, version: CoreVersion): WireQuote {
  return {
    price: { currency: 'INR', value: rupeesString(quote.totalPaise) },
    breakup: quote.breakup.map(({ item, ...line }) => (item ? { ...line, item: { price: item.price } } : line)),
    ttl: version === '1.2.5' ? 'P1D' : 'PT1H',
  };
}

function finderFee(received: Json) {
  const type = received['@ondc/org/buyer_app_finder_fee_type'];
  const amount = received['@ondc/org/buyer_app_finder_fee_amount'];
  // an init rarely restates the fee; then it is the one the buyer app announced with its searches
  return typeof type === 'string' && typeof amount === 'string' ? { type, amount } : BUYER_FINDER_FEE;
}

export function initPayment(provider: Provider, type: PaymentType, received: Json): Json {
  const fee = finderFee(received);
  return {
    type,
    // prepaid money is taken by the buyer app's gateway; cash on delivery by the seller's rider
    collected_by: type === 'ON-ORDER' ? 'BAP' : 'BPP',
    '@ondc/org/buyer_app_finder_fee_type': fee.type,
    '@ondc/org/buyer_app_finder_fee_amount': fee.amount,
    '@ondc/org/settlement_basis': 'delivery',
    '@ondc/org/settlement_window': 'P1D',
    '@ondc/org/withholding_amount': '0.00',
    '@ondc/org/settlement_details': settlementDetails(provider),
  };
}

export function onInitOrder(args: {
  provider: Provider;
  locationIds: string[];
  lines: OrderLine[];
  parts: CheckoutParts;
  fulfillmentId: string;
  quote: WireQuote;
  payment: Json;
}) {
  const { parts, fulfillmentId } = args;
  return {
    provider: { id: args.provider.id, locations: args.locationIds.map((id) => ({ id })) },
    items: args.lines.map((l) => ({ id: l.itemId, fulfillment_id: fulfillmentId, quantity: { count: l.count } })),
    billing: parts.billing,
    fulfillments: [{ id: fulfillmentId, type: 'Delivery', tracking: false, end: { location: parts.end['location'], contact: parts.end['contact'] } }],
    quote: args.quote,
    payment: args.payment,
    tags: [bppTerms(args.provider)],
  };
}

/** Key order does not matter when two JSON values are compared, values and array order do. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

const sameLines = (a: OrderLine[], b: OrderLine[]) =>
  a.length === b.length && a.every((l, i) => l.itemId === b[i]?.itemId && l.count === b[i]?.count);

const refuse = (code: string, message: string): OndcError => ({ type: 'DOMAIN-ERROR', code, message });

/**
 * Why a confirm cannot become an order on the terms given at init, or undefined when it can. The quote must come
 * back exactly as sent (40003); the cart must be the one quoted and the money right (30019); the payment type the
 * one agreed (40004); the stock still there (40002).
 */
export function confirmRefusal(args: {
  init: InitRecord;
  lines: OrderLine[];
  quote: unknown;
  payment: Json;
  provider: Provider;
  products: Map<string, Product>;
}): OndcError | undefined {
  const { init, payment } = args;
  if (!sameJson(args.quote, init.quote)) return refuse('40003', 'The quote in confirm is not the one sent in on_init; init again for a fresh quote');
  if (!sameLines(args.lines, init.lines)) return refuse('30019', 'The items in confirm are not the ones quoted at init');
  const type = requestedPaymentType(payment);
  if (type !== init.paymentType) return refuse('40004', `Payment type ${type} is not the ${init.paymentType} agreed at init`);
  const ordered = init.lines.map((l) => args.products.get(l.itemId)).filter((p): p is Product => p !== undefined);
  const refusal = paymentRefusal(type, args.provider, ordered);
  if (refusal) return refusal;
  const money = paymentProblem(init, payment);
  if (money) return refuse('30019', money);
  const short = init.lines.filter((l) => (args.products.get(l.itemId)?.stock ?? 0) < l.count).map((l) => l.itemId);
  if (short.length > 0) return refuse('40002', `Sold out since init: ${short.join(', ')}`);
  return undefined;
}

function paymentProblem(init: InitRecord, payment: Json): string | undefined {
  const status = payment['status'];
  const amount = payment['params']?.amount;
  const total = rupeesString(init.totalPaise);
  if (init.paymentType === 'ON-FULFILLMENT') {
    return status === 'NOT-PAID' ? undefined : `Cash on delivery is paid at the door: payment.status must be NOT-PAID, not ${String(status)}`;
  }
  if (status !== 'PAID') return `A prepaid (ON-ORDER) order must be PAID before confirm; payment.status is ${String(status)}`;
  if (typeof amount !== 'string' || Math.round(Number(amount) * 100) !== init.totalPaise || !/^\d+\.\d{2}$/.test(amount)) {
    return `payment.params.amount ${String(amount)} does not equal the quote total ${total}`;
  }
  return undefined;
}

/** The store the order ships from, as on_confirm's fulfillment start names it. */
export interface Store {
  location: Omit<WireLocation, 'time' | 'circle'>;
  contact: WireContact;
  name: string;
}

function timeRange(fromMs: number, toMs: number) {
  return { range: { start: new Date(fromMs).toISOString(), end: new Date(toMs).toISOString() } };
}

/** Pickup once the slowest item is ready; delivery from then until the turnaround promised in the quote. */
function windows(at: string, tat: string, products: Product[]) {
  const start = Date.parse(at);
  const ship = Math.max(0, ...products.map((p) => durationMs(p.timeToShip) ?? 0));
  const pickupEnd = start + ship + PICKUP_WINDOW_MS;
  return {
    pickup: timeRange(start + ship, pickupEnd),
    delivery: timeRange(pickupEnd, Math.max(pickupEnd, start + (durationMs(tat) ?? 0))),
  };
}

/** The order as on_confirm first states it; on_status repeats it. */
export function confirmedOrder(args: {
  orderId: string;
  provider: Provider;
  store: Store;
  init: InitRecord;
  parts: CheckoutParts;
  tags: unknown;
  createdAt: string;
  /** The on_confirm's context timestamp. */
  at: string;
  fulfillmentId: string;
  products: Product[];
}): Json {
  const { init, parts, store, fulfillmentId } = args;
  const times = windows(args.at, init.tat, args.products);
  const { location } = store;
  return {
    id: args.orderId,
    // the sandbox seller accepts every order it can fill at once
    state: 'Accepted',
    provider: { id: args.provider.id, locations: [{ id: init.locationId }] },
    items: init.lines.map((l) => ({ id: l.itemId, fulfillment_id: fulfillmentId, quantity: { count: l.count } })),
    billing: parts.billing,
    fulfillments: [
      {
        id: fulfillmentId,
        type: 'Delivery',
        tracking: false,
        '@ondc/org/provider_name': args.provider.name,
        '@ondc/org/TAT': init.tat,
        state: { descriptor: { code: 'Pending' } },
        start: {
          location: { id: location.id, descriptor: { name: store.name }, gps: location.gps, address: location.address },
          time: times.pickup,
          contact: store.contact,
        },
        end: { ...parts.end, time: times.delivery },
      },
    ],
    quote: init.quote,
    payment: parts.payment,
    ...(Array.isArray(args.tags) ? { tags: args.tags } : {}),
    created_at: args.createdAt,
    updated_at: args.at,
  };
}
