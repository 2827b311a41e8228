import { Type } from '@sinclair/typebox';
import { requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { OrderId } from './get-order-status.js';

export const getSupportContacts = defineOperation({
  name: 'get_support_contacts',
  title: "Seller's support contacts",
  description:
    "How to reach the seller's customer care about an order (ONDC support): phone, email and a link. For a formal " +
    'complaint with a tracked resolution, use raise_grievance.',
  http: { method: 'GET', path: '/orders/:order_id/support' },
  input: Type.Object({ session_id: SessionId, order_id: OrderId }),
  output: Type.Object({
    order_id: Type.String(),
    seller: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    uri: Type.Union([Type.String(), Type.Null()]),
  }),
  hints: { readOnly: true, idempotent: true, destructive: false, openWorld: true },
  summarize: (c) => `${c.seller} support: ${[c.phone, c.email].filter(Boolean).join(', ') || 'no contact given'}.`,
  run: async ({ session_id, order_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    const answer = await deps.network.support({ exchange: order.exchange, seller: order.seller, orderId: order.id });
    if (answer.refusal) throw new DomainError('SELLER_REFUSED', `${order.seller.name} gave no support contact: ${answer.refusal.message}`);
    return {
      order_id,
      seller: order.seller.name,
      phone: answer.contact?.phone ?? null,
      email: answer.contact?.email ?? null,
      uri: answer.contact?.uri ?? null,
    };
  },
});
