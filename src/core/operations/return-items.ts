import { Type } from '@sinclair/typebox';
import { laterExchange, orders, requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { OrderView, orderView } from '../order-view.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { OrderId } from './get-order-status.js';
import { actor } from '../audit.js';

/** ONDC retail return reasons a buyer may give. */
const RETURN_REASONS: Record<string, string> = {
  '001': 'the buyer does not want the product any more',
  '002': 'the product is available for less elsewhere',
  '003': 'the product is damaged or defective',
  '004': 'the product is of the wrong quantity, size or colour',
  '005': 'the product is not what was shown or described',
};

export const returnItems = defineOperation({
  name: 'return_items',
  title: 'Return delivered items',
  description:
    'Ask the seller to take back items of a delivered order (ONDC update with a Return fulfillment), with a reason: ' +
    Object.entries(RETURN_REASONS).map(([k, v]) => `${k} ${v}`).join('; ') +
    '. The seller approves, picks up and, once it has the items back, refunds them; get_order_status follows ' +
    'the return and shows the refund. Only returnable items of completed orders qualify.',
  http: { method: 'POST', path: '/orders/:order_id/returns' },
  input: Type.Object({
    session_id: SessionId,
    order_id: OrderId,
    product_id: Type.String({ minLength: 3, maxLength: 200, description: 'Which product of the order' }),
    quantity: Type.Integer({ minimum: 1, maximum: 100 }),
    reason: Type.Union(Object.keys(RETURN_REASONS).map((k) => Type.Literal(k)), { description: 'ONDC return reason code' }),
    description: Type.Optional(Type.String({ minLength: 3, maxLength: 250, description: 'In the shopper\'s words' })),
  }),
  output: OrderView,
  hints: { readOnly: false, idempotent: false, destructive: false, openWorld: true },
  summarize: (o) => `Order ${o.order_id}: ${o.returns.map((r) => `return ${r.return_id} of ${r.quantity} ${r.state}${r.refund.paise > 0 ? `, refund ₹${r.refund.value}` : ''}`).join('; ')}.`,
  run: async ({ session_id, order_id, product_id, quantity, reason, description }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    const item = order.items.find((i) => i.productId === product_id);
    if (!item) throw new DomainError('NOT_FOUND', `Order ${order_id} has no product ${product_id}; get_order_status lists its items.`);
    if (quantity > item.count) throw new DomainError('VALIDATION_FAILED', `Order ${order_id} has ${item.count} of ${item.name}; return at most that many.`);
    const returnId = `ret_${deps.ids.random(9)}`;
    const answer = await deps.network.returnItems({
      exchange: order.exchange,
      seller: order.seller,
      orderId: order.id,
      returnId,
      itemId: item.itemId,
      count: quantity,
      reasonId: reason,
      reasonText: description ?? RETURN_REASONS[reason] ?? 'return',
    });
    const who = actor(session.id, session.userId, order_id);
    if (answer.refusal) {
      await deps.audit.record({ action: 'order.return', outcome: 'refused', ...who, detail: { reason, ondc_code: answer.refusal.code } });
      throw new DomainError('SELLER_REFUSED', `${order.seller.name} would not take the return: ${answer.refusal.message}.`, { ondc_code: answer.refusal.code });
    }
    const now = deps.clock.now().toISOString();
    const updated = await orders(deps).update(order_id, (o) => ({
      ...o,
      exchange: laterExchange(o.exchange, answer.exchange),
      // the seller's own account may be here already (its on_update raced this write): it wins
      returns: (o.returns ?? []).some((r) => r.id === returnId)
        ? (o.returns ?? [])
        : [...(o.returns ?? []), { id: returnId, itemId: item.itemId, count: quantity, reasonId: reason, state: answer.returnState ?? 'Return_Initiated', refundPaise: 0 }],
      updatedAt: now,
    }));
    await deps.audit.record({ action: 'order.return', outcome: 'ok', ...who, detail: { reason, quantity } });
    return orderView(updated ?? order);
  },
});
