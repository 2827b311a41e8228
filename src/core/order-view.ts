import { Type, type Static } from '@sinclair/typebox';
import type { StoredOrder } from './checkout.js';
import { Money, money } from './money.js';

export const OrderView = Type.Object({
  order_id: Type.String(),
  checkout_id: Type.String(),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  state: Type.String({ description: 'ONDC order state: Created, Accepted, In-progress, Completed or Cancelled' }),
  fulfillment_state: Type.Union([Type.String(), Type.Null()], { description: 'e.g. Pending, Packed, Out-for-delivery' }),
  items: Type.Array(Type.Object({ product_id: Type.String(), name: Type.String(), quantity: Type.Integer() })),
  total: Money,
  payment_method: Type.Union([Type.Literal('prepaid'), Type.Literal('cod')]),
  deliver_to: Type.Object({ name: Type.String(), locality: Type.String(), city: Type.String(), pincode: Type.String() }),
  cancellation: Type.Union([
    Type.Object({
      by: Type.Union([Type.Literal('buyer'), Type.Literal('seller')]),
      reason_id: Type.String({ description: 'ONDC cancellation reason code' }),
      reason: Type.String(),
    }),
    Type.Null(),
  ]),
  returns: Type.Array(
    Type.Object({
      return_id: Type.String(),
      product_id: Type.String(),
      quantity: Type.Integer(),
      reason_id: Type.String(),
      state: Type.String({ description: 'Return_Initiated, Return_Approved, Return_Picked, Return_Delivered or Return_Rejected' }),
      refund: Money,
    }),
  ),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type OrderView = Static<typeof OrderView>;

/** The address is shortened on purpose: listings should not spread a person's full address and phone around. */
export function orderView(order: StoredOrder): OrderView {
  return {
    order_id: order.id,
    checkout_id: order.checkoutId,
    provider: { id: order.seller.providerId, name: order.seller.name },
    state: order.state,
    fulfillment_state: order.fulfillmentState ?? null,
    items: order.items.map((i) => ({ product_id: i.productId, name: i.name, quantity: i.count })),
    total: money(order.quote.totalPaise),
    payment_method: order.paymentMethod,
    deliver_to: { name: order.delivery.name, locality: order.delivery.locality, city: order.delivery.city, pincode: order.delivery.pincode },
    cancellation: order.cancellation
      ? {
          by: order.cancellation.by === order.seller.bppId ? 'seller' : 'buyer',
          reason_id: order.cancellation.reasonId,
          reason: CANCEL_REASONS[order.cancellation.reasonId] ?? 'other',
        }
      : null,
    returns: (order.returns ?? []).map((r) => ({
      return_id: r.id,
      product_id: order.items.find((i) => i.itemId === r.itemId)?.productId ?? r.itemId,
      quantity: r.count,
      reason_id: r.reasonId,
      state: r.state,
      refund: money(r.refundPaise),
    })),
    created_at: order.createdAt,
    updated_at: order.updatedAt,
  };
}

/** ONDC retail cancellation reasons, in words. */
export const CANCEL_REASONS: Record<string, string> = {
  '002': 'one or more items are unavailable',
  '005': 'the merchant cannot fulfil the order',
  '010': 'the buyer wants to change the order details',
  '018': 'the delivery pincode is not serviceable',
  '022': 'the payment failed',
  '999': 'the order could not be confirmed',
};
