import { Type } from '@sinclair/typebox';
import { laterExchange, orders, requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { OrderId } from './get-order-status.js';

const Stars = (what: string) => Type.Integer({ minimum: 1, maximum: 5, description: `${what}, 1 (poor) to 5 (excellent)` });

export const rateOrder = defineOperation({
  name: 'rate_order',
  title: 'Rate a delivered order',
  description:
    'Send the shopper\'s ratings of a delivered order to the seller (ONDC rating): the order, and optionally the ' +
    'delivery and the seller. Only completed orders can be rated; ask the shopper for the stars.',
  http: { method: 'POST', path: '/orders/:order_id/rating' },
  input: Type.Object({
    session_id: SessionId,
    order_id: OrderId,
    order: Stars('The order as a whole'),
    delivery: Type.Optional(Stars('The delivery')),
    seller: Type.Optional(Stars('The seller')),
  }),
  output: Type.Object({ order_id: Type.String(), accepted: Type.Boolean(), ratings: Type.Record(Type.String(), Type.Integer()) }),
  hints: { readOnly: false, idempotent: true, destructive: false, openWorld: true },
  summarize: (r) => `Ratings for ${r.order_id} ${r.accepted ? 'accepted' : 'not accepted'}: ${Object.entries(r.ratings).map(([k, v]) => `${k} ${v}/5`).join(', ')}.`,
  run: async ({ session_id, order_id, order: stars, delivery, seller }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    if (order.state !== 'Completed') {
      throw new DomainError('CHECKOUT_STEP', `Order ${order_id} is ${order.state}; it can be rated once delivered (get_order_status shows its progress).`);
    }
    const ratings = [
      { category: 'Order' as const, id: order.id, value: stars },
      ...(delivery !== undefined ? [{ category: 'Fulfillment' as const, id: `${order.seller.providerId}-delivery`, value: delivery }] : []),
      ...(seller !== undefined ? [{ category: 'Provider' as const, id: order.seller.providerId, value: seller }] : []),
    ];
    const answer = await deps.network.rate({ exchange: order.exchange, seller: order.seller, ratings });
    if (answer.refusal) throw new DomainError('SELLER_REFUSED', `${order.seller.name} did not take the rating: ${answer.refusal.message}`);
    await orders(deps).update(order_id, (o) => ({ ...o, exchange: laterExchange(o.exchange, answer.exchange) }));
    return {
      order_id,
      accepted: answer.accepted,
      ratings: Object.fromEntries(ratings.map((r) => [r.category.toLowerCase(), r.value])),
    };
  },
});
