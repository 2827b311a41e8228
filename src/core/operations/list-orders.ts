import { Type } from '@sinclair/typebox';
import { orders } from '../checkout.js';
import { sessionLineage } from '../identity.js';
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
    const session = await requireSession(deps, session_id);
    // the user's orders from any session, and what this session started as a guest before signing in
    const owners = [...new Set([...(session.userId ? [session.userId] : []), ...sessionLineage(session)])];
    const found = (await Promise.all(owners.map((o) => orders(deps).listByOwner(o, limit)))).flat();
    const unique = [...new Map(found.map((o) => [o.id, o])).values()];
    unique.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    return { orders: unique.slice(0, limit).map(orderView) };
  },
});
