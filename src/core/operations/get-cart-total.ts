import { Type, type Static } from '@sinclair/typebox';
import { viewCart as priceCart } from '../cart.js';
import { Money, money } from '../money.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

const SellerTotal = Type.Object({
  provider_id: Type.String(),
  provider_name: Type.String(),
  subtotal: Money,
  delivery_charge: Money,
  packing_charge: Money,
  estimated_total: Money,
  below_min_order: Type.Boolean(),
});

export const getCartTotal = defineOperation({
  name: 'get_cart_total',
  title: 'Cart total',
  description:
    'Work out what the cart will cost: the item subtotal per seller plus each seller\'s listed delivery and packing ' +
    'charges. This is an estimate from the catalog; the binding amount, with taxes, comes from the sellers\' quote ' +
    'at checkout.',
  http: { method: 'GET', path: '/cart/total' },
  input: Type.Object({ session_id: SessionId }),
  output: Type.Object({
    session_id: Type.String(),
    item_count: Type.Integer(),
    subtotal: Money,
    delivery_charges: Money,
    packing_charges: Money,
    estimated_total: Money,
    sellers: Type.Array(SellerTotal),
    warnings: Type.Array(Type.String()),
    note: Type.String(),
  }),
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (t) =>
    t.item_count === 0
      ? 'The cart is empty.'
      : `Estimated total ₹${t.estimated_total.value} for ${t.item_count} item(s): subtotal ₹${t.subtotal.value}, ` +
        `delivery ₹${t.delivery_charges.value}, packing ₹${t.packing_charges.value}.`,
  run: async ({ session_id }, { deps }) => {
    await requireSession(deps, session_id);
    const cart = await priceCart(deps, await deps.stores.carts.get(session_id));
    const sellers: Static<typeof SellerTotal>[] = [];
    for (const group of cart.sellers) {
      const provider = await deps.catalog.getProvider(group.provider.id);
      const delivery = provider?.deliveryChargePaise ?? 0;
      const packing = provider?.packingChargePaise ?? 0;
      sellers.push({
        provider_id: group.provider.id,
        provider_name: group.provider.name,
        subtotal: group.subtotal,
        delivery_charge: money(delivery),
        packing_charge: money(packing),
        estimated_total: money(group.subtotal.paise + delivery + packing),
        below_min_order: group.below_min_order,
      });
    }
    const sum = (pick: (s: Static<typeof SellerTotal>) => number) => sellers.reduce((n, s) => n + pick(s), 0);
    return {
      session_id,
      item_count: cart.item_count,
      subtotal: cart.subtotal,
      delivery_charges: money(sum((s) => s.delivery_charge.paise)),
      packing_charges: money(sum((s) => s.packing_charge.paise)),
      estimated_total: money(sum((s) => s.estimated_total.paise)),
      sellers,
      warnings: cart.warnings,
      note: 'Estimate from catalog prices and listed charges; taxes and the binding total come from the sellers\' quote at checkout.',
    };
  },
});
