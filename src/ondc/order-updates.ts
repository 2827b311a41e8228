/**
 * Seller apps report an order's progress on their own (unsolicited on_status). Each verified report updates the
 * stored order, so get_order_status and list_orders show the latest state even without asking the seller.
 */
import type { StoredOrder } from '../core/checkout.js';
import type { DocumentStore } from '../core/ports.js';
import type { BecknContext } from './context.js';

interface StatusOrder {
  id?: unknown;
  state?: unknown;
  fulfillments?: Array<{ state?: { descriptor?: { code?: unknown } } }>;
  cancellation?: { cancelled_by?: unknown; reason?: { id?: unknown } };
}

/** Applies a seller's on_status or on_cancel to the stored order; returns the order when it changed. */
export async function applyOrderStatus(orders: DocumentStore<StoredOrder>, body: { context: BecknContext; message?: unknown }): Promise<StoredOrder | null> {
  const order = (body.message as { order?: StatusOrder } | undefined)?.order;
  if (typeof order?.id !== 'string') return null;
  const state = typeof order.state === 'string' ? order.state : undefined;
  const code = order.fulfillments?.[0]?.state?.descriptor?.code;
  const by = order.cancellation?.cancelled_by;
  const reasonId = order.cancellation?.reason?.id;
  const cancellation = typeof by === 'string' && typeof reasonId === 'string' ? { by, reasonId } : undefined;
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
      exchange: { ...stored.exchange, lastTimestamp: body.context.timestamp },
      updatedAt: body.context.timestamp,
    };
  });
  return changed ? saved : null;
}
