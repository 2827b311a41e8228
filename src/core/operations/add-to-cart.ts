import { Type } from '@sinclair/typebox';
import { addToCart as addLine, summarizeCart, viewCart as priceCart } from '../cart.js';
import { defineOperation } from '../operation.js';
import { CartView, ProductIdParam, Quantity, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const addToCart = defineOperation({
  name: 'add_to_cart',
  title: 'Add to cart',
  description:
    'Put packs of a product from search_products into the cart; adding a product already in the cart raises its ' +
    'quantity. Price and name come from the seller\'s catalog. Returns the whole priced cart, grouped by seller. ' +
    'Next: view_cart, or keep shopping.',
  http: { method: 'POST', path: '/cart/items' },
  input: Type.Object({ session_id: SessionId, product_id: ProductIdParam, quantity: Type.Integer({ ...Quantity, default: 1 }) }),
  output: CartView,
  hints: { readOnly: false, idempotent: false, destructive: false },
  summarize: summarizeCart,
  run: async ({ session_id, product_id, quantity }, { deps }) => {
    await requireSession(deps, session_id);
    return priceCart(deps, await addLine(deps, session_id, product_id, quantity));
  },
});
