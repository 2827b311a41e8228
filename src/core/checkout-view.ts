/** How a checkout is shown: per seller, its quote, state and what to do next. */
import { Type, type Static } from '@sinclair/typebox';
import { checkoutState, type Checkout, type SellerOrder } from './checkout.js';
import { Money, money } from './money.js';
import type { CoreDeps } from './operation.js';

const SellerOrderView = Type.Object({
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  state: Type.String({ description: 'quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed' }),
  items: Type.Array(Type.Object({ product_id: Type.String(), name: Type.String(), quantity: Type.Integer() })),
  quote: Type.Object({
    lines: Type.Array(
      Type.Object({ type: Type.String(), title: Type.String(), quantity: Type.Optional(Type.Integer()), price: Money }),
    ),
    total: Money,
    expires_at: Type.String({ format: 'date-time' }),
  }),
  refusal: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()], {
    description: 'Why the seller refused (ONDC error code and our words), or null',
  }),
  payment_method: Type.Union([Type.Literal('prepaid'), Type.Literal('cod'), Type.Null()]),
  payment: Type.Union([
    Type.Object({ gateway_order_id: Type.String(), amount: Money, checkout_url: Type.String(), paid: Type.Boolean() }),
    Type.Null(),
  ]),
  order_id: Type.Union([Type.String(), Type.Null()]),
  order_state: Type.Union([Type.String(), Type.Null()]),
});

export const CheckoutView = Type.Object({
  checkout_id: Type.String(),
  state: Type.String({ description: 'The least advanced seller order decides: quoted … confirmed, failed or expired' }),
  pincode: Type.String(),
  sellers: Type.Array(SellerOrderView),
  total: Money,
  next_step: Type.String({ description: 'What to call next' }),
});
export type CheckoutView = Static<typeof CheckoutView>;

function nextStep(state: string, checkout: Checkout): string {
  switch (state) {
    case 'quoted':
      return 'Show the quotes to the user, then call initialize_order with the delivery details.';
    case 'initialized':
    case 'payment_pending': {
      const waiting = checkout.sellers.filter((s) => s.state === 'initialized').map((s) => s.seller.providerId);
      const unpaid = checkout.sellers.filter((s) => s.state === 'payment_pending').map((s) => s.seller.providerId);
      const parts = [];
      if (waiting.length) parts.push(`call create_payment (prepaid or cod) for ${waiting.join(', ')}`);
      if (unpaid.length) parts.push(`have the user pay at checkout_url, then call verify_payment for ${unpaid.join(', ')}`);
      return `${parts.join('; ')}.`;
    }
    case 'ready_to_confirm':
      return 'Ask the user to confirm the totals, then call confirm_order.';
    case 'confirming':
      return 'The order is being placed; call get_checkout or list_orders in a moment.';
    case 'confirmed':
      return 'Done: follow each order with get_order_status.';
    case 'expired':
      return 'A quote expired: call select_items_for_order again.';
    default:
      return 'A seller refused (see refusal): change the cart and call select_items_for_order again.';
  }
}

function sellerView(order: SellerOrder): CheckoutView['sellers'][number] {
  return {
    provider: { id: order.seller.providerId, name: order.seller.name },
    state: order.state,
    items: order.items.map((i) => ({ product_id: i.productId, name: i.name, quantity: i.count })),
    quote: {
      lines: order.quote.lines.map((l) => ({
        type: l.type,
        title: l.title,
        ...(l.quantity !== undefined ? { quantity: l.quantity } : {}),
        price: money(l.pricePaise),
      })),
      total: money(order.quote.totalPaise),
      expires_at: order.quote.expiresAt,
    },
    refusal: order.refusal ?? null,
    payment_method: order.cashOnDelivery === undefined ? null : order.cashOnDelivery ? 'cod' : 'prepaid',
    payment: order.payment
      ? {
          gateway_order_id: order.payment.gatewayOrderId,
          amount: money(order.payment.amountPaise),
          checkout_url: order.payment.checkoutUrl,
          paid: order.payment.paymentId !== undefined,
        }
      : null,
    order_id: order.orderId ?? null,
    order_state: order.orderState ?? null,
  };
}

export function checkoutView(deps: CoreDeps, checkout: Checkout): CheckoutView {
  const state = checkoutState(deps, checkout);
  return {
    checkout_id: checkout.id,
    state,
    pincode: checkout.pincode,
    sellers: checkout.sellers.map(sellerView),
    total: money(checkout.sellers.reduce((n, s) => n + s.quote.totalPaise, 0)),
    next_step: nextStep(state, checkout),
  };
}

export function summarizeCheckout(c: CheckoutView): string {
  const sellers = c.sellers.map((s) => `${s.provider.name} ₹${s.quote.total.value} (${s.state}${s.refusal ? `: ${s.refusal.message}` : ''})`);
  return `Checkout ${c.checkout_id} is ${c.state}, total ₹${c.total.value}: ${sellers.join('; ')}. ${c.next_step}`;
}
