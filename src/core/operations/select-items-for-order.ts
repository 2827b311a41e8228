import { Type } from '@sinclair/typebox';
import { saveNewCheckout, sellerRef, type Checkout, type SellerOrder } from '../checkout.js';
import { CheckoutView, checkoutView, summarizeCheckout } from '../checkout-view.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const Pincode = Type.String({ pattern: '^[1-9][0-9]{5}$', description: 'Six-digit Indian delivery pincode', examples: ['560034'] });
export const Gps = Type.String({
  pattern: '^-?\\d{1,2}\\.\\d{1,8},\\s?-?\\d{1,3}\\.\\d{1,8}$',
  description: 'Delivery point as "lat,lon"; the pincode\'s own point is used when left out',
  examples: ['12.9352,77.6245'],
});

export const selectItemsForOrder = defineOperation({
  name: 'select_items_for_order',
  title: 'Get quotes for the cart',
  description:
    'Ask every seller in the cart for a binding quote for delivery to a pincode. Each seller becomes its own order ' +
    '(its own ONDC transaction). Returns each quote\'s breakup (items, delivery, packing, tax), total and expiry, or ' +
    'the seller\'s refusal (out of stock, pincode not served, below minimum order). Next: initialize_order.',
  http: { method: 'POST', path: '/checkouts' },
  input: Type.Object({ session_id: SessionId, pincode: Pincode, gps: Type.Optional(Gps) }),
  output: CheckoutView,
  hints: { readOnly: false, idempotent: false, destructive: false, openWorld: true },
  summarize: summarizeCheckout,
  run: async ({ session_id, pincode, gps }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const cart = await deps.stores.carts.get(session_id);
    if (cart.lines.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty; add products with add_to_cart first.');
    const products = await deps.catalog.getProducts(cart.lines.map((l) => l.productId));
    const groups = new Map<string, Array<{ productId: string; itemId: string; name: string; count: number }>>();
    for (const line of cart.lines) {
      const product = products.get(line.productId);
      if (!product) {
        throw new DomainError('PRODUCT_NOT_FOUND', `${line.productId} is no longer listed; remove it with remove_from_cart.`);
      }
      const group = groups.get(product.providerId) ?? [];
      group.push({ productId: product.id, itemId: product.itemId, name: product.name, count: line.quantity });
      groups.set(product.providerId, group);
    }

    // the delivery point: as given, else the pincode's own point from the directory
    const place = deps.pincodes.lookup(pincode);
    const near = place ? `${place.gps.lat.toFixed(6)},${place.gps.lon.toFixed(6)}` : undefined;
    const sellers: SellerOrder[] = await Promise.all(
      [...groups.entries()].map(async ([providerId, items]) => {
        const provider = await deps.catalog.getProvider(providerId);
        if (!provider) throw new DomainError('PRODUCT_NOT_FOUND', `Seller ${providerId} is no longer on the network.`);
        const seller = sellerRef(provider);
        const location = provider.locations[0];
        const point = gps ?? near ?? (location ? `${location.gps.lat},${location.gps.lon}` : '0,0');
        const exchange = { transactionId: deps.network.newTransactionId(), lastTimestamp: '' };
        const answer = await deps.network.select({ exchange, seller, items, pincode, gps: point });
        return {
          seller,
          exchange: answer.exchange,
          items,
          quote: answer.quote,
          state: answer.refusal ? 'failed' : 'quoted',
          ...(answer.refusal ? { refusal: answer.refusal } : {}),
        } satisfies SellerOrder;
      }),
    );
    const now = deps.clock.now().toISOString();
    const firstStore = (await deps.catalog.getProvider(sellers[0]!.seller.providerId))?.locations[0];
    const checkout: Checkout = {
      id: `chk_${deps.ids.random(12)}`,
      sessionId: session_id,
      ...(session.userId ? { userId: session.userId } : {}),
      createdAt: now,
      updatedAt: now,
      pincode,
      gps: gps ?? near ?? (firstStore ? `${firstStore.gps.lat},${firstStore.gps.lon}` : '0,0'),
      sellers,
    };
    await saveNewCheckout(deps, checkout);
    return checkoutView(deps, checkout);
  },
});
