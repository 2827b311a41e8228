/** Message bodies the buyer app sends, shaped as in ONDC's validator-clean sample flows. */

export const BUYER_FINDER_FEE = { type: 'percent', amount: '3' } as const;

export interface SearchRequest {
  /** Narrow to items of this name; leave both out for a full catalog pull. */
  itemName?: string;
  categoryId?: string;
  /** Delivery point "lat,lon", when known. */
  gps?: string;
}

export function searchMessage(req: SearchRequest): { intent: Record<string, unknown> } {
  if (req.itemName && req.categoryId) throw new Error('a search names an item or a category, never both');
  const intent: Record<string, unknown> = {
    fulfillment: { type: 'Delivery', ...(req.gps ? { end: { location: { gps: req.gps } } } : {}) },
    payment: {
      '@ondc/org/buyer_app_finder_fee_type': BUYER_FINDER_FEE.type,
      '@ondc/org/buyer_app_finder_fee_amount': BUYER_FINDER_FEE.amount,
    },
  };
  if (req.itemName) intent['item'] = { descriptor: { name: req.itemName } };
  if (req.categoryId) intent['category'] = { id: req.categoryId };
  return { intent };
}

/**
 * ONDC's incremental catalog refresh, push mode: `start` asks every seller app of the domain and city to push
 * changed items as unsolicited on_search messages on this transaction until `stop`.
 */
export function catalogIncrementMessage(mode: 'start' | 'stop'): { intent: Record<string, unknown> } {
  return {
    intent: {
      payment: {
        '@ondc/org/buyer_app_finder_fee_type': BUYER_FINDER_FEE.type,
        '@ondc/org/buyer_app_finder_fee_amount': BUYER_FINDER_FEE.amount,
      },
      tags: [{ code: 'catalog_inc', list: [{ code: 'mode', value: mode }] }],
    },
  };
}

export interface SelectRequest {
  providerId: string;
  locationId: string;
  items: Array<{ itemId: string; count: number }>;
  /** Delivery pincode and point. */
  areaCode: string;
  gps: string;
}

/** One provider per select: a cart with items of two providers is two transactions. */
export function selectMessage(req: SelectRequest): { order: Record<string, unknown> } {
  return {
    order: {
      provider: { id: req.providerId, locations: [{ id: req.locationId }] },
      items: req.items.map((i) => ({ id: i.itemId, location_id: req.locationId, quantity: { count: i.count } })),
      fulfillments: [{ end: { location: { gps: req.gps, address: { area_code: req.areaCode } } } }],
    },
  };
}

// ---- init, confirm, status ----

export type PaymentType = 'ON-ORDER' | 'ON-FULFILLMENT';
export type PaymentStatus = 'PAID' | 'NOT-PAID';

/** A postal address as the buyer gives it. */
export interface PostalAddress {
  /** House, door or floor: ONDC's address `name`. */
  name: string;
  building: string;
  locality: string;
  city: string;
  state: string;
  /** The six-digit pincode. */
  areaCode: string;
}

/** A buyer's address as ONDC carries it in billing and in the delivery end. */
export interface WireBuyerAddress {
  name: string;
  building: string;
  locality: string;
  city: string;
  state: string;
  country: 'IND';
  area_code: string;
}

export interface WireBilling {
  name: string;
  address: WireBuyerAddress;
  phone: string;
  email: string;
  created_at: string;
  updated_at: string;
}

export interface WireTagList {
  code: string;
  list: Array<{ code: string; value: string }>;
}

export interface WireQuote {
  price: { currency: string; value: string };
  breakup: Array<Record<string, unknown> & { price: { currency: string; value: string } }>;
  ttl?: string;
}

/** A person the order is billed to or delivered to. */
export interface BuyerParty {
  name: string;
  address: PostalAddress;
  /** Ten digits, no country code. */
  phone: string;
  email: string;
}

export interface InitRequest {
  providerId: string;
  locationId: string;
  /** The delivery fulfillment the seller named in on_select. */
  fulfillmentId: string;
  items: Array<{ itemId: string; count: number }>;
  billing: BuyerParty;
  /** When the billing details were entered; init and confirm carry the same billing, its times included. */
  billingAt: string;
  /** Where the order goes: "lat,lon" and the address, with the receiver's contact. */
  delivery: BuyerParty & { gps: string };
  /** `ON-FULFILLMENT` asks for cash on delivery; left out, the seller takes the order as prepaid (`ON-ORDER`). */
  paymentType?: PaymentType;
}

const PINCODE = /^\d{6}$/;
const PHONE = /^\d{10}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** ONDC's limit on name + building + locality together. */
const MAX_ADDRESS_LINES = 190;
const MIN_ADDRESS_PART = 4;

/**
 * ONDC's address rules, one sentence per broken rule naming the field: name, building and locality each longer
 * than 3 characters and all different (validators refuse a form filled with one value thrice), together under
 * 190 characters, a six-digit pincode.
 */
export function addressProblems(address: Partial<Record<keyof WireBuyerAddress, unknown>> | undefined, field: string): string[] {
  if (!address || typeof address !== 'object') return [`${field} is required`];
  const problems: string[] = [];
  const parts = (['name', 'building', 'locality'] as const).map((k) => [k, typeof address[k] === 'string' ? (address[k] as string).trim() : ''] as const);
  for (const [key, value] of parts) {
    if (value.length < MIN_ADDRESS_PART) problems.push(`${field}.${key} must be longer than 3 characters`);
  }
  const distinct = new Set(parts.map(([, v]) => v.toLowerCase()));
  if (distinct.size < parts.length) problems.push(`${field}.name, building and locality must all be different`);
  const length = parts.reduce((n, [, v]) => n + v.length, 0);
  if (length >= MAX_ADDRESS_LINES) problems.push(`${field}.name, building and locality together must be under ${MAX_ADDRESS_LINES} characters (are ${length})`);
  for (const key of ['city', 'state'] as const) {
    if (typeof address[key] !== 'string' || !(address[key] as string).trim()) problems.push(`${field}.${key} is required`);
  }
  if (typeof address.area_code !== 'string' || !PINCODE.test(address.area_code)) problems.push(`${field}.area_code must be a 6-digit pincode`);
  return problems;
}

/** Phone and email of a contact; the same rules for billing and for the delivery end. */
export function contactProblems(contact: { phone?: unknown; email?: unknown } | undefined, field: string): string[] {
  const problems: string[] = [];
  if (typeof contact?.phone !== 'string' || !PHONE.test(contact.phone)) problems.push(`${field}.phone must be 10 digits`);
  if (typeof contact?.email !== 'string' || !EMAIL.test(contact.email)) problems.push(`${field}.email must be an email address`);
  return problems;
}

function wireAddress(a: PostalAddress): WireBuyerAddress {
  return { name: a.name, building: a.building, locality: a.locality, city: a.city, state: a.state, country: 'IND', area_code: a.areaCode };
}

function fail(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join('; '));
}

function checkInit(req: InitRequest): void {
  const problems: string[] = [];
  if (!req.providerId || !req.locationId || !req.fulfillmentId) problems.push('providerId, locationId and fulfillmentId are required');
  if (req.items.length === 0) problems.push('items must not be empty');
  req.items.forEach((i, n) => {
    if (!Number.isInteger(i.count) || i.count < 1) problems.push(`items[${n}].count must be a whole number of at least 1`);
  });
  if (!req.billing.name.trim()) problems.push('billing.name is required');
  problems.push(...addressProblems(wireAddress(req.billing.address), 'billing.address'));
  problems.push(...contactProblems(req.billing, 'billing'));
  problems.push(...addressProblems(wireAddress(req.delivery.address), 'delivery.address'));
  problems.push(...contactProblems(req.delivery, 'delivery'));
  if (!/^-?\d+(\.\d+)?, ?-?\d+(\.\d+)?$/.test(req.delivery.gps)) problems.push('delivery.gps must be "lat,lon"');
  fail(problems);
}

function billingOf(req: InitRequest): WireBilling {
  const { name, address, phone, email } = req.billing;
  return { name, address: wireAddress(address), phone, email, created_at: req.billingAt, updated_at: req.billingAt };
}

function endOf(req: InitRequest) {
  return {
    location: { gps: req.delivery.gps, address: wireAddress(req.delivery.address) },
    contact: { phone: req.delivery.phone, email: req.delivery.email },
  };
}

function orderItems(req: InitRequest) {
  return req.items.map((i) => ({ id: i.itemId, location_id: req.locationId, fulfillment_id: req.fulfillmentId, quantity: { count: i.count } }));
}

/** The checkout step: who pays and where it goes. Throws, naming the field, when an ONDC address rule is broken. */
export function initMessage(req: InitRequest): { order: Record<string, unknown> } {
  checkInit(req);
  return {
    order: {
      provider: { id: req.providerId, locations: [{ id: req.locationId }] },
      items: orderItems(req),
      billing: billingOf(req),
      fulfillments: [{ id: req.fulfillmentId, type: 'Delivery', end: endOf(req) }],
      ...(req.paymentType ? { payment: { type: req.paymentType } } : {}),
    },
  };
}

/** What the buyer app keeps of an on_init to confirm against: the seller's quote, payment terms and tags. */
export interface OnInitOrder {
  quote: WireQuote;
  payment: Record<string, unknown>;
  tags?: WireTagList[];
}

export interface ConfirmRequest {
  /** Made by the buyer app, unique among its orders. */
  orderId: string;
  /** The same request the init was built from. */
  init: InitRequest;
  /** The order of the seller's on_init, as received. */
  onInit: OnInitOrder;
  /** Prepaid orders are `PAID` with the payment gateway's reference; cash on delivery is `NOT-PAID`. */
  payment: { status: PaymentStatus; transactionId?: string };
  /** The buyer app's GSTIN, stated in `bap_terms`. */
  bapTaxNumber: string;
  /** Who receives the delivery. */
  recipientName: string;
  /** The confirm's context timestamp: ONDC wants the order's created_at and updated_at equal to it. */
  at: string;
}

function checkConfirm(req: ConfirmRequest): void {
  checkInit(req.init);
  const problems: string[] = [];
  if (!req.orderId.trim()) problems.push('orderId is required');
  if (!req.recipientName.trim()) problems.push('recipientName is required');
  if (!req.bapTaxNumber.trim()) problems.push('bapTaxNumber is required');
  if (!/^\d+\.\d{2}$/.test(req.onInit.quote?.price?.value ?? '')) problems.push('onInit.quote.price.value must be a decimal string with two places');
  fail(problems);
}

function confirmPayment(req: ConfirmRequest): Record<string, unknown> {
  return {
    ...req.onInit.payment,
    params: {
      amount: req.onInit.quote.price.value,
      currency: 'INR',
      ...(req.payment.transactionId ? { transaction_id: req.payment.transactionId } : {}),
    },
    status: req.payment.status,
    type: req.init.paymentType ?? 'ON-ORDER',
  };
}

function confirmTags(req: ConfirmRequest): WireTagList[] {
  const bppTerms = (req.onInit.tags ?? []).filter((t) => t.code === 'bpp_terms');
  return [...structuredClone(bppTerms), { code: 'bap_terms', list: [{ code: 'tax_number', value: req.bapTaxNumber }] }];
}

/** Places the order on the terms of the on_init: its quote echoed untouched, the payment stated. */
export function confirmMessage(req: ConfirmRequest): { order: Record<string, unknown> } {
  checkConfirm(req);
  return {
    order: {
      id: req.orderId,
      state: 'Created',
      provider: { id: req.init.providerId, locations: [{ id: req.init.locationId }] },
      items: orderItems(req.init),
      billing: billingOf(req.init),
      fulfillments: [
        {
          id: req.init.fulfillmentId,
          type: 'Delivery',
          tracking: false,
          end: { ...endOf(req.init), person: { name: req.recipientName } },
        },
      ],
      quote: structuredClone(req.onInit.quote),
      payment: confirmPayment(req),
      tags: confirmTags(req),
      created_at: req.at,
      updated_at: req.at,
    },
  };
}

export function statusMessage(orderId: string): { order_id: string } {
  if (!orderId.trim()) throw new Error('orderId is required');
  return { order_id: orderId };
}

/** Where an order is now: answered by on_track with a location or tracking URL. */
export function trackMessage(orderId: string): { order_id: string } {
  if (!orderId.trim()) throw new Error('orderId is required');
  return { order_id: orderId };
}

/** Reasons a buyer may give in ONDC retail: 010 (wants to change details) and 999 (order confirmation failure). */
export const BUYER_CANCEL_REASONS = ['010', '999'] as const;
export type BuyerCancelReason = (typeof BUYER_CANCEL_REASONS)[number];

export function cancelMessage(orderId: string, reason: BuyerCancelReason): { order_id: string; cancellation_reason_id: string } {
  if (!orderId.trim()) throw new Error('orderId is required');
  if (!BUYER_CANCEL_REASONS.includes(reason)) throw new Error(`a buyer may cancel for reason ${BUYER_CANCEL_REASONS.join(' or ')}, not ${reason}`);
  return { order_id: orderId, cancellation_reason_id: reason };
}

export interface ReturnRequest {
  orderId: string;
  /** The buyer app's id for this return. */
  returnId: string;
  itemId: string;
  count: number;
  /** ONDC return reason code, e.g. 001 (price difference), 002 (damaged), 004 (wrong item). */
  reasonId: string;
  reasonText: string;
  images: string[];
}

/** A return goes to the seller as an update of the order with a Return fulfillment. */
export function returnMessage(req: ReturnRequest): { update_target: 'item'; order: Record<string, unknown> } {
  if (!Number.isInteger(req.count) || req.count < 1) throw new Error('count must be a whole number of at least 1');
  if (!/^\d{3}$/.test(req.reasonId)) throw new Error('reasonId must be a three-digit ONDC return reason code');
  const list = [
    { code: 'id', value: req.returnId },
    { code: 'item_id', value: req.itemId },
    { code: 'item_quantity', value: String(req.count) },
    { code: 'reason_id', value: req.reasonId },
    { code: 'reason_desc', value: req.reasonText },
    ...(req.images.length > 0 ? [{ code: 'images', value: req.images.join(',') }] : []),
  ];
  return {
    update_target: 'item',
    order: { id: req.orderId, fulfillments: [{ type: 'Return', tags: [{ code: 'return_request', list }] }] },
  };
}

export type RatingCategory = 'Order' | 'Item' | 'Fulfillment' | 'Provider' | 'Agent';

export function ratingMessage(ratings: Array<{ category: RatingCategory; id: string; value: number }>): {
  ratings: Array<{ rating_category: string; id: string; value: string }>;
} {
  for (const r of ratings) {
    if (!Number.isInteger(r.value) || r.value < 1 || r.value > 5) throw new Error(`a rating is a whole number from 1 to 5, not ${r.value}`);
  }
  return { ratings: ratings.map((r) => ({ rating_category: r.category, id: r.id, value: String(r.value) })) };
}

/** Asks the seller how to reach its support about an order (answered by on_support with phone, email, uri). */
export function supportMessage(refId: string): { ref_id: string } {
  if (!refId.trim()) throw new Error('refId is required');
  return { ref_id: refId };
}

export type IssueCategory = 'ORDER' | 'ITEM' | 'FULFILLMENT' | 'AGENT' | 'PAYMENT' | 'TRANSACTION';

export interface IssueRequest {
  issueId: string;
  category: IssueCategory;
  /** IGM sub-category: ITM01..05, FLM01..08, ORD01..03, PMT01..04. */
  subCategory: string;
  bapId: string;
  domain: string;
  complainant: { name: string; phone: string; email: string };
  order: { id: string; state: string; providerId: string; items: Array<{ id: string; quantity: number }>; fulfillmentId: string; fulfillmentState: string };
  shortDesc: string;
  longDesc: string;
  at: string;
}

/** An IGM 1.0.0 issue, opened by the buyer (the complainant) against an order. */
export function issueMessage(req: IssueRequest): { issue: Record<string, unknown> } {
  const person = { name: req.complainant.name };
  const contact = { phone: req.complainant.phone, email: req.complainant.email };
  return {
    issue: {
      id: req.issueId,
      category: req.category,
      sub_category: req.subCategory,
      complainant_info: { person, contact },
      order_details: {
        id: req.order.id,
        state: req.order.state,
        items: req.order.items.map((i) => ({ id: i.id, quantity: i.quantity })),
        fulfillments: [{ id: req.order.fulfillmentId, state: req.order.fulfillmentState }],
        provider_id: req.order.providerId,
      },
      description: { short_desc: req.shortDesc, long_desc: req.longDesc },
      source: { network_participant_id: req.bapId, type: 'CONSUMER' },
      expected_response_time: { duration: 'PT2H' },
      expected_resolution_time: { duration: 'P1D' },
      status: 'OPEN',
      issue_type: 'ISSUE',
      issue_actions: {
        complainant_actions: [
          {
            complainant_action: 'OPEN',
            short_desc: 'Complaint created',
            updated_at: req.at,
            updated_by: { org: { name: `${req.bapId}::${req.domain}` }, contact, person },
          },
        ],
      },
      created_at: req.at,
      updated_at: req.at,
    },
  };
}

export function issueStatusMessage(issueId: string): { issue_id: string } {
  if (!issueId.trim()) throw new Error('issueId is required');
  return { issue_id: issueId };
}
