import { Type } from '@sinclair/typebox';
import { laterExchange, orders, requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { grievances, grievanceView, GrievanceView, type Grievance } from '../grievances.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { OrderId } from './get-order-status.js';
import { actor } from '../audit.js';

/** IGM sub-categories a shopper meets, in words. */
const SUB_CATEGORIES: Record<string, { category: 'ITEM' | 'FULFILLMENT' | 'ORDER' | 'PAYMENT'; text: string }> = {
  ITM01: { category: 'ITEM', text: 'missing items' },
  ITM02: { category: 'ITEM', text: 'quantity issue' },
  ITM03: { category: 'ITEM', text: 'item mismatch' },
  ITM04: { category: 'ITEM', text: 'quality issue' },
  ITM05: { category: 'ITEM', text: 'expired item' },
  FLM01: { category: 'FULFILLMENT', text: 'wrong delivery address' },
  FLM02: { category: 'FULFILLMENT', text: 'delay in delivery' },
  FLM03: { category: 'FULFILLMENT', text: 'delayed delivery' },
  FLM04: { category: 'FULFILLMENT', text: 'packaging' },
  ORD01: { category: 'ORDER', text: 'order not received' },
  ORD02: { category: 'ORDER', text: 'quality issue' },
  PMT01: { category: 'PAYMENT', text: 'refund not received' },
  PMT02: { category: 'PAYMENT', text: 'underpaid' },
};

export const raiseGrievance = defineOperation({
  name: 'raise_grievance',
  title: 'Raise a complaint',
  description:
    'Open a formal complaint about an order with the seller (ONDC IGM issue), with a tracked resolution: ' +
    Object.entries(SUB_CATEGORIES).map(([k, v]) => `${k} ${v.text}`).join('; ') +
    '. Item complaints may name the product. Follow it with get_grievance_status.',
  http: { method: 'POST', path: '/orders/:order_id/grievances' },
  input: Type.Object({
    session_id: SessionId,
    order_id: OrderId,
    sub_category: Type.Union(Object.keys(SUB_CATEGORIES).map((k) => Type.Literal(k)), { description: 'IGM sub-category' }),
    description: Type.String({ minLength: 10, maxLength: 1000, description: "What went wrong, in the shopper's words" }),
    product_id: Type.Optional(Type.String({ minLength: 3, maxLength: 200, description: 'For item complaints: which product' })),
  }),
  output: GrievanceView,
  hints: { readOnly: false, idempotent: false, destructive: false, openWorld: true },
  summarize: (g) => `Complaint ${g.grievance_id} about ${g.order_id}: ${g.status}.`,
  run: async ({ session_id, order_id, sub_category, description, product_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    const kind = SUB_CATEGORIES[sub_category]!;
    const items = product_id ? order.items.filter((i) => i.productId === product_id) : order.items;
    if (product_id && items.length === 0) throw new DomainError('NOT_FOUND', `Order ${order_id} has no product ${product_id}.`);
    const id = `grv_${deps.ids.random(9)}`;
    const answer = await deps.network.raiseIssue({
      exchange: order.exchange,
      seller: order.seller,
      issueId: id,
      category: kind.category,
      subCategory: sub_category,
      complainant: { name: order.delivery.name, phone: order.delivery.phone, email: order.delivery.email },
      order: { id: order.id, state: order.state, items: items.map((i) => ({ id: i.itemId, quantity: i.count })), fulfillmentState: order.fulfillmentState ?? 'Pending' },
      shortDesc: kind.text,
      longDesc: description,
    });
    if (answer.refusal || !answer.issue) {
      throw new DomainError('SELLER_REFUSED', `${order.seller.name} did not take the complaint: ${answer.refusal?.message ?? 'no answer to it'}.`);
    }
    const now = deps.clock.now().toISOString();
    const grievance: Grievance = {
      id,
      orderId: order.id,
      sessionId: session.id,
      ...(session.userId ? { userId: session.userId } : {}),
      category: kind.category,
      subCategory: sub_category,
      description,
      state: answer.issue,
      createdAt: now,
    };
    await grievances(deps).create(id, grievance, { owner: session.userId ?? session.id });
    await orders(deps).update(order_id, (o) => ({ ...o, exchange: laterExchange(o.exchange, answer.exchange) }));
    await deps.audit.record({ action: 'grievance.raise', outcome: 'ok', ...actor(session.id, session.userId, id), detail: { order: order_id, sub_category } });
    return grievanceView(grievance);
  },
});
