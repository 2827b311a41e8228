import { Type } from '@sinclair/typebox';
import { orders, requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { OrderView, orderView } from '../order-view.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const OrderId = Type.String({ pattern: '^ord_[A-Za-z0-9_-]{16}$', description: 'An order id from confirm_order or list_orders' });

export const getOrderStatus = defineOperation({
  name: 'get_order_status',
  title: 'Order status',
  description:
    'Ask the seller for the current state of an order placed in this session (Created, Accepted, In-progress, ' +
    'Completed, Cancelled) and its delivery state (Pending, Packed, Out-for-delivery, Order-delivered, …).',
  http: { method: 'GET', path: '/orders/:order_id' },
  input: Type.Object({ session_id: SessionId, order_id: OrderId }),
  output: OrderView,
  hints: { readOnly: true, idempotent: true, destructive: false, openWorld: true },
  summarize: (o) => `Order ${o.order_id} from ${o.provider.name}: ${o.state}${o.fulfillment_state ? `, ${o.fulfillment_state}` : ''}; total ₹${o.total.value}.`,
  run: async ({ session_id, order_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    const answer = await deps.network.status({ exchange: order.exchange, seller: order.seller, orderId: order.id });
    if (answer.refusal) throw new DomainError('SELLER_REFUSED', `${order.seller.name} could not report on the order: ${answer.refusal.message}`);
    const now = deps.clock.now().toISOString();
    const updated = await orders(deps).update(order_id, (o) => ({
      ...o,
      exchange: answer.exchange,
      state: answer.state ?? o.state,
      ...(answer.fulfillmentState ? { fulfillmentState: answer.fulfillmentState } : {}),
      updatedAt: now,
    }));
    return orderView(updated ?? order);
  },
});
