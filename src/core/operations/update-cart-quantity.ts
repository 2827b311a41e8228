import { Type } from '@sinclair/typebox';
import { setQuantity, summarizeCart, viewCart as priceCart } from '../cart.js';
import { defineOperation } from '../operation.js';
import { CartView, ProductIdParam, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const updateCartQuantity = defineOperation({
  name: 'update_cart_quantity',
  title: 'Change quantity',
  description:
    'Set how many packs of a product in the cart to buy. A quantity of 0 removes the product. Returns the priced cart.',
  http: { method: 'PATCH', path: '/cart/items/:product_id' },
  input: Type.Object({
    session_id: SessionId,
    product_id: ProductIdParam,
    quantity: Type.Integer({ minimum: 0, maximum: 100, description: 'New number of packs; 0 removes the line' }),
  }),
  output: CartView,
  hints: { readOnly: false, idempotent: true, destructive: false },
  summarize: summarizeCart,
  run: async ({ session_id, product_id, quantity }, { deps }) => {
    await requireSession(deps, session_id);
    return priceCart(deps, await setQuantity(deps, session_id, product_id, quantity));
  },
});
