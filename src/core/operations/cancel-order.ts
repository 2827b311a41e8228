import { Type } from '@sinclair/typebox';
import { laterExchange, orders, requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { OrderView, orderView } from '../order-view.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { OrderId } from './get-order-status.js';
import { actor } from '../audit.js';

export const cancelOrder = defineOperation({
  name: 'cancel_order',
  title: 'Cancel an order',
  description:
    'Ask the seller to cancel an order before it is picked up, with the buyer\'s reason: 010 (the buyer wants to ' +
    'change details) or 999 (the order could not be confirmed). Confirm with the user first. Once picked up, the ' +
    'seller refuses (ONDC 50001): offer return_items after delivery instead.',
  http: { method: 'POST', path: '/orders/:order_id/cancel' },
  input: Type.Object({
    session_id: SessionId,
    order_id: OrderId,
    reason: Type.Union([Type.Literal('010'), Type.Literal('999')], {
      description: "ONDC buyer reason: 010 the buyer wants to change details, 999 the order could not be confirmed",
    }),
  }),
  output: OrderView,
  hints: { readOnly: false, idempotent: true, destructive: true, openWorld: true },
  summarize: (o) => `Order ${o.order_id} from ${o.provider.name} is ${o.state}${o.cancellation ? ` (${o.cancellation.reason})` : ''}.`,
  run: async ({ session_id, order_id, reason }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    if (order.state === 'Cancelled') return orderView(order);
    const who = actor(session.id, session.userId, order_id);
    const answer = await deps.network.cancel({ exchange: order.exchange, seller: order.seller, orderId: order.id, reasonId: reason });
    if (answer.refusal) {
      await deps.audit.record({ action: 'order.cancel', outcome: 'refused', ...who, detail: { reason, ondc_code: answer.refusal.code } });
      throw new DomainError('CANCEL_REFUSED', `${order.seller.name} would not cancel: ${answer.refusal.message}. After delivery, return_items can take it back.`, {
        ondc_code: answer.refusal.code,
      });
    }
    const now = deps.clock.now().toISOString();
    const updated = await orders(deps).update(order_id, (o) => ({
      ...o,
      exchange: laterExchange(o.exchange, answer.exchange),
      state: answer.state ?? 'Cancelled',
      fulfillmentState: 'Cancelled',
      // the seller's own account when it gives one; otherwise it was this buyer's request
      cancellation: answer.cancellation ?? { by: 'buyer', reasonId: reason },
      updatedAt: now,
    }));
    await deps.audit.record({ action: 'order.cancel', outcome: 'ok', ...who, detail: { reason, payment: order.paymentMethod } });
    return orderView(updated ?? order);
  },
});
