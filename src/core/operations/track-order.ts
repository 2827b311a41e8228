import { Type } from '@sinclair/typebox';
import { requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { OrderId } from './get-order-status.js';

export const trackOrder = defineOperation({
  name: 'track_order',
  title: 'Track a delivery',
  description:
    "Where an order's delivery is now, as the seller reports it (ONDC track): a tracking link and the agent's last " +
    'position once the order is picked up. Use get_order_status for the order\'s state.',
  http: { method: 'GET', path: '/orders/:order_id/tracking' },
  input: Type.Object({ session_id: SessionId, order_id: OrderId }),
  output: Type.Object({
    order_id: Type.String(),
    active: Type.Boolean({ description: 'True while the delivery is on its way' }),
    tracking_url: Type.Union([Type.String(), Type.Null()]),
    location: Type.Union([Type.Object({ lat: Type.Number(), lon: Type.Number(), at: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    fulfillment_state: Type.Union([Type.String(), Type.Null()]),
  }),
  hints: { readOnly: true, idempotent: true, destructive: false, openWorld: true },
  summarize: (t) =>
    t.active && t.location ? `On its way: last seen at ${t.location.lat},${t.location.lon}${t.tracking_url ? `; follow ${t.tracking_url}` : ''}.` : `Not on its way yet (${t.fulfillment_state ?? 'pending'}).`,
  run: async ({ session_id, order_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    const answer = await deps.network.track({ exchange: order.exchange, seller: order.seller, orderId: order.id });
    if (answer.refusal) throw new DomainError('SELLER_REFUSED', `${order.seller.name} could not track the order: ${answer.refusal.message}`);
    const t = answer.tracking;
    const [lat, lon] = (t?.gps ?? '').split(',').map(Number);
    return {
      order_id,
      active: t?.status === 'active',
      tracking_url: t?.url ?? null,
      location: t?.gps && Number.isFinite(lat) && Number.isFinite(lon) ? { lat: lat as number, lon: lon as number, at: t.at ?? null } : null,
      fulfillment_state: order.fulfillmentState ?? null,
    };
  },
});
