/**
 * Seller apps report an order's progress on their own (unsolicited on_status). Each verified report updates the
 * stored order, so get_order_status and list_orders show the latest state even without asking the seller.
 */
import type { OrderReturn, StoredOrder } from '../core/checkout.js';
import type { DocumentStore } from '../core/ports.js';
import type { BecknContext } from './context.js';

interface StatusOrder {
  id?: unknown;
  state?: unknown;
  fulfillments?: Array<{ state?: { descriptor?: { code?: unknown } } }>;
  cancellation?: { cancelled_by?: unknown; reason?: { id?: unknown } };
}

type Json = Record<string, any>;

function mergeReturns(before: OrderReturn[], now: OrderReturn[]): OrderReturn[] {
  const byId = new Map(before.map((r) => [r.id, r]));
  for (const r of now) byId.set(r.id, r);
  return [...byId.values()];
}

/** The returns an order carries: its Return fulfillments, their states, and the refund lines of the quote. */
export function returnsOf(order: unknown): OrderReturn[] {
  const o = (order ?? {}) as Json;
  const fulfillments = Array.isArray(o['fulfillments']) ? (o['fulfillments'] as Json[]) : [];
  const breakup = Array.isArray(o['quote']?.['breakup']) ? (o['quote']['breakup'] as Json[]) : [];
  const out: OrderReturn[] = [];
  for (const f of fulfillments) {
    if (f?.['type'] !== 'Return') continue;
    const list = (Array.isArray(f['tags']) ? (f['tags'] as Json[]) : []).find((t) => t?.['code'] === 'return_request')?.['list'];
    const field = (code: string) => (Array.isArray(list) ? (list as Json[]).find((e) => e?.['code'] === code)?.['value'] : undefined);
    const id = field('id') ?? f['id'];
    const itemId = field('item_id');
    const state = f['state']?.['descriptor']?.['code'];
    if (typeof id !== 'string' || typeof itemId !== 'string' || typeof state !== 'string') continue;
    const refundPaise = breakup
      .filter((b) => b?.['@ondc/org/title_type'] === 'refund' && b?.['@ondc/org/item_id'] === itemId)
      .reduce((sum, b) => sum + Math.round(Math.abs(Number(b?.['price']?.['value'] ?? 0)) * 100), 0);
    out.push({ id, itemId, count: Number(field('item_quantity') ?? 0), reasonId: String(field('reason_id') ?? ''), state, refundPaise });
  }
  return out;
}

/** Applies a seller's on_status, on_cancel or on_update to the stored order; returns the order when it changed. */
export async function applyOrderStatus(orders: DocumentStore<StoredOrder>, body: { context: BecknContext; message?: unknown }): Promise<StoredOrder | null> {
  const order = (body.message as { order?: StatusOrder } | undefined)?.order;
  if (typeof order?.id !== 'string') return null;
  const state = typeof order.state === 'string' ? order.state : undefined;
  const code = order.fulfillments?.[0]?.state?.descriptor?.code;
  const by = order.cancellation?.cancelled_by;
  const reasonId = order.cancellation?.reason?.id;
  const cancellation = typeof by === 'string' && typeof reasonId === 'string' ? { by, reasonId } : undefined;
  const returns = returnsOf(order);
  const fulfillmentState = typeof code === 'string' ? code : undefined;
  let changed = false;
  const saved = await orders.update(order.id, (stored) => {
    // Only the seller that holds the order, in the order's own transaction, may move it; and never backwards in time.
    if (stored.seller.bppId !== body.context.bpp_id || stored.exchange.transactionId !== body.context.transaction_id) return stored;
    if (body.context.timestamp <= stored.exchange.lastTimestamp) return stored;
    changed = true;
    return {
      ...stored,
      state: state ?? stored.state,
      ...(fulfillmentState ? { fulfillmentState } : {}),
      ...(cancellation ? { cancellation } : {}),
      ...(returns.length > 0 ? { returns: mergeReturns(stored.returns ?? [], returns) } : {}),
      exchange: { ...stored.exchange, lastTimestamp: body.context.timestamp },
      updatedAt: body.context.timestamp,
    };
  });
  return changed ? saved : null;
}
