import { Type } from '@sinclair/typebox';
import { setQuantity, summarizeCart, viewCart as priceCart } from '../cart.js';
import { defineOperation } from '../operation.js';
import { CartView, ProductIdParam, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const removeFromCart = defineOperation({
  name: 'remove_from_cart',
  title: 'Remove from cart',
  description: 'Take a product out of the cart entirely. Returns the priced cart.',
  http: { method: 'DELETE', path: '/cart/items/:product_id' },
  input: Type.Object({ session_id: SessionId, product_id: ProductIdParam }),
  output: CartView,
  hints: { readOnly: false, idempotent: true, destructive: true },
  summarize: summarizeCart,
  run: async ({ session_id, product_id }, { deps }) => {
    await requireSession(deps, session_id);
    return priceCart(deps, await setQuantity(deps, session_id, product_id, 0));
  },
});
