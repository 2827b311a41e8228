import { Type } from '@sinclair/typebox';
import { orders } from '../checkout.js';
import { defineOperation } from '../operation.js';
import { OrderView, orderView } from '../order-view.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const listOrders = defineOperation({
  name: 'list_orders',
  title: 'List orders',
  description: 'List the orders placed in this session, newest first, with their last known state. Next: get_order_status for fresh state.',
  http: { method: 'GET', path: '/orders' },
  input: Type.Object({
    session_id: SessionId,
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'How many orders' }),
  }),
  output: Type.Object({ orders: Type.Array(OrderView) }),
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (r) =>
    r.orders.length === 0
      ? 'No orders in this session yet.'
      : `${r.orders.length} order(s): ${r.orders.map((o) => `${o.order_id} ${o.provider.name} ${o.state} ₹${o.total.value}`).join('; ')}.`,
  run: async ({ session_id, limit }, { deps }) => {
    await requireSession(deps, session_id);
    return { orders: (await orders(deps).listByOwner(session_id, limit)).map(orderView) };
  },
});
