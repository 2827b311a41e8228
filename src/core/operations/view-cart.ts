import { Type } from '@sinclair/typebox';
import { summarizeCart, viewCart as priceCart } from '../cart.js';
import { defineOperation } from '../operation.js';
import { CartView, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const viewCart = defineOperation({
  name: 'view_cart',
  title: 'View cart',
  description:
    'Show the cart: each line with current catalog price, line totals, a subtotal per seller (each seller becomes ' +
    'its own order) and warnings such as out-of-stock items or a seller\'s minimum order not yet reached.',
  http: { method: 'GET', path: '/cart' },
  input: Type.Object({ session_id: SessionId }),
  output: CartView,
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: summarizeCart,
  run: async ({ session_id }, { deps }) => {
    await requireSession(deps, session_id);
    return priceCart(deps, await deps.stores.carts.get(session_id));
  },
});
