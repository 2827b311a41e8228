/**
 * Our terms to the Himira backend's request bodies, and its answers back to ours. The backend is a network, not a
 * trust anchor: answers are read defensively and anything missing is a "not yet" or a refusal, never a guess.
 */
import type { DeliveryDetails, OrderItemRef, SellerQuote, SellerRef, SellerRefusal } from '../../core/ports.js';
import { quoteOf, refusalOf } from '../../ondc/network-port.js';
import type { CallbackBody } from '../../ondc/buyer.js';
import { backendIds } from './catalog.js';

type Json = Record<string, any>;

/** The backend's acknowledgement of a request: the message id to poll with, or its refusal. */
export function ackOf(answer: unknown): { messageId?: string; transactionId?: string; error?: string } {
  const first = (Array.isArray(answer) ? answer[0] : answer) as Json | undefined;
  const error = first?.['error'];
  if (error) return { error: typeof error?.message === 'string' ? error.message : JSON.stringify(error).slice(0, 200) };
  const messageId = first?.['context']?.['message_id'];
  const transactionId = first?.['context']?.['transaction_id'];
  return { ...(typeof messageId === 'string' ? { messageId } : {}), ...(typeof transactionId === 'string' ? { transactionId } : {}) };
}

/**
 * One on_* answer: not there yet (no context, or the reference's "No data found" placeholder), the seller's
 * refusal (an `error` with a code or a message), or the result.
 */
export type OnAnswer = { state: 'pending' } | { state: 'refused'; body: Json; refusal: SellerRefusal } | { state: 'done'; body: Json };

export function readOnAnswer(answer: unknown): OnAnswer {
  const body = (Array.isArray(answer) ? answer[0] : answer) as Json | undefined;
  if (!body || typeof body !== 'object' || !body['context']?.['message_id']) return { state: 'pending' };
  const error = body['error'];
  if (error && typeof error === 'object') {
    if (!error['code'] && error['message'] === 'No data found') return { state: 'pending' };
    const refusal = error['code']
      ? (refusalOf({ ...(body as CallbackBody), error: { type: String(error['type'] ?? 'DOMAIN-ERROR'), code: String(error['code']), message: typeof error['message'] === 'string' ? error['message'] : '' } }) as SellerRefusal)
      : { code: 'BACKEND', message: `the seller refused through the buyer backend (${String(error['message'] ?? 'no reason given').slice(0, 200)})` };
    return { state: 'refused', body, refusal };
  }
  return { state: 'done', body };
}

/** A cart line as the backend's select and init read it: full ids, seller ids, the provider and its location. */
export function cartItem(seller: SellerRef, bppUri: string | undefined, item: OrderItemRef, fulfillmentId?: string): Json {
  const provider = backendIds.provider(seller.bppId, seller.domain, seller.providerId);
  return {
    id: backendIds.item(provider, item.itemId),
    local_id: item.itemId,
    bpp_id: seller.bppId,
    ...(bppUri ? { bpp_uri: bppUri } : {}),
    quantity: { count: item.count },
    provider: { id: provider, local_id: seller.providerId, locations: [{ id: backendIds.location(provider, seller.locationId), local_id: seller.locationId }] },
    customisations: [],
    hasCustomisations: false,
    ...(fulfillmentId ? { fulfillment_id: fulfillmentId } : {}),
  };
}

/** The backend's select answer keeps the seller's order under message.quote, its quote one level further down. */
export function selectQuote(body: Json): SellerQuote {
  return quoteOf({ context: body['context'], message: { order: { quote: body['message']?.['quote']?.['quote'] ?? {} } } } as CallbackBody<{ order?: { quote?: never } }>);
}

export function orderQuote(body: Json): SellerQuote {
  return quoteOf(body as CallbackBody<{ order?: { quote?: never } }>);
}

/** Billing and delivery as the reference's init reads them (it moves `street` to locality and drops `door`). */
export function parties(d: DeliveryDetails): { billing_info: Json; delivery_info: Json } {
  const address = {
    name: d.name,
    building: `${d.house}, ${d.building}`,
    street: d.locality,
    city: d.city,
    state: d.state,
    country: 'IND',
    areaCode: d.pincode,
  };
  return {
    billing_info: { name: d.name, phone: d.phone, email: d.email, address: { ...address } },
    delivery_info: { type: 'Delivery', name: d.name, phone: d.phone, email: d.email, location: { gps: d.gps, address: { ...address } } },
  };
}

/** Rupees as the backend's payment fields carry them: a number with at most two decimals. */
export const rupees = (paise: number) => Math.round(paise) / 100;
